using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Host.Changes;

namespace NetTui.UnitTests.Operations;

public class ChangeExecutorTests
{
    private static readonly HostSnapshot Host = TestHost.Basic().WithLink("veth1", LinkKind.Veth);
    private static readonly CreateBridge Bridge = new("br0", "192.168.100.1/24") { Ports = ["veth1"] };
    private static readonly HostSnapshot Done = Host.WithBridge("br0", false, "192.168.100.1/24").WithPort("br0", "veth1");

    /// <summary>A fake host that "becomes" <paramref name="after"/> once the first command ran, and is back as before once br0 is deleted.</summary>
    private static (ChangeExecutor, RecordingRunner, FakeInventory, RecordingObserver) Make(HostSnapshot after, Func<Core.Commands.CommandSpec, int, bool>? fails = null)
    {
        var inv = new FakeInventory(Host);
        var runner = new RecordingRunner { Fails = fails ?? ((_, _) => false) };
        var failing = fails ?? ((_, _) => false);
        runner.After = spec => inv.Snapshot = spec.Display == "ip link del dev br0" && !failing(spec, runner.Ran.Count) ? Host : after;
        var obs = new RecordingObserver();
        return (new ChangeExecutor(runner, inv, new MemoryFiles(), obs), runner, inv, obs);
    }

