using System.Collections.Immutable;
using NetTui.Core.Operations;

namespace NetTui.UnitTests.Operations;

public class AddOvsPortTests
{
    private static readonly Core.Model.HostSnapshot Host = TestHost.Basic().WithOvsBridge("obr0");

    [Fact]
    public void Plain_and_typed_ports()
    {
        Assert.Equal(["ovs-vsctl --timeout=10 add-port obr0 eth0"], OpAssert.Commands(new AddOvsPort("obr0", "eth0"), Host));
        var vx = new AddOvsPort("obr0", "vx0", "vxlan") { Options = ImmutableSortedDictionary<string, string>.Empty.Add("remote_ip", "1.2.3.4") };
        OpAssert.Valid(vx, Host);
        Assert.Equal(["ovs-vsctl --timeout=10 add-port obr0 vx0 -- set interface vx0 type=vxlan options:remote_ip=1.2.3.4"], OpAssert.Commands(vx, Host));
        Assert.Equal(new DeleteOvsPort("obr0", "vx0"), vx.Inverse(Host, OpAssert.Ctx));
    }

    [Fact]
    public void Option_syntax_cannot_be_smuggled_in()
    {
        var bad = new AddOvsPort("obr0", "vx0", "vxlan") { Options = ImmutableSortedDictionary<string, string>.Empty.Add("remote_ip", "1.2.3.4,key=5") };
        OpAssert.Rejected(bad, Host, "option remote_ip");
        OpAssert.Rejected(new AddOvsPort("obr0", "vx0", "bogus"), Host, "type");
        OpAssert.Rejected(new AddOvsPort("obr0", "vx0;reboot"), Host, "port");
    }
}
