using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.UnitTests.Operations;

public class DeleteVxlanTests
{
    private static readonly HostSnapshot Host = TestHost.Basic().WithBridge("br0").WithLink(
        CreateVxlanTests.VxlanLink("vx0", 42, "10.0.0.9", "10.0.0.5", underlay: "eth0", learning: false) with { Master = "br0", MasterIndex = 3 });

    [Fact]
    public void Undo_recreates_it_with_its_parameters_bridge_and_state()
    {
        var op = new DeleteVxlan("vx0");
        OpAssert.Valid(op, Host);
        Assert.Equal(["ip link del dev vx0"], OpAssert.Commands(op, Host));
        Assert.Equal([
            "ip link add name vx0 type vxlan id 42 remote 10.0.0.9 local 10.0.0.5 dstport 4789 dev eth0 nolearning",
            "ip link set dev vx0 mtu 1450",
            "ip link set dev vx0 master br0",
            "ip link set dev vx0 up",
        ], OpAssert.Undo(op, Host));
        var back = Assert.IsType<CreateVxlan>(op.Inverse(Host, OpAssert.Ctx));
        Assert.Equal(new CreateVxlan("vx0", "42", "10.0.0.9", null, "10.0.0.5", "4789", "eth0", "1450") { Learning = false }, back);
        Assert.Contains(op.Consequences(Host), c => c.Contains("leaves bridge br0", StringComparison.Ordinal));
    }

    [Fact]
    public void Refused_for_what_is_not_a_vxlan_or_lacks_parameters()
    {
        OpAssert.Rejected(new DeleteVxlan("vx9"), Host, "name", "no VXLAN vx9");
        OpAssert.Rejected(new DeleteVxlan("eth0"), Host, "name", "not a VXLAN");
        var blind = Host.Update("vx0", l => l with { Tunnel = null });
        OpAssert.Rejected(new DeleteVxlan("vx0"), blind, "name", "could not be undone");
        OpAssert.Rejected(new DeleteVxlan("vx 0"), Host, "name");
    }

    [Fact]
    public void Verify_checks_it_is_gone()
    {
        Assert.NotEmpty(new DeleteVxlan("vx0").Verify(Host, OpAssert.Ctx));
        Assert.Empty(new DeleteVxlan("vx0").Verify(TestHost.Basic(), OpAssert.Ctx));
    }
}
