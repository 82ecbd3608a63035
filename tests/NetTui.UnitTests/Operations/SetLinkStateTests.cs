using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.UnitTests.Operations;

public class SetLinkStateTests
{
    private static readonly HostSnapshot Host = TestHost.Basic().WithLink("veth1", LinkKind.Veth).Update("veth1", l => l with { AdminUp = false });

    [Fact]
    public void Plan_undo_inverse_verify()
    {
        var op = new SetLinkState("veth1", true);
        OpAssert.Valid(op, Host);
        Assert.Equal(["ip link set dev veth1 up"], OpAssert.Commands(op, Host));
        Assert.Equal(["ip link set dev veth1 down"], OpAssert.Undo(op, Host));
        Assert.Equal(new SetLinkState("veth1", false), op.Inverse(Host, OpAssert.Ctx));
        Assert.NotEmpty(op.Verify(Host, OpAssert.Ctx));
        Assert.Empty(op.Verify(Host.Update("veth1", l => l with { AdminUp = true }), OpAssert.Ctx));
    }

    [Theory]
    [InlineData("veth1;reboot")]
    [InlineData("$(id)")]
    [InlineData("abcdefghijklmnop")]
    public void Bad_names_are_rejected(string iface) => OpAssert.Rejected(new SetLinkState(iface, true), Host, "interface");

    [Fact]
    public void Host_checks()
    {
        OpAssert.Rejected(new SetLinkState("nope0", true), Host, "interface", "no interface");
        OpAssert.Rejected(new SetLinkState("eth0", true), Host, "interface", "already up");
    }

    [Fact]
    public void Down_undo_and_inverse_bring_back_the_routes_the_kernel_drops()
    {
        var host = TestHost.Basic().WithRoute("10.50.0.0/16", null, "eth0", metric: 7);
        var op = new SetLinkState("eth0", false);
        Assert.Equal(["ip link set dev eth0 up", "ip route add default via 10.0.0.1 dev eth0", "ip route add 10.50.0.0/16 dev eth0 metric 7"], OpAssert.Undo(op, host));
        var inv = Assert.IsType<SetLinkState>(op.Inverse(host, OpAssert.Ctx));
        Assert.True(inv.Up);
        Assert.Equal(2, inv.Routes.Length);
        var down = host.Update("eth0", l => l with { AdminUp = false }) with { Routes = [] };
        Assert.Equal(["ip link set dev eth0 up", "ip route add default via 10.0.0.1 dev eth0", "ip route add 10.50.0.0/16 dev eth0 metric 7"], OpAssert.Commands(inv, down));
    }
}
