using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.History.Facts;
using NetTui.History.Journaling;
using NetTui.Recording;
using NetTui.UnitTests.Operations;

namespace NetTui.UnitTests.History;

/// <summary>
/// PendingRecovery.FinishAsync over fakes and a real journal: a two-operation change left
/// pending with its first operation interrupted; the host (the fake inventory) decides whether
/// that operation is marked applied or run again. (Half-done and between-operations: the lab's FinishLabTests.)
/// </summary>
public sealed class PendingRecoveryTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly HostSnapshot Before = TestHost.Basic();
    private static readonly Operation Br0 = new CreateBridge("br0", "192.168.100.1/24");
    private static readonly Operation Br1 = new CreateBridge("br1");
    private readonly TempJournal _temp = new();
    private readonly FakeInventory _inventory = new(Before);
    private readonly RecordingRunner _runner = new();

    public PendingRecoveryTests() => _runner.After = spec =>
    {
        // "ip link add brX ...": the bridge appears (with br0's address, as CreateBridge asks).
        if (spec.Arguments.Contains("add") && spec.Arguments.Contains("br0") && _inventory.Snapshot.Links.All(l => l.Name != "br0"))
            _inventory.Snapshot = _inventory.Snapshot.WithBridge("br0", false, "192.168.100.1/24");
        if (spec.Arguments.Contains("add") && spec.Arguments.Contains("br1") && _inventory.Snapshot.Links.All(l => l.Name != "br1"))
            _inventory.Snapshot = _inventory.Snapshot.WithBridge("br1");
    };

    public void Dispose() => _temp.Dispose();

    private HostAccess Access => TestChanges.For(_runner, _inventory).Access();

    /// <summary>The journal as a run killed inside operation 1 leaves it: both steps written, step 1 started with its plan, nothing ended.</summary>
    private async Task<long> CrashedAsync(Journal journal)
    {
        await using var lease = await journal.AcquireApplyLockAsync("crashing", TimeSpan.FromSeconds(5), Ct);
        var id = await journal.BeginChangeSetAsync(lease, new NewChangeSet("two bridges", "ntl-unit"),
            [new PlannedStep(Br0.Kind, OperationJson.Serialize(Br0), Br0.Describe()), new PlannedStep(Br1.Kind, OperationJson.Serialize(Br1), Br1.Describe())], Ct);
        var inverse = Br0.Inverse(Before, OperationContext.Default);
        await journal.SetStepPlanAsync(id, 1, inverse.Kind, OperationJson.Serialize(inverse),
            SnapshotFacts.Extract(Before, TouchedObjects.Of(Br0, Before)), Ct);
        await journal.StartStepAsync(id, 1, Ct);
        return id;
    }

    private async Task<RecoveryOutcome> FinishAsync(Journal journal, long id)
    {
        await using var lease = await journal.AcquireApplyLockAsync("finish", TimeSpan.FromSeconds(5), Ct);
        return await new PendingRecovery(journal, Access).FinishAsync(lease, id, Ct);
    }

    [Fact]
    public async Task An_interrupted_operation_the_host_shows_complete_is_marked_applied_and_only_the_rest_runs()
    {
        var journal = _temp.Open();
        var id = await CrashedAsync(journal);
        _inventory.Snapshot = Before.WithBridge("br0", false, "192.168.100.1/24");

        var outcome = await FinishAsync(journal, id);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Contains("step 1 had completed", outcome.Message, StringComparison.Ordinal);
        Assert.NotEmpty(_runner.Ran);
        Assert.DoesNotContain(_runner.Ran, c => c.Arguments.Contains("br0"));
        var detail = (await journal.GetAsync(id, Ct))!;
        Assert.Equal(ChangeSetStatus.Applied, detail.ChangeSet.Status);
        Assert.All(detail.Steps, s => Assert.Equal(StepStatus.Applied, s.Status));
        Assert.Equal("bridge.del", detail.Steps[1].InverseKind); // planned again when it ran: undo works as for any change
    }

    [Fact]
    public async Task An_interrupted_operation_that_changed_nothing_runs_again_then_the_rest()
    {
        var journal = _temp.Open();
        var id = await CrashedAsync(journal);

        var outcome = await FinishAsync(journal, id);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Contains("step 1 had changed nothing", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(_runner.Lines, l => l.Contains("br0", StringComparison.Ordinal));
        Assert.Contains(_runner.Lines, l => l.Contains("br1", StringComparison.Ordinal));
        Assert.Equal(ChangeSetStatus.Applied, (await journal.GetAsync(id, Ct))!.ChangeSet.Status);
        Assert.True((await journal.GetAsync(id, Ct))!.Steps[0].Commands.Length > 0, "the re-run's commands are journaled under step 1");
    }

    [Fact]
    public async Task A_commit_confirmed_change_cut_off_while_applying_is_not_finished()
    {
        var journal = _temp.Open();
        var id = await CrashedAsync(journal);
        await journal.SetWatchdogAsync(id, 0x3FFFFFF0, Ct); // a watchdog that is gone (above pid_max)

        var outcome = await FinishAsync(journal, id);

        Assert.False(outcome.Succeeded);
        Assert.Contains("commit-confirmed", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("rolled back", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(_runner.Ran);
        Assert.Equal(ChangeSetStatus.Pending, (await journal.GetAsync(id, Ct))!.ChangeSet.Status);
    }

    [Fact]
    public async Task The_start_up_check_offers_finish_only_where_it_is_possible()
    {
        var journal = _temp.Open();
        var id = await CrashedAsync(journal);
        Assert.Contains("`nettui finish`", Assert.Single((await StartupCheck.InspectAsync(journal, Ct)).Problems), StringComparison.Ordinal);

        await journal.SetWatchdogAsync(id, 0x3FFFFFF0, Ct);
        var problem = Assert.Single((await StartupCheck.InspectAsync(journal, Ct)).Problems);
        Assert.Contains("rollback --pending", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("`nettui finish`", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_set_that_is_not_pending_is_not_finished()
    {
        var journal = _temp.Open();
        var id = await JournalScript.ApplyAsync(journal, "done already", "add br9");

        var outcome = await FinishAsync(journal, id);

        Assert.False(outcome.Succeeded);
        Assert.Contains("not pending", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(_runner.Ran);
    }
}
