using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.UnitTests.Operations;

public class DeleteIpTunnelTests
{
    private static readonly HostSnapshot Host = TestHost.Basic()
        .WithLink(new Link(9, "gre1", LinkKind.Gre, "UNKNOWN", true, 1476, null, null, null, null, [], null, new TunnelInfo("1.2.3.4", "10.0.0.5", 5, 64)));

    [Fact]
    public void Plan_undo_and_inverse_bring_back_every_parameter()
    {
        var op = new DeleteIpTunnel("gre1");
        OpAssert.Valid(op, Host);
        Assert.Equal(["ip link del dev gre1"], OpAssert.Commands(op, Host));
        Assert.Equal(["ip link add name gre1 type gre remote 1.2.3.4 local 10.0.0.5 key 5 ttl 64", "ip link set dev gre1 up"], OpAssert.Undo(op, Host));
        Assert.Equal(new CreateIpTunnel("gre1", "gre", "1.2.3.4", "10.0.0.5", "5", "64"), op.Inverse(Host, OpAssert.Ctx));
    }

    [Theory]
    [InlineData("gre1;reboot")]
    [InlineData("$(id)")]
    public void Bad_names_are_rejected(string name) => OpAssert.Rejected(new DeleteIpTunnel(name), Host, "name");

    [Fact]
    public void Host_checks()
    {
        OpAssert.Rejected(new DeleteIpTunnel("eth0"), Host, "name", "not a gre/gretap tunnel");
        OpAssert.Rejected(new DeleteIpTunnel("gre9"), Host, "name", "no tunnel");
        var unknown = Host.Update("gre1", l => l with { Tunnel = null });
        OpAssert.Rejected(new DeleteIpTunnel("gre1"), unknown, "name", "could not be undone");
    }

    [Fact]
    public void Consequences_name_the_routes_through_it_and_the_bridge_it_leaves()
    {
        var route = new Route(AddressFamily.Inet, "10.88.0.0/16", null, "gre1", "static", "link", null, "main", "unicast");
        var kernel = new Route(AddressFamily.Inet, "10.77.0.0/30", null, "gre1", "kernel", "link", null, "main", "unicast");
        var host = Host.Update("gre1", l => l with { Master = "br0", MasterIndex = 3 }) with { Routes = [.. Host.Routes, route, kernel] };
        Assert.Equal(["gre1 leaves bridge br0 (its traffic to the peer stops)", "route 10.88.0.0/16 through gre1 is removed"],
            new DeleteIpTunnel("gre1").Consequences(host));
        Assert.Empty(new DeleteIpTunnel("gre1").Consequences(Host));
    }
}
