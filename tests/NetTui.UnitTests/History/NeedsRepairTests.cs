using NetTui.Cli;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.History.Journaling;
using NetTui.Recording;
using NetTui.UnitTests.Operations;

namespace NetTui.UnitTests.History;

/// <summary>
/// A change whose own undo fails (the daemon it needs is gone) is journaled as needing repair:
/// the step whose undo failed is undo_failed (not "reverted"), the change-set needs_repair,
/// and undo, the next change, the pending list (TUI header, rollback --pending) and the CLI
/// output all say so; rollback --pending retries the failed undo once the host answers again.
/// </summary>
public sealed class NeedsRepairTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly HostSnapshot Before = TestHost.Basic();
    private static readonly Operation Bridge = new CreateBridge("br0", "192.168.100.1/24");
    private readonly TempJournal _temp = new();
    private readonly FakeInventory _inventory = new(Before);
    private readonly RecordingRunner _runner = new();
    private bool _daemonDown = true;

    public NeedsRepairTests()
    {
        // Setting br0 up fails, and so does deleting it while the "daemon" is down; br0 stays until deleted.
        _runner.Fails = (spec, _) => spec.Display == "ip link set dev br0 up" || _daemonDown && spec.Display == "ip link del dev br0";
        _runner.After = spec =>
        {
            if (spec.Arguments.Contains("add") && spec.Arguments.Contains("br0") && spec.Arguments.Contains("link")) _inventory.Snapshot = Before.WithBridge("br0", false, "192.168.100.1/24");
            if (spec.Display == "ip link del dev br0" && !_daemonDown) _inventory.Snapshot = Before;
        };
    }

    public void Dispose() => _temp.Dispose();

    private NetTui.Composition.HostChanges Changes() => new(TestChanges.Options(_temp.DbPath), TestChanges.Parts(_runner, _inventory));

    private async Task<long> BrokenChangeAsync()
    {
        using var changes = Changes();
        var result = await changes.ApplyAsync(new NetTui.Composition.ChangeRequest([Bridge]) { Probes = Core.Reachability.ProbeKinds.None }, Ct);
        Assert.Equal(NetTui.Host.Changes.ChangeOutcome.RollbackFailed, result.Report!.Outcome);
        return result.ChangeSetId!.Value;
    }

    [Fact]
    public async Task A_failed_undo_is_journaled_as_needing_repair_not_as_reverted()
    {
        var id = await BrokenChangeAsync();

        var detail = (await _temp.Open().GetAsync(id, Ct))!;
        Assert.Equal(ChangeSetStatus.NeedsRepair, detail.ChangeSet.Status);
        var step = Assert.Single(detail.Steps);
        Assert.Equal(StepStatus.UndoFailed, step.Status);
        Assert.Contains("undo failed", step.Error, StringComparison.Ordinal);
        Assert.Contains("left: ", detail.ChangeSet.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undo_the_next_change_and_the_pending_list_all_see_it()
    {
        var id = await BrokenChangeAsync();
        var journal = _temp.Open();

        var undo = await journal.PlanUndoAsync(1, ct: Ct);
        Assert.Contains($"#{id}", undo.Refusal, StringComparison.Ordinal);
        Assert.Contains("needs repair", undo.Refusal, StringComparison.Ordinal);

        using var changes = Changes();
        var next = await changes.ApplyAsync(new NetTui.Composition.ChangeRequest([new CreateBridge("br9")]) { Probes = Core.Reachability.ProbeKinds.None }, Ct);
        Assert.True(next.Refused);
        Assert.Contains(next.Refusal, l => l.Contains($"#{id}", StringComparison.Ordinal) && l.Contains("NEEDS REPAIR", StringComparison.Ordinal)
            && l.Contains("rollback --pending", StringComparison.Ordinal));

        var pending = Assert.Single(await PendingRecovery.FindAsync(journal, Ct));
        Assert.Equal(PendingReason.NeedsRepair, pending.Reason);
        Assert.NotNull(pending.FinishRefusal);
    }

    [Fact]
    public async Task Rollback_pending_retries_the_failed_undo_once_the_daemon_is_back()
    {
        var id = await BrokenChangeAsync();
        var journal = _temp.Open();
        _daemonDown = false;
        _runner.Ran.Clear();

        using var changes = Changes();
        var run = await new PendingRecovery(journal, changes.Access()).RunAsync(RecoveryAction.RollBack, TimeSpan.FromSeconds(5), ct: Ct);

        Assert.True(run.Succeeded, string.Join("; ", run.Outcomes.Select(o => o.Message)));
        Assert.Contains(_runner.Lines, l => l == "ip link del dev br0");
        Assert.Contains("as it was before it", Assert.Single(run.Outcomes).Message, StringComparison.Ordinal);
        Assert.Equal(ChangeSetStatus.RolledBack, (await journal.GetAsync(id, Ct))!.ChangeSet.Status);
        Assert.Empty(await PendingRecovery.FindAsync(journal, Ct));
    }

    [Fact]
    public async Task The_cli_prints_no_history_line_for_a_change_that_needs_repair()
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var ctx = new CliContext(o, e) { Parts = TestChanges.Parts(_runner, _inventory), Interactive = false };
        var code = await NetTuiCli.RunAsync(["--netns", "ntl-unit", "--history", _temp.DbPath, "bridge", "add", "br0", "--address", "192.168.100.1/24",
            "--probe", "none"], ctx, Ct);

        Assert.Equal(1, code);
        Assert.DoesNotContain("history: #", o.ToString(), StringComparison.Ordinal);
        Assert.Contains("NEEDS REPAIR", e.ToString(), StringComparison.Ordinal);
        Assert.Contains("rollback --pending", e.ToString(), StringComparison.Ordinal);
    }
}
