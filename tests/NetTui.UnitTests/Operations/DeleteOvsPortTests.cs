using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.UnitTests.Operations;

public class DeleteOvsPortTests
{
    private static readonly HostSnapshot Host = TestHost.Basic().WithOvsBridge("obr0")
        .WithOvsPort("obr0", "gre0", "gre", ("remote_ip", "10.10.0.2"))
        .WithOvsPort("obr0", "vx0", "vxlan", ("remote_ip", "10.10.0.3"), ("dst_port", "4790"));

    [Fact]
    public void Plan_and_undo_recreate_type_and_options()
    {
        var op = new DeleteOvsPort("obr0", "gre0");
        OpAssert.Valid(op, Host);
        Assert.Equal(["ovs-vsctl --timeout=10 del-port obr0 gre0"], OpAssert.Commands(op, Host));
        Assert.Equal(["ovs-vsctl --timeout=10 add-port obr0 gre0 -- set interface gre0 type=gre options:remote_ip=10.10.0.2"], OpAssert.Undo(op, Host));
    }

    [Fact]
    public void Inverse_of_a_gre_or_vxlan_port_is_the_gre_or_vxlan_operation()
    {
        Assert.Equal(new AddOvsGrePort("obr0", "gre0", "10.10.0.2"), new DeleteOvsPort("obr0", "gre0").Inverse(Host, OpAssert.Ctx));
        var vx = Assert.IsType<AddOvsVxlanPort>(new DeleteOvsPort("obr0", "vx0").Inverse(Host, OpAssert.Ctx));
        Assert.Equal("4790", vx.DstPort);
    }

    [Theory]
    [InlineData("obr0;reboot", "gre0", "bridge")]
    [InlineData("obr0", "$(id)", "port")]
    [InlineData("obr0", "obr0", "port")]
    public void Bad_fields_are_rejected(string bridge, string port, string field) =>
        OpAssert.Rejected(new DeleteOvsPort(bridge, port), Host, field);

    [Fact]
    public void Host_checks()
    {
        OpAssert.Rejected(new DeleteOvsPort("obr0", "gre9"), Host, "port", "no port");
        OpAssert.Rejected(new DeleteOvsPort("obr9", "gre0"), Host, "bridge");
        OpAssert.Rejected(new DeleteOvsPort("obr0", "gre0"), Host.WithoutOvs(), "ovs");
        var two = Host.WithOvsBridge("obr1").WithOvsPort("obr1", "p1", "internal");
        OpAssert.Rejected(new DeleteOvsPort("obr0", "p1"), two, "port", "on OVS bridge obr1");
    }
}
