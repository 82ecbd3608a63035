using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Persisting;
using NetTui.Core.Persisting.Backends;
using NetTui.Core.Persisting.Ifupdown;
using NetTui.UnitTests.Operations;

namespace NetTui.UnitTests.Persistence.Backends;

public class IfupdownBackendTests
{
    private const string Root = "/lab/root";
    private const string Interfaces = Root + "/etc/network/interfaces";
    private const string Own = Root + "/etc/network/interfaces.d/nettui-br0";
    private static readonly BackendChoice Choice = new(PersistenceBackendKind.Ifupdown, Root) { Files = [Interfaces] };

    private static OperationContext Ctx(string? interfaces, string? own = null) =>
        OperationContext.Default.WithFile(Interfaces, interfaces).WithFile(Own, own);

    private static PersistedOperation Wrapped(Operation op) => new(op) { Backend = Choice };

    private static List<FileWriteStep> Files(Operation op, HostSnapshot host, OperationContext ctx) =>
        [.. Wrapped(op).Plan(host, ctx).OfType<FileWriteStep>()];

    [Fact]
    public void A_new_bridge_gets_its_own_file_after_the_runtime_commands_and_a_sourced_directory_is_left_alone()
    {
        var host = TestHost.Basic().WithLink("vport0", LinkKind.Veth);
        var plan = Wrapped(new CreateBridge("br0", "192.168.70.1/24") { Ports = ["vport0"] }).Plan(host, Ctx("source /etc/network/interfaces.d/*\n"));
        Assert.Equal("persistent: ifupdown, /etc/network/interfaces.d/nettui-br0", Assert.IsType<NoteStep>(plan[0]).Description);
        Assert.IsType<CommandStep>(plan[1]);
        var write = Assert.IsType<FileWriteStep>(plan[^1]);
        Assert.Equal(Own, write.Path);
        Assert.Null(write.Previous);
        Assert.Contains("auto br0\niface br0 inet static\n    address 192.168.70.1/24\n    bridge_ports vport0\n", write.Content, StringComparison.Ordinal);
        Assert.Single(plan.OfType<FileWriteStep>());
    }

    [Fact]
    public void When_interfaces_does_not_source_the_directory_the_line_is_added_as_a_step_of_its_own()
    {
        var files = Files(new CreateBridge("br0"), TestHost.Basic(), Ctx("auto lo\niface lo inet loopback\n"));
        var source = Assert.Single(files, f => f.Path == Interfaces);
        Assert.Equal("auto lo\niface lo inet loopback\nsource /etc/network/interfaces.d/*\n", source.Content);
        Assert.Contains(files, f => f.Path == Own);
    }

