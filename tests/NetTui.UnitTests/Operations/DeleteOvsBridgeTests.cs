using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.UnitTests.Operations;

public class DeleteOvsBridgeTests
{
    private static readonly HostSnapshot Host = TestHost.Basic()
        .WithBridge("br0", false, "192.168.1.1/24")
        .WithOvsBridge("obr0", "netdev")
        .WithOvsPort("obr0", "gre0", "gre", ("remote_ip", "10.10.0.2"), ("key", "7"))
        .WithPort("br0", "obr0");

    [Fact]
    public void Detaches_from_the_linux_bridge_then_deletes_and_its_undo_recreates_ports()
    {
        var op = new DeleteOvsBridge("obr0");
        OpAssert.Valid(op, Host);
        Assert.Equal(["ip link set dev obr0 nomaster", "ovs-vsctl --timeout=10 del-br obr0"], OpAssert.Commands(op, Host));
        Assert.Equal([
            "ip link set dev obr0 master br0",
            "ovs-vsctl --timeout=10 add-br obr0 -- set bridge obr0 datapath_type=netdev",
            "ovs-vsctl --timeout=10 add-port obr0 gre0 -- set interface gre0 type=gre options:key=7 options:remote_ip=10.10.0.2",
            "ip link set dev obr0 up",
        ], OpAssert.Undo(op, Host));
    }

    [Fact]
    public void Inverse_carries_ports_master_and_state()
    {
        var inv = Assert.IsType<CreateOvsBridge>(new DeleteOvsBridge("obr0").Inverse(Host, OpAssert.Ctx));
        Assert.Equal("netdev", inv.Datapath);
        Assert.Equal("br0", inv.Master);
        Assert.True(inv.Up);
        var port = Assert.Single(inv.Ports);
        Assert.Equal("gre", port.Type);
        Assert.Equal("10.10.0.2", port.Options["remote_ip"]);
        Assert.Contains("port gre0 (gre) is deleted", new DeleteOvsBridge("obr0").Consequences(Host));
    }

    [Theory]
    [InlineData("obr0;reboot")]
    [InlineData("$(id)")]
    public void Bad_names_are_rejected(string name) => OpAssert.Rejected(new DeleteOvsBridge(name), Host, "name");

    [Fact]
    public void Host_checks()
    {
        OpAssert.Rejected(new DeleteOvsBridge("obr9"), Host, "name", "no OVS bridge");
        OpAssert.Rejected(new DeleteOvsBridge("obr0"), Host.WithoutOvs(), "ovs");
    }

    [Fact]
    public void Verify() => Assert.Empty(new DeleteOvsBridge("obr0").Verify(TestHost.Basic(), OpAssert.Ctx));
}
