using NetTui.History.Journaling;
using static NetTui.UnitTests.History.JournalScript;

namespace NetTui.UnitTests.History;

public sealed class CommitConfirmedTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 14, 2, 0, TimeSpan.Zero);
    private readonly TempJournal _tmp = new();
    private readonly ManualClock _clock = new(T0);

    public void Dispose() => _tmp.Dispose();

    private async Task<(Journal Journal, long Id)> ApplyWithTimerAsync(TimeSpan within)
    {
        var journal = _tmp.Open(_clock);
        await using var lease = await journal.AcquireApplyLockAsync("route add", TimeSpan.Zero);
        var id = await journal.BeginChangeSetAsync(lease, new NewChangeSet("route add 10.0.0.0/8", "lab"), [Step("route-add", "10.0.0.0/8")]);
        await journal.RecordStepAsync(id, 1, StepStatus.Applied);
        await journal.CompleteAwaitingConfirmationAsync(id, _clock.GetUtcNow() + within);
        await journal.SetWatchdogAsync(id, 4242);
        return (journal, id);
    }

    [Fact]
    public async Task A_confirm_in_time_keeps_the_change()
    {
        var (journal, id) = await ApplyWithTimerAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(id, Assert.Single(await journal.AwaitingConfirmationAsync(ct: Ct)).Id);
        _clock.Advance(TimeSpan.FromSeconds(29));

        Assert.Equal(ConfirmOutcome.Confirmed, await journal.ConfirmAsync(id, ct: Ct));

        var cs = (await journal.GetAsync(id, ct: Ct))!.ChangeSet;
        Assert.Equal(ChangeSetStatus.Applied, cs.Status);
        Assert.Equal(T0.AddSeconds(29), cs.ConfirmedAt);
        Assert.Equal(4242, cs.WatchdogPid);
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.False(await journal.TryClaimExpiredAsync(id, ct: Ct));   // the watchdog then finds nothing to do
        Assert.Empty(await journal.ExpiredUnconfirmedAsync(ct: Ct));
        Assert.Equal(ConfirmOutcome.NotAwaitingConfirmation, await journal.ConfirmAsync(id, ct: Ct));
    }

    [Fact]
    public async Task Without_a_confirm_the_watchdog_claims_it_and_a_late_confirm_is_refused()
    {
        var (journal, id) = await ApplyWithTimerAsync(TimeSpan.FromSeconds(3));

        Assert.False(await journal.TryClaimExpiredAsync(id, ct: Ct));  // not before the deadline
        _clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(id, Assert.Single(await journal.ExpiredUnconfirmedAsync(ct: Ct)).Id);
        // Past the deadline a confirm is too late even before the watchdog acts.
        Assert.Equal(ConfirmOutcome.TooLate, await journal.ConfirmAsync(id, ct: Ct));

        Assert.True(await journal.TryClaimExpiredAsync(id, ct: Ct));
        Assert.False(await journal.TryClaimExpiredAsync(id, ct: Ct));   // exactly one claimer
        Assert.Equal(ChangeSetStatus.ConfirmExpired, (await journal.GetAsync(id, ct: Ct))!.ChangeSet.Status);
        Assert.Equal(ConfirmOutcome.TooLate, await journal.ConfirmAsync(id, ct: Ct));

        // The watchdog journals its rollback; the change ends rolled back.
        await ApplyAsync(journal, new NewChangeSet("confirm timeout #" + id, "lab", ChangeSetKind.Rollback, id), "route-del");
        Assert.Equal(ChangeSetStatus.RolledBack, (await journal.GetAsync(id, ct: Ct))!.ChangeSet.Status);
        Assert.Empty(await journal.ExpiredUnconfirmedAsync(ct: Ct));
        Assert.Equal(ConfirmOutcome.NotFound, await journal.ConfirmAsync(999, ct: Ct));
    }

    [Fact]
    public async Task A_claim_that_was_never_finished_is_still_reported_for_rollback()
    {
        var (journal, id) = await ApplyWithTimerAsync(TimeSpan.FromSeconds(3));
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(await journal.TryClaimExpiredAsync(id, ct: Ct));
        // ... and the watchdog died here.

        Assert.Equal(id, Assert.Single(await journal.ExpiredUnconfirmedAsync(ct: Ct)).Id);
    }

    [Fact]
    public async Task Startup_reports_expired_change_sets_only_when_their_watchdog_is_gone()
    {
        var (journal, id) = await ApplyWithTimerAsync(TimeSpan.FromSeconds(3)); // watchdog "pid 4242"
        Assert.Equal(id, Assert.Single((await journal.InspectAtStartupAsync(ct: Ct)).AwaitingConfirmation).Id);
        _clock.Advance(TimeSpan.FromSeconds(5));

        await journal.SetWatchdogAsync(id, Environment.ProcessId, ct: Ct); // a live watchdog: leave it alone
        Assert.False((await journal.InspectAtStartupAsync(ct: Ct)).NeedsAttention);

        await journal.SetWatchdogAsync(id, 4_194_304 + 29, ct: Ct);       // the watchdog died
        var report = await journal.InspectAtStartupAsync(ct: Ct);
        Assert.True(report.NeedsAttention);
        Assert.Equal(id, Assert.Single(report.ExpiredWithoutWatchdog).Id);
    }
}
