using System.Diagnostics;
using NetTui.History.Journaling;
using NetTui.History.Storage;
using static NetTui.UnitTests.History.JournalScript;

namespace NetTui.UnitTests.History;

/// <summary>The watchdog loop on a real journal and the real clock, with short deadlines; the rollback is recorded, not run.</summary>
public sealed class ConfirmWatchdogTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly TempJournal _tmp = new();
    private readonly List<ChangeSet> _rolledBack = [];

    public void Dispose() => _tmp.Dispose();

    private async Task<(Journal Journal, long Id)> ApplyWithTimerAsync(TimeSpan within)
    {
        var journal = _tmp.Open();
        await using var lease = await journal.AcquireApplyLockAsync("route add", TimeSpan.Zero, ct: Ct);
        var id = await journal.BeginChangeSetAsync(lease, new NewChangeSet("route add 10.0.0.0/8", "lab"), [Step("route-add", "10.0.0.0/8")], ct: Ct);
        await journal.RecordStepAsync(id, 1, StepStatus.Applied, ct: Ct);
        await journal.CompleteAwaitingConfirmationAsync(id, DateTimeOffset.UtcNow + within, ct: Ct);
        return (journal, id);
    }

    // What the executor will do: journal a Rollback change-set reverting the target.
    private async Task RollbackAsync(Journal journal, ChangeSet cs)
    {
        _rolledBack.Add(cs);
        await ApplyAsync(journal, new NewChangeSet($"confirm timeout #{cs.Id}", "lab", ChangeSetKind.Rollback, cs.Id), "route-del");
    }

    [Fact]
    public async Task Without_a_confirm_it_rolls_back_at_the_deadline()
    {
        var (journal, id) = await ApplyWithTimerAsync(TimeSpan.FromMilliseconds(400));
        var watch = Stopwatch.StartNew();

        var result = await new ConfirmWatchdog(journal, TimeSpan.FromMilliseconds(50)).RunAsync(id, (cs, _) => RollbackAsync(journal, cs), Ct);

        Assert.Equal(WatchdogOutcome.RolledBack, result.Outcome);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(300), $"rolled back after {watch.Elapsed}, before the deadline");
        Assert.Equal(id, Assert.Single(_rolledBack).Id);
        Assert.Equal(ChangeSetStatus.RolledBack, (await journal.GetAsync(id, ct: Ct))!.ChangeSet.Status);
        Assert.Equal(ConfirmOutcome.TooLate, await journal.ConfirmAsync(id, ct: Ct));
    }

    [Fact]
    public async Task A_confirm_in_time_stops_it_without_a_rollback()
    {
        var (journal, id) = await ApplyWithTimerAsync(TimeSpan.FromSeconds(20));
        var watchdog = new ConfirmWatchdog(journal, TimeSpan.FromMilliseconds(50)).RunAsync(id, (cs, _) => RollbackAsync(journal, cs), Ct);
        await Task.Delay(200, Ct);
        Assert.False(watchdog.IsCompleted);

        Assert.Equal(ConfirmOutcome.Confirmed, await journal.ConfirmAsync(id, ct: Ct));

        var result = await watchdog.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(WatchdogOutcome.Confirmed, result.Outcome);
        Assert.Empty(_rolledBack);
        Assert.Equal(ChangeSetStatus.Applied, (await journal.GetAsync(id, ct: Ct))!.ChangeSet.Status);
    }

    [Fact]
    public async Task If_the_applier_dies_mid_change_it_rolls_back_at_once()
    {
        var dead = ProcessIdentity.Current with { Pid = 4_194_304 + 23, StartTicks = 1 };
        var crashed = _tmp.Open(self: dead);
        long id;
        await using (var lease = await crashed.AcquireApplyLockAsync("route add", TimeSpan.Zero, ct: Ct))
            id = await crashed.BeginChangeSetAsync(lease, new NewChangeSet("route add", "lab"), [Step("route-add", "10.0.0.0/8")], ct: Ct);
        var journal = _tmp.Open();

        var result = await new ConfirmWatchdog(journal).RunAsync(id, (cs, _) => RollbackAsync(journal, cs), Ct);

        Assert.Equal(WatchdogOutcome.RolledBack, result.Outcome);
        Assert.Contains("died while applying", result.Reason);
        Assert.Equal(ChangeSetStatus.Pending, Assert.Single(_rolledBack).Status);
    }

    [Fact]
    public async Task A_failed_change_needs_nothing()
    {
        var journal = _tmp.Open();
        await using var lease = await journal.AcquireApplyLockAsync("x", TimeSpan.Zero, ct: Ct);
        var id = await journal.BeginChangeSetAsync(lease, new NewChangeSet("x", null), [Step("op", "x")], ct: Ct);
        await journal.CompleteAsync(id, ChangeSetStatus.Failed, ct: Ct);

        var result = await new ConfirmWatchdog(journal).RunAsync(id, (cs, _) => RollbackAsync(journal, cs), Ct);

        Assert.Equal(WatchdogOutcome.NothingToDo, result.Outcome);
        Assert.Empty(_rolledBack);
    }
}
