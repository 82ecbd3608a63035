using NetTui.History.Journaling;
using NetTui.Presentation;
using NetTui.Presentation.History;
using Terminal.Gui.Input;

namespace NetTui.Tui.Controllers;

/// <summary>
/// The History view: rows from the <see cref="IHistoryBackend"/> (read off the UI thread when
/// the view is shown, on refresh and after every change), and the keys `u` undo, `o` roll back
/// to here, `y` redo, each confirmed in <see cref="HistoryOverlay"/> with the plan before it
/// runs; plus the start-up question about change-sets a crashed run left half-done.
/// </summary>
internal sealed class HistoryController(IShell shell) : IController
{
    private readonly HistoryOverlay _overlay = new();
    private IHistoryBackend? _backend;
    private RevertPreview? _pending;
    private bool _crashAsked;

    /// <summary>The keymap rows of the History view.</summary>
    public static IEnumerable<KeyBindingEntry> Keys() =>
    [
        new([Key.U], TuiAction.UndoChange, "Undo", "History: undo the newest applied change-set (shows the plan, asks first)",
            InStatusBar: true, AppliesTo: v => v == ViewKind.History),
        new([Key.O], TuiAction.RollbackToHere, "Roll back here", "History: roll back to the selected entry (undo everything after it; asks first)",
            InStatusBar: true, AppliesTo: v => v == ViewKind.History),
        new([Key.Y], TuiAction.RedoChange, "Redo", "History: redo the last undone change-set (asks first)",
            InStatusBar: true, AppliesTo: v => v == ViewKind.History),
    ];

    public HistoryOverlay Overlay => _overlay;

    /// <summary>The journal behind the view; null: the view stays empty and its keys say why.</summary>
    public IHistoryBackend? Backend
    {
        get => _backend;
        set
        {
            _backend = value;
            if (_overlay.SuperView is null)
            {
                _overlay.SetScheme(shell.Theme.Chrome);
                shell.Attach(_overlay);
            }
        }
    }

    /// <summary>Re-reads the journal into the view (off the UI thread).</summary>
    public void Reload()
    {
        if (_backend is not { } backend) return;
        UiWork.Off(ct => backend.LoadAsync(ct), shell.Post, load =>
        {
            shell.Pane(ViewKind.History).Show(HistoryPresenter.Rows(load.Entries, load.Now));
            if (shell.CurrentView == ViewKind.History) shell.ShowDetail();
            if (load.Crashed.Count > 0 && !_crashAsked)
            {
                _crashAsked = true;
                AskAboutCrash(load.Crashed);
            }
            shell.UpdateHeader();
        }, e => shell.Message = "history: " + e.Message);
    }

    public bool Do(KeyBindingEntry entry)
    {
        if (entry.Action is not (TuiAction.UndoChange or TuiAction.RedoChange or TuiAction.RollbackToHere)) return false;
        HistoryRequest? request = entry.Action switch
        {
            TuiAction.UndoChange => new(HistoryAction.Undo),
            TuiAction.RedoChange => new(HistoryAction.Redo),
            _ => shell.CurrentPane.Selected is ChangeSetDetail at ? new(HistoryAction.RollbackTo, at.ChangeSet.Id) : null,
        };
        if (_backend is not { } backend) { shell.Message = "the history is not available here (no journal)"; return true; }
        if (request is null) { shell.Message = "select the entry to roll back to"; return true; }

        _overlay.Show(HistoryOverlayMode.Working, request.Title, ["Reading the plan…"]);
        UiWork.Off(ct => backend.PreviewAsync(request, ct), shell.Post, preview =>
        {
            _pending = preview;
            if (!preview.CanRun)
                _overlay.Show(HistoryOverlayMode.Result, request.Title, [preview.Refusal ?? "nothing to do"], "nothing was changed (any key closes)");
            else
                _overlay.Show(HistoryOverlayMode.Confirm, request.Title, ["These commands will run, journaled, in this order:", "", .. preview.Lines],
                    shell.ReadOnlyMode ? "read-only: reverting needs root (Esc closes)" : "y  run it   ·   Esc  cancel");
        }, e => _overlay.Show(HistoryOverlayMode.Result, request.Title, ["the plan could not be read: " + e.Message], "(any key closes)"));
        return true;
    }

