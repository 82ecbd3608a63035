using NetTui.Core.Operations;
using NetTui.History.Journaling;
using NetTui.Host.Changes;
using NetTui.Presentation.History;
using Terminal.Gui.Input;

namespace NetTui.Tui;

/// <summary>
/// The main window's commit-confirmed half: a form applied with a confirm timer leaves a change
/// awaiting confirmation; the header counts down to its rollback (once a second, from the app's
/// timer), `c` confirms it through the journal, and when the watchdog rolls it back (the status
/// read from the journal) the header says so and the views refresh. Journal reads run off the
/// UI thread; their answers come back through the application's Invoke.
/// </summary>
internal sealed partial class MainWindow
{
    private IReadOnlyList<AwaitingChange> _awaiting = [];
    // Changes that stopped awaiting confirmation without this window confirming them: watched until their rollback ends.
    private readonly HashSet<long> _expiring = [];
    private bool _polling;
    private object? _confirmTimer;

    /// <summary>How a form applies with a confirm timer (commit-confirmed); null: the form offers no timer.</summary>
    internal Func<IReadOnlyList<Operation>, TimeSpan, Task<ChangeReport>>? ApplyChangesConfirmed { get; set; }

    /// <summary>The journal side of the countdown and the `c` key; null: no countdown.</summary>
    internal IConfirmBackend? Confirm { get; set; }

    /// <summary>The clock of the countdown (tests give a fixed one).</summary>
    internal TimeProvider Clock { get; set; } = TimeProvider.System;

    internal IReadOnlyList<AwaitingChange> Awaiting => _awaiting;
    internal bool AwaitingConfirmation => _awaiting.Count > 0;

    /// <summary>The header's countdown part, or null.</summary>
    private string? CountdownText => ConfirmCountdown.Header(_awaiting, Clock.GetUtcNow());

    /// <summary>The keymap row of the confirm key (spliced into <see cref="KeyMap.Default"/>); it acts only while a change awaits confirmation.</summary>
    internal static KeyBindingEntry ConfirmKey() =>
        new([Key.C], TuiAction.ConfirmChange, "Confirm", "confirm the change applied with a confirm timer, before it rolls back (only while one awaits)");

    private void StartConfirmTimer(Terminal.Gui.App.IApplication app)
    {
        _confirmTimer ??= app.AddTimeout(TimeSpan.FromSeconds(1), () => { TickConfirm(); return true; });
        PollConfirm();
    }

    private void StopConfirmTimer(Terminal.Gui.App.IApplication app)
    {
        if (_confirmTimer is { } t) app.RemoveTimeout(t);
        _confirmTimer = null;
    }

    /// <summary>One second passed: redraw the countdown and ask the journal where things are.</summary>
    internal void TickConfirm()
    {
        PollConfirm();
        UpdateHeader();
    }

    /// <summary>Reads the journal (off the UI thread in the app); the answer is applied on the UI thread.</summary>
    internal void PollConfirm()
    {
        if (Confirm is not { } backend || _polling) return;
        _polling = true;
        var watched = _awaiting.Select(a => a.Id).Concat(_expiring).Distinct().ToList();
        var task = PollAsync(backend, watched);
        if (task.IsCompleted) Polled(task);
        else task.ContinueWith(t => App?.Invoke(() => Polled(t)), TaskScheduler.Default);
    }

    private static async Task<(IReadOnlyList<AwaitingChange> Awaiting, Dictionary<long, ChangeSetStatus?> Gone)> PollAsync(IConfirmBackend backend, List<long> watched)
    {
        var awaiting = await backend.AwaitingAsync().ConfigureAwait(false);
        var gone = new Dictionary<long, ChangeSetStatus?>();
        foreach (var id in watched.Where(id => awaiting.All(a => a.Id != id)))
            gone[id] = await backend.StatusAsync(id).ConfigureAwait(false);
        return (awaiting, gone);
    }

    private void Polled(Task<(IReadOnlyList<AwaitingChange> Awaiting, Dictionary<long, ChangeSetStatus?> Gone)> task)
    {
        _polling = false;
        if (!task.IsCompletedSuccessfully) { _message = $"history: {task.Exception?.GetBaseException().Message ?? "cancelled"}"; UpdateHeader(); return; }
        var (awaiting, gone) = task.Result;
        var refresh = false;
        foreach (var (id, status) in gone)
        {
            var first = _expiring.Add(id);
            if (status == ChangeSetStatus.ConfirmExpired)
            {
                if (first) _message = ConfirmCountdown.Ended(id, status);
                continue;
            }
            _expiring.Remove(id);
            if (ConfirmCountdown.Ended(id, status) is { } said) _message = said;
            refresh |= status is ChangeSetStatus.RolledBack or ChangeSetStatus.Undone;
        }
        _awaiting = awaiting;
        UpdateHeader();
        if (refresh) RefreshRequested?.Invoke(RefreshRequest.AfterRevert);
    }

    /// <summary>`c`: confirm every change awaiting confirmation here (like `nettui confirm` with no id).</summary>
    private void ConfirmAwaiting()
    {
        if (Confirm is not { } backend || _awaiting.Count == 0) { _message = "no change awaits confirmation"; return; }
        var ids = _awaiting.Select(a => a.Id).ToList();
        _message = "confirming…";
        var task = ConfirmAllAsync(backend, ids);
        if (task.IsCompleted) Confirmed(task);
        else task.ContinueWith(t => App?.Invoke(() => Confirmed(t)), TaskScheduler.Default);
    }

    private static async Task<List<(long Id, ConfirmOutcome Outcome)>> ConfirmAllAsync(IConfirmBackend backend, List<long> ids)
    {
        var results = new List<(long, ConfirmOutcome)>();
        foreach (var id in ids) results.Add((id, await backend.ConfirmAsync(id).ConfigureAwait(false)));
        return results;
    }

    private void Confirmed(Task<List<(long Id, ConfirmOutcome Outcome)>> task)
    {
        if (!task.IsCompletedSuccessfully) { _message = $"confirm failed: {task.Exception?.GetBaseException().Message ?? "cancelled"}"; UpdateHeader(); return; }
        var results = task.Result;
        _message = string.Join("; ", results.Select(r => ConfirmCountdown.Confirmed(r.Id, r.Outcome)));
        // Confirmed (or no longer awaiting): off the countdown now; too late: watched until its rollback ends.
        _awaiting = [.. _awaiting.Where(a => results.All(r => r.Id != a.Id))];
        foreach (var r in results.Where(r => r.Outcome == ConfirmOutcome.TooLate)) _expiring.Add(r.Id);
        UpdateHeader();
    }

    /// <summary>Runs the confirm action of the keymap; false for any other action.</summary>
    private bool DoConfirm(TuiAction action)
    {
        if (action != TuiAction.ConfirmChange) return false;
        ConfirmAwaiting();
        return true;
    }
}
