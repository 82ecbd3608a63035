using NetTui.Presentation;
using NetTui.Presentation.History;
using Terminal.Gui.Input;

namespace NetTui.Tui;

/// <summary>
/// The History view's controller: rows from the <see cref="IHistoryBackend"/> (read off the UI
/// thread when the view is shown, on refresh and after every change), and the keys `u` undo,
/// `o` roll back to here, `y` redo, each confirmed in <see cref="HistoryOverlay"/> with the plan
/// before it runs; plus the start-up question about change-sets a crashed run left half-done.
/// </summary>
internal sealed partial class MainWindow
{
    private readonly HistoryOverlay _historyOverlay = new();
    private IHistoryBackend? _history;
    private RevertPreview? _pendingRevert;
    private bool _crashAsked;

    /// <summary>The journal behind the History view; null: the view stays empty and its keys say why.</summary>
    public IHistoryBackend? History
    {
        get => _history;
        set
        {
            if (_history is null && value is not null) RefreshRequested += r => { if (r.History) ReloadHistory(); }; // a refresh, a form or a fix may have journaled something
            _history = value;
            if (_historyOverlay.SuperView is null)
            {
                _historyOverlay.SetScheme(Theme.Chrome);
                Add(_historyOverlay);
            }
        }
    }

    /// <summary>How work done off the UI thread comes back to it (the app's Invoke; tests pump their own queue).</summary>
    internal Action<Action>? Dispatch { get; set; }

    internal HistoryOverlay HistoryOverlay => _historyOverlay;

    /// <summary>Reads the journal at start; a change-set left pending by a crashed run opens the recovery question.</summary>
    public void StartHistory() => ReloadHistory();

    /// <summary>Re-reads the journal into the History view (off the UI thread).</summary>
    public void ReloadHistory()
    {
        if (_history is not { } backend) return;
        Off(ct => backend.LoadAsync(ct), load =>
        {
            _panes[ViewKind.History].Show(HistoryPresenter.Rows(load.Entries, load.Now));
            if (CurrentView == ViewKind.History) ShowDetail();
            if (load.Crashed.Count > 0 && !_crashAsked)
            {
                _crashAsked = true;
                AskAboutCrash(load.Crashed);
            }
            UpdateHeader();
        }, e => _message = "history: " + e.Message);
    }

    /// <summary>The keymap rows of the History view (spliced into <see cref="KeyMap.Default"/>).</summary>
    internal static IEnumerable<KeyBindingEntry> HistoryKeys() =>
    [
        new([Key.U], TuiAction.UndoChange, "Undo", "History: undo the newest applied change-set (shows the plan, asks first)",
            InStatusBar: true, AppliesTo: v => v == ViewKind.History),
        new([Key.O], TuiAction.RollbackToHere, "Roll back here", "History: roll back to the selected entry (undo everything after it; asks first)",
            InStatusBar: true, AppliesTo: v => v == ViewKind.History),
        new([Key.Y], TuiAction.RedoChange, "Redo", "History: redo the last undone change-set (asks first)",
            InStatusBar: true, AppliesTo: v => v == ViewKind.History),
    ];

    /// <summary>Runs the History actions of the keymap; false for any other action.</summary>
    private bool DoHistory(TuiAction action)
    {
        HistoryRequest? request = action switch
        {
            TuiAction.UndoChange => new(HistoryAction.Undo),
            TuiAction.RedoChange => new(HistoryAction.Redo),
            TuiAction.RollbackToHere when CurrentPane.Selected is NetTui.History.Journaling.ChangeSetDetail entry => new(HistoryAction.RollbackTo, entry.ChangeSet.Id),
            TuiAction.RollbackToHere => null,
            _ => null,
        };
        if (action is not (TuiAction.UndoChange or TuiAction.RedoChange or TuiAction.RollbackToHere)) return false;
        if (_history is not { } backend) { _message = "the history is not available here (no journal)"; return true; }
        if (request is null) { _message = "select the entry to roll back to"; return true; }

        _historyOverlay.Show(HistoryOverlayMode.Working, request.Title, ["Reading the plan…"]);
        Off(ct => backend.PreviewAsync(request, ct), preview =>
        {
            _pendingRevert = preview;
            if (!preview.CanRun)
                _historyOverlay.Show(HistoryOverlayMode.Result, request.Title, [preview.Refusal ?? "nothing to do"], "nothing was changed (any key closes)");
            else
                _historyOverlay.Show(HistoryOverlayMode.Confirm, request.Title, ["These commands will run, journaled, in this order:", "", .. preview.Lines],
                    ReadOnlyMode ? "read-only: reverting needs root (Esc closes)" : "y  run it   ·   Esc  cancel");
        }, e => _historyOverlay.Show(HistoryOverlayMode.Result, request.Title, ["the plan could not be read: " + e.Message], "(any key closes)"));
        return true;
    }

