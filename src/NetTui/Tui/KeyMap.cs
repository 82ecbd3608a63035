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

    private static bool Sortable(ViewKind v) => v is ViewKind.Interfaces or ViewKind.Routes or ViewKind.Containers;

    public static readonly KeyMap Default = new(
    [
        new([Key.F1, new Key('?')], TuiAction.Help, "Help", "show this help (any key closes it)", InStatusBar: true),
        new([new Key('/')], TuiAction.Filter, "Filter", "filter the current view as you type (Enter keeps, Esc clears)", InStatusBar: true),
        new([Key.Esc], TuiAction.ClearFilter, "Clear", "clear the filter of the current view"),
        new([Key.Enter, Key.G], TuiAction.Jump, "Jump", "jump to the first related object in the detail pane (⏎)", InStatusBar: true),
        new([Key.B, Key.Backspace], TuiAction.Back, "Back", "go back to where the last jump started"),
        new([Key.D], TuiAction.FullDetail, "Detail", "show the full detail of the selection", InStatusBar: true),
        new([Key.S], TuiAction.SortNextColumn, "Sort", "sort by the next column (none, 1st, 2nd, ...)", InStatusBar: true, AppliesTo: Sortable),
        new([Key.S.WithShift], TuiAction.SortReverse, "Reverse", "reverse the sort direction", AppliesTo: Sortable),
        new([Key.Tab], TuiAction.NextView, "Next", "next view"),
        new([Key.Tab.WithShift], TuiAction.PreviousView, "Prev", "previous view"),
        .. Enum.GetValues<ViewKind>().Select(v =>
            new KeyBindingEntry([new Key((char)('1' + (int)v))], TuiAction.ShowView, v.Title(), $"show {v.Title()}", View: v)),
        new([Key.I], TuiAction.Sources, "Sources", "show each source's health, the full reason when down, and read times"),
        new([Key.F2, new Key('!')], TuiAction.Doctor, "Doctor", "open the Doctor: what is wrong, why, and a fix to confirm"),
        new([Key.R], TuiAction.Refresh, "Refresh", "re-read everything now", InStatusBar: true),
        .. MainWindow.FormKeys(),
        MainWindow.ConfirmKey(),
        new([Key.P], TuiAction.MakePersistent, "Persist", "make persistent: a NetworkManager profile for a runtime-only bridge or interface",
            AppliesTo: v => v is ViewKind.Interfaces or ViewKind.Bridges or ViewKind.Drift),
        .. MainWindow.HistoryKeys(),
        new([Key.W], TuiAction.TunnelWizard, "Wizard", "tunnel wizard: join this host's containers to a peer's over GRE"),
        new([Key.T], TuiAction.CycleTheme, "Theme", "next colour theme (dark, light, 16 colours)"),
        new([Key.Q, Key.Q.WithCtrl], TuiAction.Quit, "Quit", "quit", InStatusBar: true),
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
