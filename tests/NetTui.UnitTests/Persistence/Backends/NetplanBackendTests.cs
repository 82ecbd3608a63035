using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Persisting;
using NetTui.Core.Persisting.Backends;
using NetTui.Core.Persisting.Netplan;
using NetTui.UnitTests.Operations;

namespace NetTui.UnitTests.Persistence.Backends;

public class NetplanBackendTests
{
    private const string Root = "/lab/root";
    private const string Own = Root + "/etc/netplan/90-nettui.yaml";
    private const string Admin = Root + "/etc/netplan/50-cloud-init.yaml";
    private const string AdminText = "# the admin's\nnetwork:\n  version: 2\n  ethernets:\n    eth1:\n      addresses: [10.2.0.1/24]\n  bridges:\n    br9:\n      interfaces: [eth1]\n";

    private static PersistedOperation Wrapped(Operation op, params string[] files) =>
        new(op) { Backend = new BackendChoice(PersistenceBackendKind.Netplan, Root) { Files = [.. files] } };

    private static FileWriteStep OwnFile(Operation op, HostSnapshot host, OperationContext ctx) =>
        Assert.Single(Wrapped(op, Admin).Plan(host, ctx).OfType<FileWriteStep>(), f => f.Path == Own);

    private static readonly HostSnapshot Host = TestHost.Basic().WithLink("vport0", LinkKind.Veth).WithLink("eth1", LinkKind.Ethernet, "10.2.0.1/24");

    [Fact]
    public void A_new_bridge_goes_into_NetTuis_one_file_checked_by_netplan_before_anything_runs()
    {
        var op = Wrapped(new CreateBridge("br0", "192.168.80.1/24") { Ports = ["vport0"], Routes = [new AddRoute("10.80.2.0/24", "192.168.80.2", "br0")] });
        var plan = op.Plan(Host, OperationContext.Default);
        Assert.Equal("persistent: netplan, /etc/netplan/90-nettui.yaml (bridge br0)", Assert.IsType<NoteStep>(plan[0]).Description);
        var check = Assert.IsType<NetplanCheckStep>(plan[1]);
        Assert.IsType<CommandStep>(plan[2]);
        var write = Assert.IsType<FileWriteStep>(plan[^1]);
        Assert.Equal((Own, true, (string?)null), (write.Path, write.OwnerOnly, write.Previous));
        Assert.Equal("/etc/netplan/90-nettui.yaml", Assert.Single(check.Files).Path);
        Assert.Equal(write.Content, check.Files[0].Text);
        Assert.Equal(NetplanConfig.Header + "\n" + """
            network:
              version: 2
              ethernets:
                vport0: {}
              bridges:
                br0:
                  interfaces: [vport0]
                  addresses: [192.168.80.1/24]
                  routes:
                    - to: 10.80.2.0/24
                      via: 192.168.80.2
                  parameters:
                    stp: false

            """.Replace("\r", "", StringComparison.Ordinal), write.Content);
    }

    [Fact]
    public void Later_changes_edit_the_same_file_and_the_inverse_puts_its_text_back()
    {
        var first = OwnFile(new CreateBridge("br0", "192.168.80.1/24"), Host, OperationContext.Default);
        var ctx = OperationContext.Default.WithFile(Own, first.Content).WithFile(Admin, AdminText);
        var host = Host.WithBridge("br0", false, "192.168.80.1/24");

        var attach = Wrapped(new AttachToBridge("br0", "vport0"), Admin);
        var attached = OwnFile(attach.Inner, host, ctx);
        Assert.Contains("  ethernets:\n    vport0: {}\n", attached.Content, StringComparison.Ordinal);
        Assert.Contains("      interfaces: [vport0]\n", attached.Content, StringComparison.Ordinal);
        var inverse = Assert.IsType<PersistedOperation>(attach.Inverse(host, ctx));
        var back = Assert.Single(inverse.Plan(host, ctx.WithFile(Own, attached.Content)).OfType<FileWriteStep>());
        Assert.Equal((first.Content, (string?)attached.Content, true), (back.Content, back.Previous, back.OwnerOnly));

        var address = OwnFile(new AddAddress("br0", "fd00:80::1/64"), host, ctx);
        Assert.Contains("      addresses: [192.168.80.1/24, \"fd00:80::1/64\"]\n", address.Content, StringComparison.Ordinal);

        var route = OwnFile(new AddRoute("default", "192.168.80.254"), host, ctx);
        Assert.Contains("      routes:\n        - to: default\n          via: 192.168.80.254\n", route.Content, StringComparison.Ordinal);

        var gone = Assert.Single(Wrapped(new DeleteBridge("br0"), Admin).Plan(host, ctx).OfType<FileWriteStep>());
        Assert.True(gone.RemoveFile);
    }

