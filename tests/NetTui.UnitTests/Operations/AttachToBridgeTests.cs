using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.UnitTests.Operations;

public class AttachToBridgeTests
{
    private static readonly HostSnapshot Host = TestHost.Basic()
        .WithBridge("br0", false, "192.168.1.1/24")
        .WithOvsBridge("obr0")
        .WithLink("veth1", LinkKind.Veth);

    [Fact]
    public void Attaches_an_ovs_internal_port_like_the_seed()
    {
        var op = new AttachToBridge("br0", "obr0");
        OpAssert.Valid(op, Host);
        Assert.Equal(["ip link set dev obr0 master br0"], OpAssert.Commands(op, Host));
        Assert.Equal(["ip link set dev obr0 nomaster"], OpAssert.Undo(op, Host));
        Assert.Equal("brctl addif br0 obr0", ((CommandStep)op.Plan(Host, OpAssert.Ctx)[0]).Classic);
        Assert.Equal(new DetachFromBridge("obr0"), op.Inverse(Host, OpAssert.Ctx));
    }

    [Theory]
    [InlineData("br0;reboot", "veth1", "bridge")]
    [InlineData("br0", "$(id)", "interface")]
    [InlineData("abcdefghijklmnop", "veth1", "bridge")]
    [InlineData("br0", "br0", "interface")]
    public void Bad_fields_are_rejected(string bridge, string iface, string field) =>
        OpAssert.Rejected(new AttachToBridge(bridge, iface), Host, field);

    [Fact]
    public void Host_checks()
    {
        OpAssert.Rejected(new AttachToBridge("br9", "veth1"), Host, "bridge", "no bridge br9");
        OpAssert.Rejected(new AttachToBridge("eth0", "veth1"), Host, "bridge", "not a Linux bridge");
        OpAssert.Rejected(new AttachToBridge("br0", "nope0"), Host, "interface", "no interface");
        OpAssert.Rejected(new AttachToBridge("br0", "veth1"), Host.WithPort("br0", "veth1"), "interface", "already a port of br0");
        OpAssert.Rejected(new AttachToBridge("br0", "lo"), Host, "interface", "loopback");
    }

    [Fact]
    public void Verify()
    {
        var op = new AttachToBridge("br0", "veth1");
        Assert.NotEmpty(op.Verify(Host, OpAssert.Ctx));
        Assert.Empty(op.Verify(Host.WithPort("br0", "veth1"), OpAssert.Ctx));
    }
}
