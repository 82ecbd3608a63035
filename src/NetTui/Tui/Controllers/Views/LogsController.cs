using NetTui.Core.Logs;
using NetTui.Presentation;
using Terminal.Gui.Input;

namespace NetTui.Tui.Controllers.Views;

/// <summary>
/// The Logs view: what ovs-vswitchd, ovsdb-server, NetworkManager and dockerd said, newest
/// last, and `l`: on a row of another view, the lines naming its object; in Logs, every line
/// again. Lines come from the log follower (Live/LogFollower), which runs only while the view
/// is on screen; they are kept in a bounded buffer, so memory stays fixed however much is logged.
/// The view follows new lines while its selection is on the last row (as `tail -f`); moving up
/// stops that until the last row is selected again.
/// </summary>
internal sealed class LogsController(IShell shell) : IController
{
    private readonly LogBuffer _buffer = new();
    private IReadOnlyList<LogLocation> _sources = [];

    public static KeyBindingEntry Key() =>
        new([Terminal.Gui.Input.Key.L], TuiAction.ShowLogs, "Logs",
            "Logs: what OVS, NetworkManager and dockerd said about the selected object (in Logs: every line)",
            InStatusBar: false);

    /// <summary>The object name the lines are filtered to; null: all lines.</summary>
    public string? Name { get; private set; }

    public LogBuffer Buffer => _buffer;

    public bool Do(KeyBindingEntry entry)
    {
        if (entry.Action != TuiAction.ShowLogs) return false;
        if (shell.CurrentView == ViewKind.Logs) Name = null;
        else Name = LogsPresenter.SubjectName(shell.CurrentPane.Selected);
        shell.ShowView(ViewKind.Logs);
        Present(toEnd: true);
        shell.Message = Name is null ? "logs: every line (newest last)" : $"logs: lines naming {Name} (l: every line)";
        return true;
    }

    /// <summary>Where each daemon's log is read from (or why not): the view's first rows. A new follow starts from the files' tails again.</summary>
    public void ShowSources(IReadOnlyList<LogLocation> sources)
    {
        _sources = sources;
        _buffer.Clear();
        Present(toEnd: true);
    }

    public void Append(IReadOnlyList<LogLine> lines)
    {
        if (lines.Count == 0) return;
        _buffer.AddRange(lines);
        Present(toEnd: false);
    }

    private void Present(bool toEnd)
    {
        var pane = shell.Pane(ViewKind.Logs);
        var following = toEnd || pane.Rows is not { } rows || pane.SelectedRow < 0 || pane.SelectedRow >= rows.Count - 1;
        pane.Show(LogsPresenter.Rows(_sources, _buffer.Matching(Name)));
        if (following) pane.SelectLast();
        if (shell.CurrentView == ViewKind.Logs) shell.ShowDetail();
    }
}
