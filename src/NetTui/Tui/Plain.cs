using System.Text;
using Terminal.Gui.ViewBase;

namespace NetTui.Tui;

/// <summary>
/// Terminal.Gui reads "_x" in a title or text as a hotkey marker and hides the underscore;
/// interface names and OVS options ("remote_ip") are full of underscores, so views that
/// show host data turn that off.
/// </summary>
internal static class Plain
{
    public static readonly Rune NoHotKey = (Rune)0xffff;

    public static T Text<T>(T view) where T : View
    {
        view.HotKeySpecifier = NoHotKey;
        return view;
    }
}
