using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.History.Facts;
using NetTui.Recording;
using NetTui.UnitTests.Operations;

namespace NetTui.UnitTests.History;

public class TouchedObjectsTests
{
    private static readonly HostSnapshot Host = TestHost.Basic()
        .WithBridge("br0", false, "192.168.1.1/24")
        .WithLink("veth1", LinkKind.Veth)
        .WithPort("br0", "veth1")
        .WithRoute("192.168.2.0/24", null, "br0")
        .WithOvsBridge("obr0")
        .WithOvsPort("obr0", "gre0", "gre", ("remote_ip", "10.10.0.2"));

    private static List<string> Prefixes(Operation op, HostSnapshot? host = null) =>
        [.. TouchedObjects.Of(op, host ?? Host).Select(o => o.Prefix).Order(StringComparer.Ordinal)];

    [Fact]
    public void A_new_bridge_is_its_link_and_its_bridge()
    {
        Assert.Equal(["bridge/brn/", "link/brn/"], Prefixes(new CreateBridge("brn", "10.1.0.1/24")));
    }

    [Fact]
    public void Deleting_a_bridge_touches_its_ports_and_the_routes_through_it()
    {
        var p = Prefixes(new DeleteBridge("br0"));
        Assert.Contains("link/veth1/", p);
        Assert.Contains("route/inet/main/192.168.2.0/24", p);
        Assert.Contains("bridge/br0/", p);
    }

    [Fact]
    public void Ovs_ports_are_port_interface_and_link()
    {
        Assert.Equal(["link/gre1/", "ovs-interface/gre1/", "ovs-port/gre1/"], Prefixes(new AddOvsGrePort("obr0", "gre1", "10.10.0.3")));
        Assert.Contains("ovs-port/gre0/", Prefixes(new DeleteOvsBridge("obr0")));
    }

    [Theory]
    [InlineData("10.30.0.0/24", null, "route/inet/main/10.30.0.0/24")]
    [InlineData("10.30.0.9", null, "route/inet/main/10.30.0.9")]
    [InlineData("default", "100", "route/inet/100/default")]
    [InlineData("0.0.0.0/0", null, "route/inet/main/default")]
    public void A_route_not_on_the_host_gets_the_name_iproute2_would_print(string dest, string? table, string key)
    {
        Assert.Equal([key], Prefixes(new AddRoute(dest, Dev: "br0", Table: table)));
    }

    [Fact]
    public void A_route_on_the_host_keeps_the_kernel_text()
    {
        Assert.Equal(["route/inet/main/192.168.2.0/24"], Prefixes(new DeleteRoute("192.168.2.0/24", Dev: "br0")));
    }

    [Fact]
    public void Facts_of_the_objects_show_what_an_mtu_change_did()
    {
        var objects = TouchedObjects.Of(new SetMtu("br0", "1400"), Host);
        var before = SnapshotFacts.Extract(Host, objects);
        var after = SnapshotFacts.Extract(Host.Update("br0", l => l with { Mtu = 1400 }), objects);
        Assert.Equal("1500", before["link/br0/mtu"]);
        var d = Assert.Single(FactDrift.Compare(before, after));
        Assert.Equal(("link/br0/mtu", "1500", "1400"), (d.Key, d.Expected, d.Actual));
    }
}
