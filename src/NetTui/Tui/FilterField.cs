using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace NetTui.Tui;

/// <summary>
/// The `/` filter line. Enter keeps the filter and returns to the table, Esc clears it;
/// both are taken here, before TextField's own bindings (Enter would otherwise "accept"
/// the whole window).
/// </summary>
internal sealed class FilterField : TextField
{
    public event Action? Done;
    public event Action? Cancelled;

    protected override bool OnKeyDown(Key key)
    {
        if (key == Key.Enter) { Done?.Invoke(); return true; }
        if (key == Key.Esc) { Cancelled?.Invoke(); return true; }
        return base.OnKeyDown(key);
    }
}
