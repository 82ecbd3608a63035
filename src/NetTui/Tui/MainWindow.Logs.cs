using NetTui.Core.Logs;
using NetTui.Presentation;

namespace NetTui.Tui;

/// <summary>The Logs view's part of the shell: its follower runs only while the view is on screen.</summary>
internal sealed partial class MainWindow
{
    private bool _followingLogs;

    /// <summary>The Logs view came on screen (true) or went (false): the composition root starts or stops following the daemons' logs.</summary>
    public event Action<bool>? LogsFollowing;

    /// <summary>The object name the Logs view is filtered to (`l` on a row); null: every line.</summary>
    internal string? LogsName => _logs.Name;
    internal LogBuffer LogLines => _logs.Buffer;

    /// <summary>Where each daemon's log is read from, or why not (a new follow: the lines start again from the logs' tails).</summary>
    public void ShowLogSources(IReadOnlyList<LogLocation> sources) => _logs.ShowSources(sources);

    /// <summary>New lines, on the UI thread.</summary>
    public void AppendLogs(IReadOnlyList<LogLine> lines) => _logs.Append(lines);

    private void FollowLogsWhileShown()
    {
        var shown = CurrentView == ViewKind.Logs;
        if (shown == _followingLogs) return;
        _followingLogs = shown;
        LogsFollowing?.Invoke(shown);
    }
}
