using Terminal.Gui.ViewBase;

namespace NetTui.Tui;

/// <summary>
/// A bordered text panel over the main window (help, full detail). An overlay rather than
/// a modal run loop, so it works the same in headless tests: any key closes it.
/// </summary>
internal sealed class TextOverlay : View
{
    public TextOverlay()
    {
        Overlay.Frame(this);
    }

    /// <summary>Raised when a key closed the overlay (whoever opened it restores focus).</summary>
    public event Action? Closed;

    // Focused while open, so it sees every key before the table does; any key closes it.
    protected override bool OnKeyDown(Terminal.Gui.Input.Key key)
    {
        Close();
        Closed?.Invoke();
        return true;
    }

    public void Open(string title, string text)
    {
        Title = $"{title} (any key closes)";
        Text = text;
        Visible = true;
        SetFocus();
        SetNeedsDraw();
    }

    public void Close() => Visible = false;
}
