using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.UnitTests.Operations;

public class DeleteBridgeTests
{
    private static readonly HostSnapshot Host = TestHost.Basic()
        .WithBridge("br0", true, "192.168.1.1/24", "fe80::1/64")
        .WithLink("veth1", LinkKind.Veth).WithPort("br0", "veth1")
        .WithRoute("192.168.1.0/24", null, "br0", proto: "kernel")
        .WithRoute("192.168.2.0/24", null, "br0", metric: 50);

    [Fact]
    public void Plan_removes_routes_and_ports_first_and_its_undo_recreates_everything()
    {
        var op = new DeleteBridge("br0");
        OpAssert.Valid(op, Host);
        Assert.Equal([
            "ip route del 192.168.2.0/24 dev br0 metric 50",
            "ip link set dev veth1 nomaster",
            "ip link set dev br0 down",
            "ip link del dev br0",
        ], OpAssert.Commands(op, Host));
        var last = (CommandStep)op.Plan(Host, OpAssert.Ctx)[^1];
        Assert.Equal([
            "ip link add name br0 type bridge stp_state 1",
            "ip addr add 192.168.1.1/24 dev br0",
        ], last.Undo.Select(u => u.Display));
    }

    [Fact]
    public void Inverse_recreates_addresses_stp_ports_and_static_routes()
    {
        var inv = Assert.IsType<CreateBridge>(new DeleteBridge("br0").Inverse(Host, OpAssert.Ctx));
        Assert.Equal("br0", inv.Name);
        Assert.Equal("192.168.1.1/24", inv.Address);
        Assert.True(inv.Stp);
        Assert.Empty(inv.MoreAddresses);
        Assert.Equal(["veth1"], inv.Ports);
        Assert.Equal([new AddRoute("192.168.2.0/24", null, "br0", "50")], inv.Routes);
        // The inverse is itself valid on the host after the delete.
        var after = TestHost.Basic().WithLink("veth1", LinkKind.Veth);
        OpAssert.Valid(inv, after);
    }

    [Fact]
    public void Consequences_list_ports_routes_and_containers()
    {
        var c = new DeleteBridge("br0").Consequences(Host).ToList();
        Assert.Contains("port veth1 is detached", c);
        Assert.Contains("route 192.168.2.0/24 via br0 is removed", c);
    }

    [Theory]
    [InlineData("br0;reboot")]
    [InlineData("$(id)")]
    [InlineData("sixteen-bytes-xx")]
    public void Bad_names_are_rejected(string name) => OpAssert.Rejected(new DeleteBridge(name), Host, "name");

    [Fact]
    public void Only_existing_linux_bridges_can_be_deleted()
    {
        OpAssert.Rejected(new DeleteBridge("br7"), Host, "name", "no bridge");
        OpAssert.Rejected(new DeleteBridge("eth0"), Host, "name", "not a Linux bridge");
    }

    [Fact]
    public void Verify_wants_it_gone()
    {
        Assert.Empty(new DeleteBridge("br0").Verify(TestHost.Basic(), OpAssert.Ctx));
        Assert.NotEmpty(new DeleteBridge("br0").Verify(Host, OpAssert.Ctx));
    }
}
