using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Host.Changes;
using NetTui.Host.Inventory;

namespace NetTui.LabTests.Operations;

/// <summary>
/// "Verified" means ovs-vswitchd built it, not that OVSDB holds the row: on this lab's
/// kernel (no openvswitch module) ovs-vsctl commits a `system` bridge, exits 0 and only warns;
/// an untyped port named like a tunnel gets ofport -1 and an error. Both must come back as
/// failed changes, undone, with ovs-vswitchd's own words.
/// </summary>
public sealed class OvsVerifyLabTests
{
    private static async Task<string> Vsctl(OpsLab lab, params string[] args) =>
        (await lab.Ovs!.VsctlCheckedAsync(args)).StandardOutput.Trim();

    private static string Text(ChangeReport r) =>
        $"{r.Outcome}: {r.Summary} | {string.Join(" | ", r.Errors)} | {r.FailedStep?.Error}";

    /// <summary>The real inventory, except that it does not know whether the kernel has the openvswitch module.</summary>
    private sealed class KernelUnknown(IHostInventory real) : IHostInventory
    {
        public async Task<HostSnapshot> ReadAsync(InventoryParts parts = InventoryParts.All, CancellationToken ct = default)
        {
            var s = await real.ReadAsync(parts, ct);
            return s.Ovs is null ? s : s with { Ovs = s.Ovs with { KernelDatapath = null } };
        }
    }

    [Fact]
    public async Task System_datapath_without_the_kernel_module_is_refused_before_anything_runs()
    {
        await using var lab = await OpsLab.CreateAsync(ovs: true);
        Assert.False((await lab.ReadAsync()).Ovs!.KernelDatapath, "this lab's kernel has no openvswitch module");
        var r = await lab.Executor().ApplyAsync(new CreateOvsBridge("obr0", "system"), lab.Context, ct: TestContext.Current.CancellationToken);
        Assert.True(r.Outcome == ChangeOutcome.Rejected, Text(r));
        Assert.Contains(r.Errors, e => e.Field == "datapath" && e.Message.Contains("no openvswitch module", StringComparison.Ordinal));
        Assert.Equal("", await Vsctl(lab, "list-br"));
    }

    [Fact]
    public async Task System_datapath_that_ovs_vswitchd_cannot_create_is_undone_with_its_reason()
    {
        // Where NetTui cannot tell (no module facts), ovs-vswitchd's refusal still undoes the change.
        await using var lab = await OpsLab.CreateAsync(ovs: true);
        var before = await lab.ReadAsync();
        var executor = new ChangeExecutor(lab.Runner, new KernelUnknown(lab.Inventory));
        var r = await executor.ApplyAsync(new CreateOvsBridge("obr0", "system"), lab.Context, ct: TestContext.Current.CancellationToken);

        Assert.True(r.Outcome == ChangeOutcome.RolledBack, Text(r));
        Assert.True(Text(r).Contains("failed to create bridge obr0: No such file or directory", StringComparison.Ordinal), Text(r));
        Assert.Equal("", await Vsctl(lab, "list-br"));
        SnapshotShape.Equal(before, await lab.ReadAsync(), "system bridge refused");
    }

    [Fact]
    public async Task Port_whose_device_cannot_be_opened_is_undone_with_the_error_column()
    {
        await using var lab = await OpsLab.CreateAsync(ovs: true);
        await lab.Ovs!.AddBridgeAsync("obr0");
        var before = await lab.ReadAsync();
        // The seed's `add-port obr0 gre0` without a type: a system port on a device that does not exist.
        var r = await lab.Executor().ApplyAsync(new AddOvsPort("obr0", "gre0"), lab.Context, ct: TestContext.Current.CancellationToken);

        Assert.True(r.Outcome == ChangeOutcome.RolledBack, Text(r));
        Assert.True(Text(r).Contains("could not open network device gre0 (No such device)", StringComparison.Ordinal), Text(r));
        Assert.Equal("", await Vsctl(lab, "list-ports", "obr0"));
        SnapshotShape.Equal(before, await lab.ReadAsync(), "untyped gre0 refused");
    }

    [Fact]
    public async Task Bridge_whose_device_is_removed_behind_its_back_does_not_verify()
    {
        await using var lab = await OpsLab.CreateAsync(ovs: true);
        await lab.ApplyAsync(new CreateOvsBridge("obr0", "netdev"));
        // The datapath loses the bridge's device while OVSDB still holds the row.
        await lab.Ip("link", "del", "obr0");
        var diffs = new CreateOvsBridge("obr0", "netdev").Verify(await lab.ReadAsync(), lab.Context);
        Assert.Contains(diffs, d => d.Contains("no device obr0 in the namespace", StringComparison.Ordinal));
    }
}
