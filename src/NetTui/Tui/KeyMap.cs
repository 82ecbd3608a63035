using System.Text;
using NetTui.Presentation;
using Terminal.Gui.Input;

namespace NetTui.Tui;

/// <summary>
/// One key binding: the keys, what they do, and how help and the status bar describe them.
/// <see cref="View"/> is the argument of <see cref="TuiAction.ShowView"/>.
/// </summary>
public sealed record KeyBindingEntry(
    IReadOnlyList<Key> Keys,
    TuiAction Action,
    string Short,
    string Description,
    bool InStatusBar = false,
    ViewKind? View = null,
    Func<ViewKind, bool>? AppliesTo = null)
{
    public string KeyText => string.Join(" ", Keys.Select(KeyMap.Display));
    public bool Applies(ViewKind current) => AppliesTo?.Invoke(current) ?? true;
}

/// <summary>
/// The main window's keys, in one table: the key handler looks keys up here and the help
/// screen and status bar are generated from it, so the documentation cannot drift.
/// </summary>
public sealed class KeyMap(IReadOnlyList<KeyBindingEntry> entries)
{
    public IReadOnlyList<KeyBindingEntry> Entries => entries;

    /// <summary>
    /// Every controller's keys, in the order help and the status bar list them. Each controller
    /// declares its rows next to the handlers that run them (Tui/Controllers).
    /// </summary>
    public static readonly KeyMap Default = new(
    [
        .. Controllers.NavigationController.Keys(),
        .. Controllers.FormsController.Keys(),
        Controllers.ConfirmController.Key(),
        Controllers.FormsController.PersistKey(),
        .. Controllers.HistoryController.Keys(),
        Controllers.TrafficController.Key(),
        Controllers.Views.LogsController.Key(),
        Controllers.TraceController.Key(),
        Controllers.CaptureController.Key(),
        .. Controllers.NavigationController.LastKeys(),
    ]);

    /// <summary>The entry bound to <paramref name="key"/>, if any.</summary>
    public KeyBindingEntry? Find(Key key)
    {
        foreach (var e in entries)
            foreach (var k in e.Keys)
                if (Matches(k, key)) return e;
        return null;
    }

    // Terminals disagree on whether "?" or "/" arrive with Shift; printable keys match by character.
    private static bool Matches(Key bound, Key pressed)
    {
        if (bound == pressed) return true;
        if (pressed.IsCtrl || pressed.IsAlt || bound.IsCtrl || bound.IsAlt) return false;
        var a = bound.AsRune;
        var b = pressed.AsRune;
        return a != default && a == b && !Rune.IsLetter(a) && !Rune.IsControl(a) && !Rune.IsWhiteSpace(a);
    }

    /// <summary>How a key is written in help and the status bar ("F1", "?", "S", "Shift+Tab").</summary>
    public static string Display(Key k)
    {
        if (k == Key.Enter) return "Enter";
        if (k == Key.Esc) return "Esc";
        if (k == Key.Backspace) return "Backspace";
        if (!k.IsCtrl && !k.IsAlt && k.AsRune is var r && r != default && !Rune.IsWhiteSpace(r))
            return r.ToString();
        return k.ToString();
    }
}
