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

    [Theory]
    [InlineData("")]
    [InlineData("--theme light")]
    [InlineData("tui")]
    [InlineData("tui --theme 16 --netns ntl-a")]
    [InlineData("--netns ntl-a tui")]
    public void No_verb_and_the_tui_verb_parse(string args)
    {
        var root = NetTui.Cli.NetTuiCli.BuildRoot(new NetTui.Cli.CliContext(TextWriter.Null, TextWriter.Null));
        var parsed = root.Parse(args.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(parsed.Errors);
        Assert.NotNull(parsed.Action);
    }

    [Fact]
    public void Themes_are_found_by_name()
    {
        Assert.Equal("16", Theme.ByName("16").Name);
        Assert.Equal("light", Theme.ByName("LIGHT").Name);
        Assert.Equal("dark", Theme.ByName("nonsense").Name);
    }
}