    [Fact]
    public void Objects_an_admins_file_defines_stay_runtime_only_naming_the_file_to_edit()
    {
        var ctx = OperationContext.Default.WithFile(Admin, AdminText);
        var host = Host.WithBridge("br9").WithPort("br9", "eth1");
        foreach (var op in new Operation[] { new CreateBridge("br9"), new AddAddress("eth1", "10.2.1.1/24"), new DetachFromBridge("eth1"), new RemoveAddress("eth1", "10.2.0.1/24"), new DeleteBridge("br9") })
        {
            var plan = Wrapped(op, Admin).PlanPersistence(host, ctx);
            Assert.True(plan.LostAtReboot || !plan.Persistent, op.Describe());
            Assert.Contains("is defined in /etc/netplan/50-cloud-init.yaml (line ", plan.Label, StringComparison.Ordinal);
            Assert.Contains("edit there", plan.Label, StringComparison.Ordinal);
            Assert.Empty(Wrapped(op, Admin).Plan(host, ctx).OfType<FileWriteStep>());
        }
        // A port the admin defines is listed by the admin's ID in NetTui's bridge.
        var bridge = OwnFile(new CreateBridge("br0") { Ports = ["eth1"] }, Host, ctx);
        Assert.Contains("interfaces: [eth1]", bridge.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("ethernets", bridge.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Gre_and_vxlan_tunnels_are_written_as_netplan_tunnels()
    {
        var gre = OwnFile(new CreateIpTunnel("gre1", "gre", "10.9.0.2", "10.9.0.1", "7", "64"), Host, OperationContext.Default);
        Assert.Contains("  tunnels:\n    gre1:\n      mode: gre\n      local: 10.9.0.1\n      remote: 10.9.0.2\n      keys:\n        input: 7\n        output: 7\n      ttl: 64\n", gre.Content, StringComparison.Ordinal);
        var vxlan = OwnFile(new CreateVxlan("vx0", "42", Remote: "10.9.0.2", Local: "10.9.0.1", Underlay: "eth0") { Learning = false }, Host, OperationContext.Default);
        Assert.Contains("    vx0:\n      mode: vxlan\n      id: 42\n      remote: 10.9.0.2\n      local: 10.9.0.1\n      port: 4789\n      mac-learning: false\n", vxlan.Content, StringComparison.Ordinal);
        var noLocal = Wrapped(new CreateIpTunnel("gre2", "gre", "10.9.0.2")).PlanPersistence(Host, OperationContext.Default);
        Assert.Contains("netplan needs a tunnel's local address", noLocal.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_NetTui_cannot_read_refuses_the_change_naming_file_and_line()
    {
        var ctx = OperationContext.Default.WithFile(Admin, "network:\n  ethernets: &anchor\n");
        var error = Assert.Single(Wrapped(new CreateBridge("br5"), Admin).Validate(Host, ctx));
        Assert.StartsWith(Admin + ":2: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("nothing was written", error.Message, StringComparison.Ordinal);
    }
}
