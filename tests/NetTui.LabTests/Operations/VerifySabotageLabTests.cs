using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Host.Changes;
using NetTui.Host.Inventory;

namespace NetTui.LabTests.Operations;

/// <summary>
/// Every operation's Verify reads what the kernel and ovs-vswitchd did: each case applies one
/// operation on a real lab host while something else undoes its effect behind its back, just
/// before the executor's verifying read; the change must come back refused ("did not verify"),
/// never "applied and verified".
/// </summary>
public sealed class VerifySabotageLabTests
{
    /// <summary>The real inventory; on its <paramref name="atRead"/>-th read, first runs the sabotage.</summary>
    private sealed class SabotagedInventory(IHostInventory real, Func<Task> sabotage, int atRead = 2) : IHostInventory
    {
        private int _reads;
        public async Task<HostSnapshot> ReadAsync(InventoryParts parts = InventoryParts.All, CancellationToken ct = default)
        {
            if (Interlocked.Increment(ref _reads) == atRead) await sabotage();
            return await real.ReadAsync(parts, ct);
        }
    }

    public sealed record Case(string Name, bool Ovs, string[][] Setup, Func<Operation> Op, string[] Sabotage)
    {
        public override string ToString() => Name;
    }

    private static readonly string[][] Veth = [["ip", "link", "add", "v0", "type", "veth", "peer", "name", "v1"], ["ip", "link", "add", "br1", "type", "bridge"]];

    public static TheoryData<Case> Cases => new(
        new Case("create bridge", false, [], () => new CreateBridge("br7", "10.9.0.1/24"), ["ip", "link", "del", "br7"]),
        new Case("delete bridge", false, Veth, () => new DeleteBridge("br1"), ["ip", "link", "add", "br1", "type", "bridge"]),
        new Case("add address", false, Veth, () => new AddAddress("v0", "10.9.1.1/24"), ["ip", "addr", "flush", "dev", "v0"]),
        new Case("remove address", false, [.. Veth, ["ip", "addr", "add", "10.9.2.1/24", "dev", "v0"]], () => new RemoveAddress("v0", "10.9.2.1/24"),
            ["ip", "addr", "add", "10.9.2.1/24", "dev", "v0"]),
        new Case("attach", false, Veth, () => new AttachToBridge("br1", "v0"), ["ip", "link", "set", "v0", "nomaster"]),
        new Case("detach", false, [.. Veth, ["ip", "link", "set", "v0", "master", "br1"]], () => new DetachFromBridge("v0"), ["ip", "link", "set", "v0", "master", "br1"]),
        new Case("set mtu", false, Veth, () => new SetMtu("v0", "1400"), ["ip", "link", "set", "v0", "mtu", "1500"]),
        new Case("set up", false, Veth, () => new SetLinkState("v0", true), ["ip", "link", "set", "v0", "down"]),
        new Case("add route", false, [.. Veth, ["ip", "link", "set", "v0", "up"], ["ip", "addr", "add", "10.9.3.1/24", "dev", "v0"]],
            () => new AddRoute("10.99.0.0/16", Via: "10.9.3.2"), ["ip", "route", "del", "10.99.0.0/16"]),
        new Case("delete route", false, [.. Veth, ["ip", "link", "set", "v0", "up"], ["ip", "addr", "add", "10.9.4.1/24", "dev", "v0"], ["ip", "route", "add", "10.98.0.0/16", "via", "10.9.4.2"]],
            () => new DeleteRoute("10.98.0.0/16", Via: "10.9.4.2"), ["ip", "route", "add", "10.98.0.0/16", "via", "10.9.4.2"]),
        new Case("create OVS bridge", true, [], () => new CreateOvsBridge("obr3", "netdev"), ["ip", "link", "del", "obr3"]),
        new Case("delete OVS bridge", true, [["ovs", "add-br", "obr4", "--", "set", "bridge", "obr4", "datapath_type=netdev"]], () => new DeleteOvsBridge("obr4"),
            ["ovs", "add-br", "obr4", "--", "set", "bridge", "obr4", "datapath_type=netdev"]),
        new Case("add GRE port", true, [["ovs", "add-br", "obr5", "--", "set", "bridge", "obr5", "datapath_type=netdev"]], () => new AddOvsGrePort("obr5", "gre5", "10.9.5.2"),
            ["ovs", "set", "interface", "gre5", "options:remote_ip=10.9.5.9"]),
        new Case("add OVS port", true, [.. Veth, ["ovs", "add-br", "obr6", "--", "set", "bridge", "obr6", "datapath_type=netdev"]], () => new AddOvsPort("obr6", "v1"),
            ["ovs", "del-port", "obr6", "v1"]),
        new Case("delete OVS port", true, [.. Veth, ["ovs", "add-br", "obr8", "--", "set", "bridge", "obr8", "datapath_type=netdev"], ["ovs", "add-port", "obr8", "v1"]],
            () => new DeleteOvsPort("obr8", "v1"), ["ovs", "add-port", "obr8", "v1"]),
        // VXLAN: the device swapped for one with another VNI, a deleted one put back, the OVS key changed.
        new Case("create VXLAN", false, [], () => new CreateVxlan("vx7", "42", "10.9.7.2"),
            ["sh", "-c", "ip link del vx7 && ip link add vx7 type vxlan id 43 remote 10.9.7.2 dstport 4789 && ip link set vx7 up"]),
        new Case("delete VXLAN", false, [["ip", "link", "add", "vx8", "type", "vxlan", "id", "8", "remote", "10.9.8.2", "dstport", "4789"]], () => new DeleteVxlan("vx8"),
            ["ip", "link", "add", "vx8", "type", "vxlan", "id", "8", "remote", "10.9.8.2", "dstport", "4789"]),
        new Case("add OVS VXLAN port", true, [["ovs", "add-br", "obr9", "--", "set", "bridge", "obr9", "datapath_type=netdev"]], () => new AddOvsVxlanPort("obr9", "vxlan9", "10.9.9.2", Key: "9"),
            ["ovs", "set", "interface", "vxlan9", "options:key=10"]));

    private static Task RunAsync(OpsLab lab, string[] argv) =>
        argv[0] == "ovs" ? lab.Ovs!.VsctlCheckedAsync(argv[1..]) : lab.Host.CheckedAsync(argv);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_change_undone_behind_its_back_does_not_verify(Case c)
    {
        await using var lab = await OpsLab.CreateAsync(ovs: c.Ovs);
        foreach (var step in c.Setup) await RunAsync(lab, step);
        await lab.Host.WaitUntilSettledAsync();
        var executor = new ChangeExecutor(lab.Runner, new SabotagedInventory(lab.Inventory, () => RunAsync(lab, c.Sabotage)));
        var r = await executor.ApplyAsync(c.Op(), lab.Context, ct: TestContext.Current.CancellationToken);

        Assert.True(r.Outcome is ChangeOutcome.RolledBack or ChangeOutcome.RollbackFailed, $"{c.Name}: {r.Outcome}: {r.Summary}");
        Assert.Contains("did not verify", r.Summary, StringComparison.Ordinal);
        Assert.NotEmpty(r.Differences);
    }
}
