using NetTui.History.Journaling;
using NetTui.Presentation.History;

namespace NetTui.Tui.Controllers;

/// <summary>
/// Commit-confirmed changes: a form applied with a confirm timer leaves a change awaiting
/// confirmation; the header counts down to its rollback (once a second, from the app's timer),
/// `c` confirms it through the journal, and when the watchdog rolls it back (the status read
/// from the journal) the header says so and the views refresh.
/// </summary>
internal sealed class ConfirmController(IShell shell) : IController
{
    private IReadOnlyList<AwaitingChange> _awaiting = [];
    // Changes that stopped awaiting confirmation without this window confirming them: watched until their rollback ends.
    private readonly HashSet<long> _expiring = [];
    private bool _polling;
    private object? _timer;

    /// <summary>The keymap row of the confirm key; it acts only while a change awaits confirmation.</summary>
    public static KeyBindingEntry Key() =>
        new([Terminal.Gui.Input.Key.C], TuiAction.ConfirmChange, "Confirm", "confirm the change applied with a confirm timer, before it rolls back (only while one awaits)");

    /// <summary>The journal side of the countdown and the `c` key; null: no countdown.</summary>
    public IConfirmBackend? Backend { get; set; }

    /// <summary>The clock of the countdown (tests give a fixed one).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public IReadOnlyList<AwaitingChange> Awaiting => _awaiting;

    /// <summary>The header's countdown part, or null.</summary>
    public string? CountdownText => ConfirmCountdown.Header(_awaiting, Clock.GetUtcNow());

    public bool Do(KeyBindingEntry entry)
    {
        if (entry.Action != TuiAction.ConfirmChange) return false;
        ConfirmAwaiting();
        return true;
    }

    public void Start(Terminal.Gui.App.IApplication app)
    {
        _timer ??= app.AddTimeout(TimeSpan.FromSeconds(1), () => { Tick(); return true; });
        Poll();
    }

    public void Stop(Terminal.Gui.App.IApplication app)
    {
        if (_timer is { } t) app.RemoveTimeout(t);
        _timer = null;
    }

    /// <summary>One second passed: redraw the countdown and ask the journal where things are.</summary>
    public void Tick()
    {
        Poll();
        shell.UpdateHeader();
    }

    private void Poll()
    {
        if (Backend is not { } backend || _polling) return;
        _polling = true;
        var watched = _awaiting.Select(a => a.Id).Concat(_expiring).Distinct().ToList();
        UiWork.Then(PollAsync(backend, watched), shell.Post, Polled, e =>
        {
            _polling = false;
            shell.Message = $"history: {e.Message}";
            shell.UpdateHeader();
        });
    }

    private static async Task<(IReadOnlyList<AwaitingChange> Awaiting, Dictionary<long, ChangeSetStatus?> Gone)> PollAsync(IConfirmBackend backend, List<long> watched)
    {
        var awaiting = await backend.AwaitingAsync().ConfigureAwait(false);
        var gone = new Dictionary<long, ChangeSetStatus?>();
        foreach (var id in watched.Where(id => awaiting.All(a => a.Id != id)))
            gone[id] = await backend.StatusAsync(id).ConfigureAwait(false);
        return (awaiting, gone);
    }

    private void Polled((IReadOnlyList<AwaitingChange> Awaiting, Dictionary<long, ChangeSetStatus?> Gone) polled)
    {
        _polling = false;
        var refresh = false;
        foreach (var (id, status) in polled.Gone)
        {
            var first = _expiring.Add(id);
            if (status == ChangeSetStatus.ConfirmExpired)
            {
                if (first) shell.Message = ConfirmCountdown.Ended(id, status);
                continue;
            }
            _expiring.Remove(id);
            if (ConfirmCountdown.Ended(id, status) is { } said) shell.Message = said;
            refresh |= status is ChangeSetStatus.RolledBack or ChangeSetStatus.Undone;
        }
        _awaiting = polled.Awaiting;
        shell.UpdateHeader();
        if (refresh) shell.Refresh(RefreshRequest.AfterRevert);
    }

    /// <summary>`c`: confirm every change awaiting confirmation here (like `nettui confirm` with no id).</summary>
    private void ConfirmAwaiting()
    {
        if (Backend is not { } backend || _awaiting.Count == 0) { shell.Message = "no change awaits confirmation"; return; }
        var ids = _awaiting.Select(a => a.Id).ToList();
        shell.Message = "confirming…";
        UiWork.Then(ConfirmAllAsync(backend, ids), shell.Post, Confirmed, e =>
        {
            shell.Message = $"confirm failed: {e.Message}";
            shell.UpdateHeader();
        });
    }

    private static async Task<List<(long Id, ConfirmOutcome Outcome)>> ConfirmAllAsync(IConfirmBackend backend, List<long> ids)
    {
        var results = new List<(long, ConfirmOutcome)>();
        foreach (var id in ids) results.Add((id, await backend.ConfirmAsync(id).ConfigureAwait(false)));
        return results;
    }

    private void Confirmed(List<(long Id, ConfirmOutcome Outcome)> results)
    {
        shell.Message = string.Join("; ", results.Select(r => ConfirmCountdown.Confirmed(r.Id, r.Outcome)));
        // Confirmed (or no longer awaiting): off the countdown now; too late: watched until its rollback ends.
        _awaiting = [.. _awaiting.Where(a => results.All(r => r.Id != a.Id))];
        foreach (var r in results.Where(r => r.Outcome == ConfirmOutcome.TooLate)) _expiring.Add(r.Id);
        shell.UpdateHeader();
    }
}
