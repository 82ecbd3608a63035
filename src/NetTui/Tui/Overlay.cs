using Terminal.Gui.ViewBase;

namespace NetTui.Tui;

/// <summary>
/// The one frame every overlay of the main window uses (help, forms, wizard): a hidden,
/// focusable double-bordered panel over the tables, leaving the status bar visible.
/// </summary>
internal static class Overlay
{
    public static void Frame(View view)
    {
        view.BorderStyle = Terminal.Gui.Drawing.LineStyle.Double;
        view.X = Pos.Center();
        view.Y = 1;
        view.Width = Dim.Percent(94);
        view.Height = Dim.Fill(1);
        view.Visible = false;
        view.CanFocus = true;
        view.HotKeySpecifier = Plain.NoHotKey;
    }
}
