using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace NetTui.Tui;

/// <summary>
/// A TableView that leaves printable keys alone. TableView treats every unhandled
/// printable key as type-to-search (even with no CollectionNavigator) and swallows it,
/// which would hide the single-letter keys of the keymap (q, r, s, /, ...).
/// </summary>
internal sealed class KeyTable : TableView
{
    public KeyTable()
    {
        // Rows matter here, not cells: Home/End go to the first/last row (not the row's ends).
        KeyBindings.ReplaceCommands(Key.Home, Command.Start);
        KeyBindings.ReplaceCommands(Key.End, Command.End);
    }

    protected override bool OnKeyDownNotHandled(Key key) => false;
}
