using NetTui.Presentation;
using NetTui.Tui;
using NetTui.UiTests.Fixtures;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.Input;

namespace NetTui.UiTests.Perf;

/// <summary>
/// Typing a filter on a huge view does not scan every row per keystroke (issue 9): the
/// text is applied after a pause in typing (a main-loop timeout, which these headless tests
/// never run) or at once on Enter; small views filter as you type.
/// </summary>
[Collection(UiCollection.Name)]
public class FilterTypingTests
{
    [Fact]
    public void On_200k_routes_keystrokes_wait_and_enter_applies_the_filter()
    {
        using var s = new Screen(LabSnapshots.Big(10, 200_000), 120, 40, readOnly: false);
        s.Window.ShowView(ViewKind.Routes);
        s.Press(new Key('/')).Type("10.1.2.25");
        Assert.Equal(200_000, s.Window.CurrentPane.Rows!.Count); // not re-filtered per key
        s.Press(Key.Enter);
        Assert.Equal(7, s.Window.CurrentPane.Rows!.Count);
        Assert.Contains("7/200000 rows", s.Lines[0]);
    }

    [Fact]
    public void Esc_drops_a_filter_still_waiting()
    {
        using var s = new Screen(LabSnapshots.Big(10, 200_000), 120, 40, readOnly: false);
        s.Window.ShowView(ViewKind.Routes);
        s.Press(new Key('/')).Type("10.1.2.25").Press(Key.Esc);
        Assert.Equal(200_000, s.Window.CurrentPane.Rows!.Count);
        Assert.Equal("", s.Window.CurrentPane.State.Filter);
    }

    [Fact]
    public void A_small_view_filters_on_every_keystroke()
    {
        using var s = new Screen(LabSnapshots.Lab(), 120, 40, readOnly: false);
        var all = s.Window.CurrentPane.Rows!.Count;
        s.Press(new Key('/')).Type("veth");
        Assert.InRange(s.Window.CurrentPane.Rows!.Count, 1, all - 1);
    }
}
