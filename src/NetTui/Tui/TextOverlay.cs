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
        BorderStyle = Terminal.Gui.Drawing.LineStyle.Double;
        X = Pos.Center();
        Y = 1;
        Width = Dim.Percent(94);
        Height = Dim.Fill(1);
        Visible = false;
        CanFocus = false;
    }

    public void Open(string title, string text)
    {
        Title = $"{title} (any key closes)";
        Text = text;
        Visible = true;
        SetNeedsDraw();
    }

    public void Close() => Visible = false;
}