    [Fact]
    public async Task Applies_and_verifies()
    {
        var (ex, runner, _, obs) = Make(Done);
        var r = await ex.ApplyAsync(Bridge, OperationContext.Default, ct: TestContext.Current.CancellationToken);
        Assert.Equal(ChangeOutcome.Applied, r.Outcome);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(4, runner.Ran.Count);
        Assert.Equal(new DeleteBridge("br0"), r.Operations[0].Inverse);
        Assert.Equal(["starting 1", "op 0 bridge.add 4 steps", "step 0.0 ok", "step 0.1 ok", "step 0.2 ok", "step 0.3 ok", "finished Applied"], obs.Events);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task When_step_k_fails_steps_before_it_are_undone_in_reverse(int k)
    {
        var (ex, runner, _, obs) = Make(Done, (_, n) => n == k);
        var r = await ex.ApplyAsync(Bridge, OperationContext.Default, ct: TestContext.Current.CancellationToken);
        Assert.Equal(ChangeOutcome.RolledBack, r.Outcome);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(k - 1, r.FailedStep!.Step);
        Assert.Contains("RTNETLINK answers: boom", r.FailedStep.Error, StringComparison.Ordinal);
        Assert.Equal(k - 1, r.Undone.Length);
        var undo = runner.Lines.Skip(k).ToList();
        var expected = new[] { "ip link del dev br0", "ip addr del 192.168.100.1/24 dev br0", "ip link set dev veth1 nomaster" }.Take(k - 1).Reverse();
        Assert.Equal(expected, undo);
        Assert.Contains($"step 0.{k - 1} failed", obs.Events);
        Assert.Contains("undone 0.0 ok", obs.Events);
        Assert.Contains("the host is as it was", r.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_undo_is_reported_the_rest_still_undone_and_what_is_left_named()
    {
        // Step 3 (attach) fails; undoing step 1 (create br0) fails too; step 2's undo still runs.
        var (ex, runner, _, _) = Make(Done, (spec, n) => n == 3 || spec.Display == "ip link del dev br0");
        var r = await ex.ApplyAsync(Bridge, OperationContext.Default, ct: TestContext.Current.CancellationToken);
        Assert.Equal(ChangeOutcome.RollbackFailed, r.Outcome);
        Assert.Equal(1, r.ExitCode);
        Assert.Single(r.UndoFailures);
        Assert.Single(r.Undone);
        Assert.Equal("ip link del dev br0", runner.Lines[^1]);
        Assert.Contains("FAILED", r.Summary, StringComparison.Ordinal);
        // Read back, not guessed: what is left is named, never a generic "not as it was".
        Assert.Contains("the host differs from before: left: ", r.Summary, StringComparison.Ordinal);
        Assert.Contains("bridge link br0", r.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("not as it was", r.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_undo_that_fails_where_nothing_was_left_is_a_rollback_read_back_as_before()
    {
        // Undoing the address fails (deleting br0 took it already): the read back decides, no false alarm.
        var (ex, _, _, _) = Make(Done, (spec, n) => n == 3 || spec.Display == "ip addr del 192.168.100.1/24 dev br0");
        var r = await ex.ApplyAsync(Bridge, OperationContext.Default, ct: TestContext.Current.CancellationToken);
        Assert.Equal(ChangeOutcome.RolledBack, r.Outcome);
        Assert.Single(r.UndoFailures);
        Assert.Contains("read back, the host is as it was", r.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_difference_after_applying_is_a_failure_and_is_rolled_back()
    {
        var (ex, runner, _, _) = Make(Host.WithBridge("br0", false)); // the address did not stick
        var r = await ex.ApplyAsync(Bridge, OperationContext.Default, ct: TestContext.Current.CancellationToken);
        Assert.Equal(ChangeOutcome.RolledBack, r.Outcome);
        Assert.Contains("br0 does not have 192.168.100.1/24", r.Differences);
        Assert.Equal(4, r.Undone.Length);
        Assert.Equal(8, runner.Ran.Count);
    }

    [Fact]
    public async Task Rejected_changes_run_nothing_and_say_why_in_one_line()
    {
        var (ex, runner, _, obs) = Make(Done);
        var r = await ex.ApplyAsync(new CreateBridge("br0;reboot"), OperationContext.Default, ct: TestContext.Current.CancellationToken);
        Assert.Equal(ChangeOutcome.Rejected, r.Outcome);
        Assert.Equal(2, r.ExitCode);
        Assert.Empty(runner.Ran);
        Assert.StartsWith("name: ", r.Summary, StringComparison.Ordinal);
        Assert.Equal(["finished Rejected"], obs.Events);
    }

    [Fact]
    public async Task Dry_run_plans_and_changes_nothing()
    {
        var (ex, runner, _, _) = Make(Done);
        var r = await ex.ApplyAsync(Bridge, OperationContext.Default, new ApplyOptions(DryRun: true), TestContext.Current.CancellationToken);
        Assert.Equal(ChangeOutcome.Planned, r.Outcome);
        Assert.Empty(runner.Ran);
        Assert.Equal(4, r.Operations[0].Plan.Length);
    }

    [Fact]
    public async Task A_change_set_is_all_or_nothing_across_operations()
    {
        var inv = new FakeInventory(Host);
        var runner = new RecordingRunner { Fails = (spec, _) => spec.Program == "ovs-vsctl" && spec.Arguments.Contains("add-br") };
        runner.After = spec => { if (spec.Arguments.Contains("up")) inv.Snapshot = Done; };
        var ex = new ChangeExecutor(runner, inv, new MemoryFiles());
        var r = await ex.ApplyAsync([Bridge, new CreateOvsBridge("obr0", "netdev")], OperationContext.Default, ct: TestContext.Current.CancellationToken);
        Assert.Equal(ChangeOutcome.RolledBack, r.Outcome);
        Assert.Equal(1, r.FailedStep!.Operation);
        Assert.Equal(5, r.Undone.Length); // the failed add-br (it may have committed) and the 4 bridge steps
        Assert.Equal("ip link del dev br0", runner.Lines[^1]);
    }

    [Fact]
    public async Task A_journal_that_refuses_stops_the_change_before_any_command()
    {
        var runner = new RecordingRunner();
        var ex = new ChangeExecutor(runner, new FakeInventory(Host), new MemoryFiles(), new VetoObserver());
        var r = await ex.ApplyAsync(Bridge, OperationContext.Default, ct: TestContext.Current.CancellationToken);
        Assert.Equal(ChangeOutcome.Rejected, r.Outcome);
        Assert.Equal("journal", r.Errors[0].Field);
        Assert.Empty(runner.Ran);
    }

    private sealed class VetoObserver : IChangeObserver
    {
        public Task ChangeStartingAsync(ChangeStarting change, CancellationToken ct) => throw new IOException("database is locked");
    }

    [Fact]
    public async Task File_steps_back_up_and_are_undone_when_a_later_operation_fails()
    {
        const string path = "/etc/docker/daemon.json";
        var host = Host.WithBridge("br0", false, "192.168.100.1/24");
        var files = new MemoryFiles();
        files.Files[path] = "{\"log-level\":\"warn\"}";
        var runner = new RecordingRunner { Fails = (_, _) => true };
        var ex = new ChangeExecutor(runner, new FakeInventory(host), files);
        var r = await ex.ApplyAsync([new SetDockerDefaultBridge("br0", path), new SetMtu("br0", "1400")], OperationContext.Default, ct: TestContext.Current.CancellationToken);
        Assert.Equal(ChangeOutcome.RolledBack, r.Outcome);
        Assert.Equal("{\"log-level\":\"warn\"}", files.Files[path]);
        Assert.Equal("{\"log-level\":\"warn\"}", files.Files[path + ".nettui.bak"]);
    }

    [Fact]
    public async Task File_step_applies_verifies_and_tells_to_restart()
    {
        const string path = "/etc/docker/daemon.json";
        var host = Host.WithBridge("br0", false, "192.168.100.1/24");
        var files = new MemoryFiles();
        var ex = new ChangeExecutor(new RecordingRunner(), new FakeInventory(host), files);
        var r = await ex.ApplyAsync(new SetDockerDefaultBridge("br0", path), OperationContext.Default, ct: TestContext.Current.CancellationToken);
        Assert.Equal(ChangeOutcome.Applied, r.Outcome);
        Assert.Equal("br0", DaemonJson.Get(files.Files[path], "bridge"));
        Assert.Contains(r.Notes, n => n.Contains("restart", StringComparison.Ordinal));
        Assert.Equal(new SetDockerDefaultBridge(null, path), r.Operations[0].Inverse);
    }

    [Fact]
    public async Task A_file_changed_since_planning_is_not_overwritten()
    {
        const string path = "/etc/docker/daemon.json";
        var host = Host.WithBridge("br0", false, "192.168.100.1/24");
        var files = new ChangingFiles(path);
        var ex = new ChangeExecutor(new RecordingRunner(), new FakeInventory(host), files);
        var r = await ex.ApplyAsync(new SetDockerDefaultBridge("br0", path), OperationContext.Default, ct: TestContext.Current.CancellationToken);
        Assert.Equal(ChangeOutcome.RolledBack, r.Outcome);
        Assert.Contains("changed since the plan", r.FailedStep!.Error, StringComparison.Ordinal);
    }

    /// <summary>Someone edits the file between NetTui's read and its write.</summary>
    private sealed class ChangingFiles(string path) : IFileStore
    {
        private int _reads;
        public Task<string?> ReadAsync(string p, CancellationToken ct = default) => Task.FromResult<string?>(p == path && _reads++ > 0 ? "{\"debug\":true}" : null);
        public Task WriteAsync(string p, string content, CancellationToken ct = default) => throw new InvalidOperationException("must not write");
        public Task DeleteAsync(string p, CancellationToken ct = default) => Task.CompletedTask;
    }

    [Fact]
    public async Task A_failed_ovs_step_that_may_have_committed_is_undone_too()
    {
        var (ex, runner, _, _) = Make(Done, (spec, _) => spec.Program == "ovs-vsctl" && spec.Arguments.Contains("add-br"));
        var r = await ex.ApplyAsync(new CreateOvsBridge("obr0", "netdev"), OperationContext.Default, ct: TestContext.Current.CancellationToken);
        Assert.Equal(ChangeOutcome.RolledBack, r.Outcome);
        Assert.Equal("ovs-vsctl --timeout=10 --no-wait --if-exists del-br obr0", runner.Lines[^1]);
    }

    [Fact]
    public async Task An_unreadable_host_is_refused_with_the_reason()
    {
        var down = Host with { Links = [], Sources = [SourceStatus.Down(SourceKind.IpRoute2, "setns: No such file or directory", TimeSpan.Zero)] };
        var runner = new RecordingRunner();
        var r = await new ChangeExecutor(runner, new FakeInventory(down), new MemoryFiles()).ApplyAsync(new SetMtu("eth0", "1400"), OperationContext.Default, ct: TestContext.Current.CancellationToken);
        Assert.Equal(ChangeOutcome.Rejected, r.Outcome);
        Assert.Equal("host: cannot read the network configuration: setns: No such file or directory", r.Summary);
        Assert.Empty(runner.Ran);
    }

    [Fact]
    public async Task Cancelling_mid_change_undoes_what_ran()
    {
        using var cts = new CancellationTokenSource();
        var (ex, runner, _, _) = Make(Done);
        runner.After = _ => { if (runner.Ran.Count == 2) cts.Cancel(); };
        var r = await ex.ApplyAsync(Bridge, OperationContext.Default, ct: cts.Token);
        Assert.Equal(ChangeOutcome.RolledBack, r.Outcome);
        Assert.Equal("cancelled before it ran", r.FailedStep!.Error);
        Assert.Equal(["ip addr del 192.168.100.1/24 dev br0", "ip link del dev br0"], runner.Lines.Skip(2));
    }

    [Fact]
    public async Task An_exception_after_something_ran_rolls_back()
    {
        var inv = new FakeInventory(Host);
        var runner = new RecordingRunner { After = _ => inv.Snapshot = Host.Update("eth0", l => l with { Mtu = 1400 }) };
        var ex = new ChangeExecutor(runner, inv, new MemoryFiles(), new ThrowOnSecondOperation());
        var r = await ex.ApplyAsync([new SetMtu("eth0", "1400"), new SetMtu("veth1", "1400")], OperationContext.Default, ct: TestContext.Current.CancellationToken);
        Assert.Equal(ChangeOutcome.RolledBack, r.Outcome);
        Assert.Contains("journal full", r.Summary, StringComparison.Ordinal);
        Assert.Equal(["ip link set dev eth0 mtu 1400", "ip link set dev eth0 mtu 1500"], runner.Lines);
    }

    private sealed class ThrowOnSecondOperation : IChangeObserver
    {
        public Task OperationStartingAsync(OperationStarting op, CancellationToken ct) =>
            op.Index == 1 ? throw new InvalidOperationException("journal full") : Task.CompletedTask;
    }
}
