using NetTui.History.Journaling;
using NetTui.History.Storage;
using static NetTui.UnitTests.History.JournalScript;

namespace NetTui.UnitTests.History;

public sealed class CrashDetectionTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TempJournal _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task A_change_set_left_by_a_process_killed_with_sigkill_is_found_abandoned()
    {
        var journal = _tmp.Open();
        using var child = ChildJournalProcess.Start("hold", _tmp.DbPath);
        long id;
        try
        {
            id = await ChildJournalProcess.WaitReadyAsync(child, TimeSpan.FromSeconds(60));

            // While the writer lives, its change-set is in progress, not abandoned.
            var live = Assert.Single(await journal.FindPendingAsync(TestContext.Current.CancellationToken));
            Assert.Equal(id, live.ChangeSet.Id);
            Assert.True(live.WriterAlive, live.Explanation);
        }
        finally
        {
            child.Kill();
            await child.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var pending = Assert.Single(await journal.FindPendingAsync(TestContext.Current.CancellationToken));
        Assert.Equal(id, pending.ChangeSet.Id);
        Assert.True(pending.Abandoned);
        Assert.Contains("no longer running", pending.Explanation);

        // What the next start needs to finish or roll back: step 1 applied, step 2 started but not ended.
        var detail = (await journal.GetAsync(id, TestContext.Current.CancellationToken))!;
        Assert.Equal(StepStatus.Applied, detail.Steps[0].Status);
        Assert.Equal("ip link add br-child type bridge", Assert.Single(detail.Steps[0].Commands).Display);
        Assert.Equal(StepStatus.Pending, detail.Steps[1].Status);
        Assert.NotNull(detail.Steps[1].StartedAt);
        var recovery = NetTui.History.Planning.CrashRecovery.Analyse(detail);
        Assert.Equal(2, recovery.Interrupted?.Seq);
        Assert.Equal(["inverse-bridge-add"], recovery.RollbackSteps(interruptedTookEffect: false).Steps.Select(s => s.Kind));
    }

    [Fact]
    public async Task An_abandoned_change_set_can_be_adopted_and_rolled_back()
    {
        // The writer is recorded with a pid that cannot be running (pid_max is at most 2^22):
        // the same state a SIGKILL leaves, without a child process (the test above covers that).
        var dead = ProcessIdentity.Current with { Pid = 4_194_304 + 17, StartTicks = 1 };
        var crashed = _tmp.Open(self: dead);
        long id;
        await using (var lease = await crashed.AcquireApplyLockAsync("bridge add br0", TimeSpan.Zero, ct: Ct))
        {
            id = await crashed.BeginChangeSetAsync(lease, new NewChangeSet("bridge add br0", "lab"), [Step("bridge-add", "br0"), Step("link-up", "br0")], ct: Ct);
            await crashed.RecordStepAsync(id, 1, StepStatus.Applied, [Command("ip link add br0 type bridge")], ct: Ct);
        }

        var journal = _tmp.Open();
        Assert.True(Assert.Single(await journal.FindPendingAsync(TestContext.Current.CancellationToken)).Abandoned);
        // Undo/rollback planning refuses while the host state is unknown.
        Assert.Contains("still pending", (await journal.PlanUndoAsync(1, ct: TestContext.Current.CancellationToken)).Refusal);

        await using (var lease = await journal.AcquireApplyLockAsync("recover", TimeSpan.Zero, ct: Ct))
        {
            await journal.AdoptAsync(lease, id, TestContext.Current.CancellationToken);
            Assert.True(Assert.Single(await journal.FindPendingAsync(TestContext.Current.CancellationToken)).WriterAlive);

            var (steps, refusal) = NetTui.History.Planning.UndoPlanner.InverseSteps((await journal.GetAsync(id, TestContext.Current.CancellationToken))!);
            Assert.Null(refusal);
            Assert.Equal(["inverse-bridge-add"], steps.Select(s => s.Kind));
            var rollback = await journal.BeginChangeSetAsync(lease, new NewChangeSet("recover #" + id, "lab", ChangeSetKind.Rollback, id), steps,
                TestContext.Current.CancellationToken);
            await journal.RecordStepAsync(rollback, 1, StepStatus.Applied, [Command("ip link del br0")], ct: TestContext.Current.CancellationToken);
            await journal.CompleteAsync(rollback, ChangeSetStatus.Applied, ct: TestContext.Current.CancellationToken);
        }

        Assert.Empty(await journal.FindPendingAsync(TestContext.Current.CancellationToken));
        Assert.Equal(ChangeSetStatus.RolledBack, (await journal.GetAsync(id, TestContext.Current.CancellationToken))!.ChangeSet.Status);
    }

    [Fact]
    public async Task A_live_writer_is_applying_only_while_the_lock_is_held()
    {
        // A writer that is certainly alive and is not us: pid 1 with its real start time.
        var init = ProcessIdentity.Current with { Pid = 1, StartTicks = ProcessLiveness.StartTicks(1) ?? 0 };
        var writer = _tmp.Open(self: init);
        var journal = _tmp.Open();
        var lease = await writer.AcquireApplyLockAsync("x", TimeSpan.Zero, ct: Ct);
        var id = await writer.BeginChangeSetAsync(lease, new NewChangeSet("x", null), [Step("op", "x")], ct: Ct);

        var inProgress = Assert.Single(await journal.FindPendingAsync(Ct));
        Assert.True(inProgress.WriterAlive, inProgress.Explanation);
        Assert.Contains("being applied by pid 1", inProgress.Explanation);

        // The writer lets go of the lock without completing: alive, but no longer applying.
        await lease.DisposeAsync();
        var left = Assert.Single(await journal.FindPendingAsync(Ct));
        Assert.True(left.Abandoned);
        Assert.Contains("no longer holds the apply lock", left.Explanation);

        await using var mine = await journal.AcquireApplyLockAsync("recover", TimeSpan.Zero, ct: Ct);
        await journal.AdoptAsync(mine, id, Ct);
        Assert.Equal(Environment.ProcessId, (await journal.GetAsync(id, Ct))!.ChangeSet.WriterPid);
    }

    [Fact]
    public void Liveness_knows_this_process_and_rejects_a_recycled_pid()
    {
        var self = ProcessIdentity.Current;
        Assert.True(ProcessLiveness.IsAlive(self.Pid, self.StartTicks));
        Assert.False(ProcessLiveness.IsAlive(self.Pid, self.StartTicks + 1));
        Assert.False(ProcessLiveness.IsAlive(4_194_304 + 17, 0));
    }
}
