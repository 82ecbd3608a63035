using NetTui.Presentation;
using Terminal.Gui.Input;

namespace NetTui.Tui.Controllers;

/// <summary>
/// Moving around and looking: views (Tab, 1-8), jumps along the detail pane's links and back,
/// sorting, help, sources, the full detail, the Doctor, the tunnel wizard, theme, refresh, quit.
/// Its keys come first and last in the keymap (help and the status bar list them in that order).
/// </summary>
internal sealed class NavigationController(IShell shell, KeyMap keys, TextOverlay overlay, TunnelWizardOverlay wizard, DoctorPanel doctor) : IController
{
    private readonly Stack<(ViewKind View, string Key)> _back = new();

    private static bool Sortable(ViewKind v) => v is ViewKind.Interfaces or ViewKind.Routes or ViewKind.Containers;

    public static IEnumerable<KeyBindingEntry> Keys() =>
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
    ];

    public static IEnumerable<KeyBindingEntry> LastKeys() =>
    [
        new([Key.W], TuiAction.TunnelWizard, "Wizard", "tunnel wizard: join this host's containers to a peer's over GRE"),
        new([Key.T], TuiAction.CycleTheme, "Theme", "next colour theme (dark, light, 16 colours)"),
        new([Key.Q, Key.Q.WithCtrl], TuiAction.Quit, "Quit", "quit", InStatusBar: true),
    ];

    /// <summary>What the Doctor view (F2 / !) diagnoses and fixes with; null: the key says it is not available.</summary>
    public IDoctorBackend? Doctor { get; set; }

    public bool Do(KeyBindingEntry entry)
    {
        var views = Enum.GetValues<ViewKind>().Length;
        switch (entry.Action)
        {
            case TuiAction.Help: overlay.Open("Help: keys", HelpText.For(keys)); break;
            case TuiAction.TunnelWizard: wizard.Open(new Presentation.Wizard.TunnelWizardFlow(shell.Snapshot)); break;
            case TuiAction.Sources: overlay.Open("Sources", SourcesText.For(shell.Snapshot)); break;
            case TuiAction.FullDetail:
                var d = shell.CurrentPane.SelectedDetail;
                overlay.Open(d.Title, string.Join("\n", d.Lines()));
                break;
            case TuiAction.Quit: shell.RequestStop(); break;
            case TuiAction.Refresh: shell.Refresh(RefreshRequest.Everything); break;
            case TuiAction.SortNextColumn:
                shell.CurrentPane.State.CycleSortColumn(shell.CurrentPane.Rows?.Set.ColumnNames.Count ?? 0);
                shell.CurrentPane.Reapply();
                break;
            case TuiAction.SortReverse: shell.CurrentPane.State.ToggleSortDirection(); shell.CurrentPane.Reapply(); break;
            case TuiAction.Jump: Jump(); break;
            case TuiAction.Back: Back(); break;
            case TuiAction.NextView: shell.ShowView((ViewKind)(((int)shell.CurrentView + 1) % views)); break;
            case TuiAction.PreviousView: shell.ShowView((ViewKind)(((int)shell.CurrentView + views - 1) % views)); break;
            case TuiAction.ShowView when entry.View is { } v: shell.ShowView(v); break;
            case TuiAction.CycleTheme: shell.ApplyTheme(shell.Theme.Next()); shell.Message = $"theme {shell.Theme.Name}"; break;
            case TuiAction.Doctor:
                if (Doctor is null) shell.Message = "the Doctor is not available here";
                else doctor.Open(Doctor);
                break;
            default: return false;
        }
        return true;
    }

    /// <summary>Jump to the first related object of the selection (Enter / g).</summary>
    public bool Jump()
    {
        var from = shell.CurrentPane;
        var target = from.SelectedDetail.Related.FirstOrDefault();
        if (target is null) { shell.Message = "nothing to jump to"; return false; }
        var fromKey = from.State.SelectedKey;
        shell.ShowView(target.View);
        if (!shell.CurrentPane.Select(target.Key)) { shell.Message = $"{target.Label}: not found"; return false; }
        if (fromKey is not null) _back.Push((from.Kind, fromKey));
        return true;
    }

    private void Back()
    {
        if (!_back.TryPop(out var at)) { shell.Message = "no jump to go back from"; return; }
        shell.ShowView(at.View);
        shell.CurrentPane.Select(at.Key);
    }
}
