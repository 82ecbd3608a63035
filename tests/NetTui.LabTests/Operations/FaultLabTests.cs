using NetTui.Core.Operations;
using NetTui.Host.Changes;

namespace NetTui.LabTests.Operations;

/// <summary>
/// Changes whose later step fails because Open vSwitch went away between steps: everything
/// that ran is undone and the host is as it was (compared once OVS is back).
/// </summary>
public sealed class FaultLabTests
{
    /// <summary>Stops ovsdb-server once the given step has finished.</summary>
    private sealed class StopOvsAfter(OpsLab lab, int operation, int step) : IChangeObserver
    {
        public async Task StepFinishedAsync(StepOutcome s, CancellationToken ct)
        {
            if (s.Operation == operation && s.Step == step) await lab.Ovs!.StopServerAsync();
        }
    }

    [Fact]
    public async Task Ovsdb_stopped_between_the_steps_of_one_operation()
    {
        await using var lab = await OpsLab.CreateAsync(ovs: true);
        await lab.Ip("link", "add", "br0", "type", "bridge");
        await lab.Ip("link", "set", "br0", "up");
        await lab.Ovs!.AddBridgeAsync("obr0");
        await lab.Ovs.AddGrePortAsync("obr0", "gre0", "10.10.0.2");
        await lab.Ip("link", "set", "obr0", "master", "br0");
        var before = await lab.ReadAsync();

        // Step 1 detaches obr0 from br0 (ip), step 2 is ovs-vsctl del-br: OVS is gone by then.
        var ctx = lab.Context with { Ovs = lab.Context.Ovs with { TimeoutSeconds = 3 } };
        var r = await lab.Executor(new StopOvsAfter(lab, 0, 0)).ApplyAsync(new DeleteOvsBridge("obr0"), ctx, ct: TestContext.Current.CancellationToken);

        Assert.Equal(ChangeOutcome.RolledBack, r.Outcome);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(1, r.FailedStep!.Step);
        Assert.Contains("ovs-vsctl", r.FailedStep.Error, StringComparison.Ordinal);
        Assert.Equal("undo: detach obr0 from br0", Assert.Single(r.Undone).Description);
        Assert.Equal("br0", (string?)(await lab.Host.IpJsonAsync("link", "show", "obr0"))[0]!["master"]);

        await lab.Ovs.StartServerAsync();
        SnapshotShape.Equal(before, await lab.ReadAsync(), "failed delete");
    }

    [Fact]
    public async Task Ovsdb_stopped_between_two_operations_of_a_change_set()
    {
        await using var lab = await OpsLab.CreateAsync(ovs: true);
        await lab.Ovs!.AddBridgeAsync("obr0");
        var before = await lab.ReadAsync();

        Operation[] change = [new CreateBridge("br0", "192.168.100.1/24"), new AttachToBridge("br0", "obr0"), new AddOvsGrePort("obr0", "gre0", "10.10.0.2")];
        var r = await lab.Executor(new StopOvsAfter(lab, 1, 0)).ApplyAsync(change, lab.Context, ct: TestContext.Current.CancellationToken);

        Assert.Equal(ChangeOutcome.RolledBack, r.Outcome);
        Assert.Contains("operation 3", r.Summary, StringComparison.Ordinal);
        Assert.Equal(4, r.Undone.Length);
        Assert.False((await lab.Host.RunAsync("ip", "link", "show", "br0")).Succeeded);

        await lab.Ovs.StartServerAsync();
        SnapshotShape.Equal(before, await lab.ReadAsync(), "failed change-set");
    }

    /// <summary>Stops ovs-vswitchd (the database stays) once the given step has finished.</summary>
    private sealed class StopVswitchdAfter(OpsLab lab, int operation, int step) : IChangeObserver
    {
        public async Task StepFinishedAsync(StepOutcome s, CancellationToken ct)
        {
            if (s.Operation == operation && s.Step == step) await lab.Ovs!.StopVswitchdAsync();
        }
    }

    [Fact]
    public async Task Vswitchd_stopped_an_ovs_change_times_out_and_everything_is_undone()
    {
        await using var lab = await OpsLab.CreateAsync(ovs: true);
        var before = await lab.ReadAsync();
        var ctx = lab.Context with { Ovs = lab.Context.Ovs with { TimeoutSeconds = 2 } };

        // add-br commits to OVSDB, then waits for ovs-vswitchd until --timeout: the step fails
        // though its row exists, so its own undo (--if-exists del-br, --no-wait) runs too.
        Operation[] change = [new CreateBridge("br1", "192.168.60.1/24"), new CreateOvsBridge("obr1", "netdev")];
        var r = await lab.Executor(new StopVswitchdAfter(lab, 0, 2)).ApplyAsync(change, ctx, ct: TestContext.Current.CancellationToken);

        Assert.Equal(ChangeOutcome.RolledBack, r.Outcome);
        Assert.Equal(1, r.FailedStep!.Operation);
        Assert.Equal(4, r.Undone.Length);
        Assert.Equal("", (await lab.Ovs!.VsctlNoWaitAsync("list-br")).StandardOutput.Trim());

        await lab.Ovs.StartVswitchdAsync();
        SnapshotShape.Equal(before, await lab.ReadAsync(), "change with ovs-vswitchd stopped");
    }
}
