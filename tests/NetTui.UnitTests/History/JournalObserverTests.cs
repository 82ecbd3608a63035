using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.History.Journaling;
using NetTui.History.Planning;
using NetTui.Host.Changes;
using NetTui.Recording;
using NetTui.UnitTests.Operations;

namespace NetTui.UnitTests.History;

/// <summary>The executor with the journal observer over fakes: what ends up in a real journal file.</summary>
public class JournalObserverTests : IDisposable
{
    private static readonly HostSnapshot Before = TestHost.Basic();
    private static readonly HostSnapshot After = Before.WithBridge("br0", false, "192.168.100.1/24");
    private readonly TempJournal _temp = new();
    private readonly FakeInventory _inventory = new(Before);
    private readonly RecordingRunner _runner = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public JournalObserverTests() => _runner.After = spec =>
        _inventory.Snapshot = spec.Arguments.Contains("del") && spec.Arguments.Contains("br0") && spec.Arguments.Count() == 4 ? Before : After;

    public void Dispose() => _temp.Dispose();

    private HostAccess Access => TestChanges.For(_runner, _inventory).Access();

    private async Task<(ChangeReport, JournalObserver)> ApplyAsync(Journal journal, Operation op, JournalEntry? entry = null, Func<long, CancellationToken, Task>? started = null)
    {
        await using var lease = await journal.AcquireApplyLockAsync("test", TimeSpan.FromSeconds(5), Ct);
        var observer = new JournalObserver(journal, lease, entry ?? new JournalEntry(null, "ntl-unit"), started);
        var report = await Access.Executor("ntl-unit", observer).ApplyAsync(op, OperationContext.Default, ct: Ct);
        return (report, observer);
    }

    [Fact]
    public async Task An_applied_change_is_one_change_set_with_its_commands_inverse_and_facts()
    {
        var journal = _temp.Open();
        var (report, observer) = await ApplyAsync(journal, new CreateBridge("br0", "192.168.100.1/24"));
        Assert.Equal(ChangeOutcome.Applied, report.Outcome);

        var d = (await journal.GetAsync(observer.ChangeSetId!.Value, Ct))!;
        Assert.Equal(ChangeSetStatus.Applied, d.ChangeSet.Status);
        Assert.Equal("ntl-unit", d.ChangeSet.Namespace);
        Assert.Equal("create bridge br0 with 192.168.100.1/24", d.ChangeSet.Summary);
        var step = Assert.Single(d.Steps);
        Assert.Equal(("bridge.add", "bridge.del", StepStatus.Applied), (step.Kind, step.InverseKind, step.Status));
        Assert.Equal(["ip link add name br0 type bridge stp_state 0", "ip addr add 192.168.100.1/24 dev br0", "ip link set dev br0 up"], step.Commands.Select(c => c.Display));
        Assert.Equal("false", d.ChangeSet.BeforeFacts["link/br0/exists"]);
        Assert.Equal("true", d.ChangeSet.AfterFacts["link/br0/exists"]);
        Assert.Equal("192.168.100.1/24", step.AfterFacts["link/br0/addresses"]);
        Assert.Equal(new DeleteBridge("br0"), OperationJson.Deserialize(step.InverseParametersJson!));
    }

    [Fact]
    public async Task A_failed_step_leaves_a_failed_change_set_with_the_undo_commands()
    {
        var journal = _temp.Open();
        _runner.Fails = (spec, n) => n == 2;
        var (report, observer) = await ApplyAsync(journal, new CreateBridge("br0", "192.168.100.1/24"));
        Assert.Equal(ChangeOutcome.RolledBack, report.Outcome);

        var d = (await journal.GetAsync(observer.ChangeSetId!.Value, Ct))!;
        Assert.Equal(ChangeSetStatus.Failed, d.ChangeSet.Status);
        Assert.Contains("boom", d.ChangeSet.Error, StringComparison.Ordinal);
        var step = Assert.Single(d.Steps);
        Assert.Equal(StepStatus.Failed, step.Status);
        Assert.Equal(["ip link add name br0 type bridge stp_state 0", "ip addr add 192.168.100.1/24 dev br0", "ip link del dev br0"], step.Commands.Select(c => c.Display));
        Assert.Equal(2, step.Commands[1].ExitCode);
    }

    [Fact]
    public async Task A_refused_change_is_not_journaled()
    {
        var journal = _temp.Open();
        var (report, observer) = await ApplyAsync(journal, new CreateBridge("eth0"));
        Assert.Equal(ChangeOutcome.Rejected, report.Outcome);
        Assert.Null(observer.ChangeSetId);
        Assert.Empty(await journal.ListAllAsync(Ct));
    }

    [Fact]
    public async Task Commit_confirmed_starts_its_watchdog_before_the_first_command_and_awaits_confirmation()
    {
        var journal = _temp.Open();
        var commandsWhenStarted = -1;
        var (_, observer) = await ApplyAsync(journal, new CreateBridge("br0"), new JournalEntry(null, "ntl-unit", ConfirmWithin: TimeSpan.FromSeconds(30)),
            async (id, ct) =>
            {
                commandsWhenStarted = _runner.Ran.Count;
                await journal.SetWatchdogAsync(id, 4242, ct);
            });
        Assert.Equal(0, commandsWhenStarted);
        var cs = (await journal.GetAsync(observer.ChangeSetId!.Value, Ct))!.ChangeSet;
        Assert.Equal(ChangeSetStatus.ConfirmPending, cs.Status);
        Assert.Equal(4242, cs.WatchdogPid);
        // Stored to the millisecond.
        Assert.InRange(cs.ConfirmDeadline!.Value - observer.ConfirmDeadline!.Value, TimeSpan.FromMilliseconds(-1), TimeSpan.Zero);
        Assert.InRange(cs.ConfirmDeadline!.Value - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(31));
    }

    [Fact]
    public async Task Undo_runs_the_inverse_as_an_undo_change_set_and_drift_is_seen()
    {
        var journal = _temp.Open();
        var (_, observer) = await ApplyAsync(journal, new CreateBridge("br0", "192.168.100.1/24"));
        var plan = await journal.PlanUndoAsync(1, NamespaceScope.Only("ntl-unit"), Ct);
        var revert = Assert.Single(plan.Reverts);
        var reverter = new Reverter(journal, Access);

        _inventory.Snapshot = After.Update("br0", l => l with { Mtu = 1400 });
        var drift = Assert.Single(await reverter.DriftAsync(revert, Ct));
        Assert.Equal(("link/br0/mtu", "1500", "1400"), (drift.Key, drift.Expected, drift.Actual));

        _inventory.Snapshot = After;
        _runner.Ran.Clear();
        await using (var lease = await journal.AcquireApplyLockAsync("undo", TimeSpan.FromSeconds(5), Ct))
        {
            var outcome = await reverter.RevertAsync(lease, revert, Ct);
            Assert.True(outcome.Succeeded, outcome.Message);
        }
        Assert.Equal(["ip link set dev br0 down", "ip link del dev br0"], _runner.Lines);
        var rows = await journal.ListAllAsync(Ct);
        Assert.Equal(ChangeSetStatus.Undone, rows.Single(r => r.Id == observer.ChangeSetId).Status);
        var undo = rows.Single(r => r.Kind == ChangeSetKind.Undo);
        Assert.Equal((ChangeSetStatus.Applied, observer.ChangeSetId), (undo.Status, undo.RevertsId));
    }
}
