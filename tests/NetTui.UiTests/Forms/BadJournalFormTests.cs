using NetTui.Composition;
using NetTui.Presentation;
using NetTui.Tui;
using NetTui.UiTests.Fixtures;
using NetTui.UiTests.History;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.Input;

namespace NetTui.UiTests.Forms;

/// <summary>
/// A history file that is not a database, with the TUI wired as TuiApp wires it: the form's
/// Apply is refused naming the file, nothing runs, and the header says changes are refused.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class BadJournalFormTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nettui-uibadjournal-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_form_is_refused_nothing_runs_and_the_header_says_why()
    {
        var history = Path.Combine(_dir, "history.db");
        File.WriteAllText(history, "not a database\n" + new string('-', 4096));
        var host = new FakeHost();
        using var changes = new HostChanges(new HostOptions { Netns = HistoryLab.Netns, HistoryPath = history }, new HostParts
        {
            Runner = _ => host,
            Inventory = (_, _) => host,
            Files = () => host,
            Probe = _ => Task.FromResult(new PersistenceMode(false, "NetworkManager is not running (UI test)")),
        });
        var path = new TuiChangePath(changes);
        using var s = new Screen(LabSnapshots.Lab(), 160, 40, readOnly: false);
        // As TuiApp wires it; the apply is waited for here, so its result is on screen at once.
        s.Window.ApplyChanges = a => Task.FromResult(path.ApplyAsync(a).GetAwaiter().GetResult());
        s.Window.JournalProblem = () => changes.Journal.Problem?.Line;
        s.Window.ShowView(ViewKind.Bridges);

        s.Press(Key.N);
        Assert.True(s.Window.FormOpen);
        s.Press(Key.Enter);
        var form = s.Text;
        Assert.Contains("not applied: the history journal", form, StringComparison.Ordinal);
        Assert.Contains(history, form, StringComparison.Ordinal);
        Assert.Empty(host.Ran);

        s.Press(Key.Enter);
        Assert.False(s.Window.FormOpen);
        Assert.Contains("CHANGES REFUSED: the history journal " + history, s.Lines[0], StringComparison.Ordinal);
    }
}
