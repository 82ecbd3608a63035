using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.UnitTests.Operations;

public class DetachFromBridgeTests
{
    private static readonly HostSnapshot Host = TestHost.Basic().WithBridge("br0").WithLink("veth1", LinkKind.Veth).WithPort("br0", "veth1");

    [Fact]
    public void Plan_undo_and_inverse()
    {
        var op = new DetachFromBridge("veth1");
        OpAssert.Valid(op, Host);
        Assert.Equal(["ip link set dev veth1 nomaster"], OpAssert.Commands(op, Host));
        Assert.Equal(["ip link set dev veth1 master br0"], OpAssert.Undo(op, Host));
        Assert.Equal(new AttachToBridge("br0", "veth1"), op.Inverse(Host, OpAssert.Ctx));
    }

    [Theory]
    [InlineData("veth1;reboot")]
    [InlineData("$(id)")]
    [InlineData("")]
    public void Bad_names_are_rejected(string iface) => OpAssert.Rejected(new DetachFromBridge(iface), Host, "interface");

    [Fact]
    public void Host_checks()
    {
        OpAssert.Rejected(new DetachFromBridge("eth0"), Host, "interface", "not a port");
        OpAssert.Rejected(new DetachFromBridge("nope0"), Host, "interface", "no interface");
    }

    [Fact]
    public void Verify()
    {
        Assert.NotEmpty(new DetachFromBridge("veth1").Verify(Host, OpAssert.Ctx));
        Assert.Empty(new DetachFromBridge("veth1").Verify(TestHost.Basic().WithBridge("br0").WithLink("veth1", LinkKind.Veth), OpAssert.Ctx));
    }
}