    /// <summary>Keys while the overlay is open; it takes them all.</summary>
    public bool OverlayKey(Key key)
    {
        var close = key == Key.Esc || key == Key.Q;
        switch (_overlay.Mode)
        {
            case HistoryOverlayMode.Working:
                break;
            case HistoryOverlayMode.Confirm when (key == Key.Y || key == Key.Enter) && !shell.ReadOnlyMode && _pending is { } preview:
                Revert(preview, force: false);
                break;
            case HistoryOverlayMode.Confirm:
            case HistoryOverlayMode.Drift when close:
                Close(_overlay.Mode == HistoryOverlayMode.Confirm ? "nothing was changed" : "left as it is; nothing more was changed");
                break;
            case HistoryOverlayMode.Drift when (key == Key.F || key == Key.F.WithShift) && _pending is { } rest:
                Revert(rest, force: true);
                break;
            case HistoryOverlayMode.Crash when key == Key.R && _backend is { } backend:
                Run("Roll back the crashed change", ct => backend.RollBackPendingAsync(ct));
                break;
            case HistoryOverlayMode.Crash when key == Key.F && _backend?.FinishPending is { } finish:
                Run("Finish the crashed change", finish);
                break;
            case HistoryOverlayMode.Crash when close:
                Close("left pending: new changes are refused until it is rolled back or finished (nettui rollback --pending / finish)");
                break;
            case HistoryOverlayMode.Result:
                Close(null);
                break;
        }
        return true;
    }

    private void AskAboutCrash(IReadOnlyList<string> crashed)
    {
        var keys = "r    roll back what it did (as nettui rollback --pending)\n" +
                   (_backend?.FinishPending is null ? "" : "f    finish the remaining steps (as nettui finish)\n") +
                   "Esc  leave it (changes are refused until it is resolved)";
        _overlay.Show(HistoryOverlayMode.Crash, "A change was left half-done",
            ["A NetTui run ended in the middle of a change; the host may be half-changed:", "", .. crashed.Select(c => "  " + c)], keys);
    }

    private void Revert(RevertPreview preview, bool force)
    {
        if (_backend is not { } backend) return;
        Run(preview.Request.Title, ct => backend.RevertAsync(preview, force, ct), outcome =>
        {
            if (outcome.Drift is not { } drift) return false;
            // What is left to revert is the plan from the drifted change-set on; the backend re-plans and checks it is that.
            _pending = preview with { Targets = [.. preview.Targets.SkipWhile(id => id != drift.Revert.Target.Id)] };
            _overlay.Show(HistoryOverlayMode.Drift, preview.Request.Title, outcome.Lines,
                "f  revert anyway, overwriting these changes (like --force)   ·   Esc  leave it");
            return true;
        });
    }

    /// <summary>Runs a revert off the UI thread, then shows its lines, re-reads the journal and the host.</summary>
    private void Run(string title, Func<CancellationToken, Task<HistoryOutcome>> work, Func<HistoryOutcome, bool>? special = null)
    {
        _overlay.Show(HistoryOverlayMode.Working, title, ["Running…"]);
        UiWork.Off(work, shell.Post, outcome =>
        {
            if (special?.Invoke(outcome) != true)
                _overlay.Show(HistoryOverlayMode.Result, title, outcome.Lines, outcome.Succeeded ? "done (any key closes)" : "FAILED (any key closes)");
            shell.Message = outcome.Lines.LastOrDefault();
            shell.Refresh(RefreshRequest.AfterRevert); // the host changed; the journal is re-read with it
        }, e =>
        {
            _overlay.Show(HistoryOverlayMode.Result, title, ["could not run: " + e.Message], "(any key closes)");
            Reload();
        });
    }

    private void Close(string? message)
    {
        _overlay.Close();
        _pending = null;
        if (message is not null) shell.Message = message;
        shell.FocusTable();
        shell.UpdateHeader();
    }
}
