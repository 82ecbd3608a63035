using NetTui.History.Journaling;
using static NetTui.UnitTests.History.JournalScript;

namespace NetTui.UnitTests.History;

/// <summary>
/// The watchdog's expiry decision on a clock the test moves, and its promise when the journal
/// breaks: it keeps the change-set it last read (the rollback plan) in memory, never ends early
/// on a journal error, and rolls back from memory at the deadline.
/// </summary>
public sealed class WatchdogFaultTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);
    private readonly TempJournal _tmp = new();
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private readonly List<string> _rollbacks = [];

    public void Dispose() => _tmp.Dispose();

    private async Task<(Journal Journal, long Id)> ApplyWithTimerAsync(TimeSpan within)
    {
        var journal = _tmp.Open(_clock);
        await using var lease = await journal.AcquireApplyLockAsync("route add", TimeSpan.Zero, ct: Ct);
        var id = await journal.BeginChangeSetAsync(lease, new NewChangeSet("route add 10.0.0.0/8", "lab"), [Step("route-add", "10.0.0.0/8")], ct: Ct);
        await journal.RecordStepAsync(id, 1, StepStatus.Applied, ct: Ct);
        await journal.CompleteAwaitingConfirmationAsync(id, _clock.GetUtcNow() + within, ct: Ct);
        return (journal, id);
    }

    private Task<WatchdogResult> Watch(Journal journal, long id) =>
        new ConfirmWatchdog(journal, Poll).RunAsync(id,
            (cs, _) => { _rollbacks.Add($"journaled #{cs.Id}"); return Task.CompletedTask; },
            (known, why, _) => { _rollbacks.Add($"from memory #{known.ChangeSet.Id} ({known.Steps.Length} step): {why}"); return Task.CompletedTask; }, Ct);

    [Fact]
    public async Task It_rolls_back_exactly_when_the_clock_passes_the_deadline()
    {
        var (journal, id) = await ApplyWithTimerAsync(TimeSpan.FromMinutes(5));
        var watchdog = Watch(journal, id);
        await Task.Delay(Poll * 10, Ct);
        Assert.False(watchdog.IsCompleted);

        _clock.Advance(TimeSpan.FromMinutes(5));
        var result = await watchdog.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(WatchdogOutcome.RolledBack, result.Outcome);
        Assert.Equal([$"journaled #{id}"], _rollbacks);
    }

    [Fact]
    public async Task A_journal_that_breaks_before_the_deadline_does_not_stop_it_it_rolls_back_from_memory()
    {
        var (journal, id) = await ApplyWithTimerAsync(TimeSpan.FromMinutes(5));
        var watchdog = Watch(journal, id);
        await Task.Delay(Poll * 10, Ct);

        // The journal's directory goes away (as a read-only or lost disk makes SQLite fail with error 14).
        var state = Path.GetDirectoryName(_tmp.DbPath)!;
        Directory.Move(state, state + ".gone");
        await File.WriteAllTextAsync(state, "", Ct);
        await Task.Delay(Poll * 10, Ct);
        Assert.False(watchdog.IsCompleted); // a journal error is no reason to give up

        _clock.Advance(TimeSpan.FromMinutes(5));
        var result = await watchdog.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(WatchdogOutcome.RolledBack, result.Outcome);
        var done = Assert.Single(_rollbacks);
        Assert.StartsWith($"from memory #{id} (1 step): the journal could not be", done, StringComparison.Ordinal);
    }
}
