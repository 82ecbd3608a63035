using NetTui.Tui;
using NetTui.UiTests.Fixtures;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.Input;

namespace NetTui.UiTests.Tui;

/// <summary>
/// `--read-only` in the TUI: the header says read-only and why, the form keys leave the status
/// bar and open nothing; without the rights to change the network the header gives that reason.
/// </summary>
[Collection(UiCollection.Name)]
public class ReadOnlyScreenTests
{
    [Fact]
    public void Read_only_asked_hides_every_form_and_says_why_in_the_header()
    {
        using var s = new Screen(LabSnapshots.Lab(), width: 120, height: 30);
        s.Window.ReadOnlyReason = TuiApp.ReadOnlyWhy(asked: true, missingPrivilege: null)!;
        s.Window.FormsHidden = true;
        Assert.Contains("read-only: --read-only", s.Lines[0]);
        s.Press(Key.N);
        Assert.False(s.Window.FormOpen);
        s.Press(Key.E);
        Assert.False(s.Window.FormOpen);
        Assert.Contains("no forms in this session", s.Text);
    }

    [Fact]
    public void Without_privilege_the_header_says_changes_need_root_and_forms_still_preview()
    {
        var why = TuiApp.ReadOnlyWhy(asked: false, missingPrivilege: "changing the network needs root");
        Assert.Equal("changes need root or CAP_NET_ADMIN", why);
        Assert.Null(TuiApp.ReadOnlyWhy(asked: false, missingPrivilege: null));
        using var s = new Screen(LabSnapshots.Lab(), width: 120, height: 30);
        s.Window.ReadOnlyReason = why!;
        Assert.Contains("read-only: changes need root or CAP_NET_ADMIN", s.Lines[0]);
        s.Press(Key.N);
        Assert.True(s.Window.FormOpen);
    }
}
