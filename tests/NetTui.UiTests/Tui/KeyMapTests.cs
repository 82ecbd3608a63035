using NetTui.Presentation;
using NetTui.Tui;
using Terminal.Gui.Input;

namespace NetTui.UiTests.Tui;

public class KeyMapTests
{
    [Fact]
    public void Every_action_has_a_key_and_no_key_is_bound_twice()
    {
        var entries = KeyMap.Default.Entries;
        foreach (var action in Enum.GetValues<TuiAction>())
            Assert.Contains(entries, e => e.Action == action);
        var keys = entries.SelectMany(e => e.Keys).Select(KeyMap.Display).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        foreach (var v in Enum.GetValues<ViewKind>())
            Assert.Contains(entries, e => e.Action == TuiAction.ShowView && e.View == v);
    }

    [Fact]
    public void Printable_keys_match_with_or_without_shift_but_tab_and_letters_do_not()
    {
        Assert.Equal(TuiAction.Help, KeyMap.Default.Find(new Key('?'))!.Action);
        Assert.Equal(TuiAction.Help, KeyMap.Default.Find(new Key('?').WithShift)!.Action);
        Assert.Equal(TuiAction.PreviousView, KeyMap.Default.Find(Key.Tab.WithShift)!.Action);
        Assert.Equal(TuiAction.SortReverse, KeyMap.Default.Find(Key.S.WithShift)!.Action);
        Assert.Equal(TuiAction.SortNextColumn, KeyMap.Default.Find(Key.S)!.Action);
        Assert.Null(KeyMap.Default.Find(Key.X));
    }

    [Fact]
    public void Tui_options_parse_netns_and_theme()
    {
        Assert.Equal(new TuiOptions(), TuiOptions.Parse([]));
        Assert.Equal(new TuiOptions("ntl-a", "light"), TuiOptions.Parse(["tui", "--netns", "ntl-a", "--theme", "light"]));
        Assert.Equal(new TuiOptions("x", "16"), TuiOptions.Parse(["--netns=x", "--theme=16"]));
        Assert.Null(TuiOptions.Parse(["tui", "--bogus"]));
        Assert.Equal("16", Theme.ByName("16").Name);
        Assert.Equal("dark", Theme.ByName("nonsense").Name);
    }
}