    [Fact]
    public void An_admins_stanza_is_edited_in_place_never_defined_twice()
    {
        const string text = "auto br0\niface br0 inet static\n    address 10.1.0.1/24\n    bridge_ports none\n";
        var host = TestHost.Basic().WithBridge("br0", false, "10.1.0.1/24").WithLink("eth1", LinkKind.Ethernet);
        var attach = Assert.Single(Files(new AttachToBridge("br0", "eth1"), host, Ctx(text)));
        Assert.Equal(Interfaces, attach.Path);
        Assert.Equal(text.Replace("bridge_ports none", "bridge_ports eth1", StringComparison.Ordinal), attach.Content);

        var route = Assert.Single(Files(new AddRoute("10.9.0.0/16", Via: "10.1.0.254", Dev: "br0", Metric: "20"), host, Ctx(text)));
        Assert.EndsWith("    up ip route add 10.9.0.0/16 via 10.1.0.254 dev br0 metric 20\n", route.Content, StringComparison.Ordinal);
        Assert.Equal(text, route.Content.Replace("    up ip route add 10.9.0.0/16 via 10.1.0.254 dev br0 metric 20\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public void The_last_static_address_removed_leaves_a_manual_stanza()
    {
        const string text = "iface br0 inet static\n    address 10.1.0.1/24\n    gateway 10.1.0.254\n    bridge_ports none\n";
        var host = TestHost.Basic().WithBridge("br0", false, "10.1.0.1/24");
        var edit = Assert.Single(Files(new RemoveAddress("br0", "10.1.0.1/24"), host, Ctx(text)));
        Assert.Equal("iface br0 inet manual\n    bridge_ports none\n", edit.Content);
    }

    [Fact]
    public void Deleting_a_bridge_removes_NetTuis_file_and_the_inverse_writes_it_back_exactly()
    {
        const string own = "# Written by NetTui\nauto br0\niface br0 inet manual\n    bridge_ports none\n";
        var host = TestHost.Basic().WithBridge("br0");
        var ctx = Ctx("source /etc/network/interfaces.d/*\n", own);
        var remove = Assert.Single(Files(new DeleteBridge("br0"), host, ctx));
        Assert.True(remove.RemoveFile);
        Assert.Equal(own, remove.Previous);

        var inverse = Assert.IsType<PersistedOperation>(Wrapped(new DeleteBridge("br0")).Inverse(host, ctx));
        var restore = Assert.Single(inverse.Restore);
        Assert.Equal((Own, (string?)null, (string?)own), (restore.Path, restore.Expected, restore.Content));
        var back = Assert.Single(inverse.Plan(host, OperationContext.Default).OfType<FileWriteStep>());
        Assert.Equal((own, false, (string?)null), (back.Content, back.RemoveFile, back.Previous));
    }

    [Fact]
    public void A_file_NetTui_cannot_read_refuses_the_operation_naming_file_and_line()
    {
        var errors = Wrapped(new CreateBridge("br5")).Validate(TestHost.Basic(), Ctx("iface br0\n"));
        var error = Assert.Single(errors);
        Assert.StartsWith(Interfaces + ":1: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tunnels_and_vxlans_are_made_by_their_stanzas()
    {
        var tunnel = Files(new CreateIpTunnel("gre1", "gre", "198.51.100.2", Local: "198.51.100.1", Key: "7"), TestHost.Basic(), Ctx("source /etc/network/interfaces.d/*\n"));
        Assert.Contains("    pre-up ip link add gre1 type gre remote 198.51.100.2 local 198.51.100.1 key 7\n    post-down ip link del gre1\n",
            Assert.Single(tunnel).Content, StringComparison.Ordinal);
        var vxlan = Files(new CreateVxlan("vx0", "42", Remote: "198.51.100.2", Local: "198.51.100.1", Mtu: "1450") { Learning = false }, TestHost.Basic(), Ctx("source /etc/network/interfaces.d/*\n"));
        Assert.Equal(StanzaText.Header + "\nauto vx0\niface vx0 inet manual\n    mtu 1450\n" +
            "    pre-up ip link add name vx0 type vxlan id 42 remote 198.51.100.2 local 198.51.100.1 dstport 4789 nolearning\n    post-down ip link del vx0\n",
            Assert.Single(vxlan).Content);
    }

    [Fact]
    public void OVS_bridges_and_ports_get_Debians_ovs_type_stanzas_in_the_bridges_file_besides_OVSDB()
    {
        const string ownObr0 = Root + "/etc/network/interfaces.d/nettui-obr0";
        var host = TestHost.Basic();
        var bridge = Assert.Single(Files(new CreateOvsBridge("obr0", "netdev"), host, Ctx("source /etc/network/interfaces.d/*\n")));
        Assert.Equal(ownObr0, bridge.Path);
        Assert.Equal(StanzaText.Header + "\nauto obr0\nallow-ovs obr0\niface obr0 inet manual\n    ovs_type OVSBridge\n    ovs_extra set bridge ${IFACE} datapath_type=netdev\n", bridge.Content);

        var ctx = Ctx("source /etc/network/interfaces.d/*\n").WithFile(ownObr0, bridge.Content);
        var choice = Choice with { Files = [Interfaces, ownObr0] };
        var gre = new PersistedOperation(new AddOvsGrePort("obr0", "gre1", "10.10.0.2", Key: "7")) { Backend = choice };
        Assert.Equal("persistent: Open vSwitch keeps this in OVSDB (conf.db); ifupdown, /etc/network/interfaces.d/nettui-obr0 (ovs_type) makes it again at boot",
            gre.PlanPersistence(host.WithOvsBridge("obr0"), ctx).Label);
        var port = Assert.Single(gre.Plan(host.WithOvsBridge("obr0"), ctx).OfType<FileWriteStep>());
        Assert.Equal(bridge.Content.Replace("    ovs_type OVSBridge\n", "    ovs_type OVSBridge\n", StringComparison.Ordinal)
            .Replace("datapath_type=netdev\n", "datapath_type=netdev\n    ovs_ports gre1\n", StringComparison.Ordinal)
            + "\nallow-obr0 gre1\niface gre1 inet manual\n    ovs_bridge obr0\n    ovs_type OVSTunnel\n    ovs_tunnel_type gre\n    ovs_tunnel_options options:key=7 options:remote_ip=10.10.0.2\n",
            port.Content);

        // Deleting the port takes its stanza and its ovs_ports entry; deleting the bridge, the whole file.
        var withPort = ctx.WithFile(ownObr0, port.Content);
        var host2 = host.WithOvsBridge("obr0").WithOvsPort("obr0", "gre1", "gre");
        var del = Assert.Single(new PersistedOperation(new DeleteOvsPort("obr0", "gre1")) { Backend = choice }.Plan(host2, withPort).OfType<FileWriteStep>());
        Assert.Equal(bridge.Content + "\n", del.Content); // the blank line before the port's stanza stays
        Assert.True(Assert.Single(new PersistedOperation(new DeleteOvsBridge("obr0")) { Backend = choice }.Plan(host2, withPort).OfType<FileWriteStep>()).RemoveFile);
    }

    [Fact]
    public void The_choice_and_the_files_to_restore_go_through_the_journal_json()
    {
        var op = Wrapped(new DeleteBridge("br0")) with { Restore = [new FileRestore(Own, null, "x\n")] };
        var json = OperationJson.Serialize((Operation)op);
        var back = Assert.IsType<PersistedOperation>(OperationJson.Deserialize(json));
        Assert.Equal(Choice.Kind, back.Backend!.Kind);
        Assert.Equal(Root, back.Backend.Root);
        Assert.Equal([Interfaces], back.Backend.Files);
        Assert.Equal(op.Restore, back.Restore);
    }
}