    /// <summary>Keys while the overlay is open; it takes them all.</summary>
    private bool HistoryOverlayKey(Key key)
    {
        var close = key == Key.Esc || key == Key.Q;
        switch (_historyOverlay.Mode)
        {
            case HistoryOverlayMode.Working:
                break;
            case HistoryOverlayMode.Confirm when (key == Key.Y || key == Key.Enter) && !ReadOnlyMode && _pendingRevert is { } preview:
                Revert(preview, force: false);
                break;
            case HistoryOverlayMode.Confirm:
            case HistoryOverlayMode.Drift when close:
                CloseHistoryOverlay(_historyOverlay.Mode == HistoryOverlayMode.Confirm ? "nothing was changed" : "left as it is; nothing more was changed");
                break;
            case HistoryOverlayMode.Drift when (key == Key.F || key == Key.F.WithShift) && _pendingRevert is { } rest:
                Revert(rest, force: true);
                break;
            case HistoryOverlayMode.Crash when key == Key.R && _history is { } backend:
                Run("Roll back the crashed change", ct => backend.RollBackPendingAsync(ct));
                break;
            case HistoryOverlayMode.Crash when key == Key.F && _history?.FinishPending is { } finish:
                Run("Finish the crashed change", finish);
                break;
            case HistoryOverlayMode.Crash when close:
                CloseHistoryOverlay("left pending: new changes are refused until it is rolled back or finished (nettui rollback --pending / finish)");
                break;
            case HistoryOverlayMode.Result:
                CloseHistoryOverlay(null);
                break;
        }
        return true;
    }

    private void AskAboutCrash(IReadOnlyList<string> crashed)
    {
        var keys = "r    roll back what it did (as nettui rollback --pending)\n" +
                   (_history?.FinishPending is null ? "" : "f    finish the remaining steps (as nettui finish)\n") +
                   "Esc  leave it (changes are refused until it is resolved)";
        _historyOverlay.Show(HistoryOverlayMode.Crash, "A change was left half-done",
            ["A NetTui run ended in the middle of a change; the host may be half-changed:", "", .. crashed.Select(c => "  " + c)], keys);
    }

    private void Revert(RevertPreview preview, bool force)
    {
        if (_history is not { } backend) return;
        Run(preview.Request.Title, ct => backend.RevertAsync(preview, force, ct), outcome =>
        {
            if (outcome.Drift is not { } drift) return false;
            // What is left to revert is the plan from the drifted change-set on; the backend re-plans and checks it is that.
            _pendingRevert = preview with { Targets = [.. preview.Targets.SkipWhile(id => id != drift.Revert.Target.Id)] };
            _historyOverlay.Show(HistoryOverlayMode.Drift, preview.Request.Title, outcome.Lines,
                "f  revert anyway, overwriting these changes (like --force)   ·   Esc  leave it");
            return true;
        });
    }

    /// <summary>Runs a revert off the UI thread, then shows its lines, re-reads the journal and the host.</summary>
    private void Run(string title, Func<CancellationToken, Task<HistoryOutcome>> work, Func<HistoryOutcome, bool>? special = null)
    {
        _historyOverlay.Show(HistoryOverlayMode.Working, title, ["Running…"]);
        Off(work, outcome =>
        {
            if (special?.Invoke(outcome) != true)
                _historyOverlay.Show(HistoryOverlayMode.Result, title, outcome.Lines, outcome.Succeeded ? "done (any key closes)" : "FAILED (any key closes)");
            _message = outcome.Lines.LastOrDefault();
            RefreshRequested?.Invoke(RefreshRequest.AfterRevert); // the host changed; the journal is re-read with it
        }, e =>
        {
            _historyOverlay.Show(HistoryOverlayMode.Result, title, ["could not run: " + e.Message], "(any key closes)");
            ReloadHistory();
        });
    }

    private void CloseHistoryOverlay(string? message)
    {
        _historyOverlay.Close();
        _pendingRevert = null;
        if (message is not null) _message = message;
        CurrentPane.Table.SetFocus();
        UpdateHeader();
    }

    /// <summary>Runs <paramref name="work"/> on the thread pool and continues on the UI thread.</summary>
    private void Off<T>(Func<CancellationToken, Task<T>> work, Action<T> done, Action<Exception> failed)
    {
        var post = Dispatch;
        if (post is null && App is { } app) post = a => app.Invoke(a);
        var task = Task.Run(() => work(CancellationToken.None));
        task.ContinueWith(t =>
        {
            void Finish()
            {
                if (t.IsCompletedSuccessfully) done(t.Result);
                else failed(t.Exception?.GetBaseException() ?? new OperationCanceledException());
                SetNeedsDraw();
            }
            if (post is null) Finish(); else post(Finish);
        }, TaskScheduler.Default);
    }
}
