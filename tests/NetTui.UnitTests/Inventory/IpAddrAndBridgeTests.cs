using NetTui.Core.Model;
using NetTui.Host.Inventory.IpRoute2;

namespace NetTui.UnitTests.Inventory;

public class IpAddrAndBridgeTests
{
    [Fact]
    public void Addresses_of_both_families_with_prefix_and_scope()
    {
        var addrs = IpAddrParser.Parse(Fixtures.Read("iproute2/addr.json"));
        var br0 = addrs[2];
        Assert.Contains(new LinkAddress(AddressFamily.Inet, "192.168.100.1", 24, "global"), br0);
        Assert.Contains(new LinkAddress(AddressFamily.Inet6, "fe80::2078:75ff:fe48:8f24", 64, "link"), addrs[4]);
        Assert.Contains(new LinkAddress(AddressFamily.Inet, "127.0.0.1", 8, "host"), addrs[1]);
        Assert.Contains(new LinkAddress(AddressFamily.Inet6, "::1", 128, "host"), addrs[1]);
        Assert.Equal("10.9.0.1/24", addrs[8].First(a => a.Family == AddressFamily.Inet).Cidr);
    }

    [Fact]
    public void Addresses_merge_into_links_by_index()
    {
        var links = IpLinkParser.Parse(Fixtures.Read("iproute2/link.json")).Links;
        var merged = IpAddrParser.Merge(links, IpAddrParser.Parse(Fixtures.Read("iproute2/addr.json")));
        Assert.Contains(merged.Single(l => l.Name == "vp3").Addresses, a => a.Cidr == "10.9.0.1/24");
        Assert.Empty(merged.Single(l => l.Name == "vx0").Addresses);
    }

    [Fact]
    public void Bridge_link_gives_port_state_cost_and_priority()
    {
        var ports = BridgePortParser.Parse(Fixtures.Read("iproute2/bridge-link.json"));
        Assert.Equal(6, ports.Count);
        Assert.Equal(new BridgePortInfo(4, "vp1", "br0", "listening", 2, 32), ports.Single(p => p.Name == "vp1"));
        Assert.Equal("disabled", ports.Single(p => p.Name == "vethwe-bridge").State);
    }

    [Fact]
    public void Linux_bridges_list_their_ports_with_states()
    {
        var data = IpLinkParser.Parse(Fixtures.Read("iproute2/link.json"));
        var bridges = LinuxBridgeBuilder.Build(data, BridgePortParser.Parse(Fixtures.Read("iproute2/bridge-link.json")));
        Assert.Equal(["br0", "weave"], bridges.Select(b => b.Name));
        var br0 = bridges[0];
        Assert.True(br0.StpEnabled);
        Assert.Equal("8000.066d597ceb8d", br0.BridgeId);
        Assert.Equal(["obr0", "vethae5fa27", "vethbd285fb", "vp1", "vp2"], br0.Ports.Select(p => p.Name));
        Assert.All(br0.Ports, p => Assert.Equal("listening", p.State));
        Assert.Equal(new BridgePort("vp1", 4, "listening", 2, 32), br0.Ports.Single(p => p.Name == "vp1"));
        Assert.DoesNotContain(br0.Ports, p => p.Name == "vp3"); // the third veth is not attached
        Assert.Equal(new BridgePort("vethwe-bridge", 14, "disabled", 2, 32), Assert.Single(bridges[1].Ports));
    }

    [Fact]
    public void Netns_ids_without_a_name_are_left_out()
    {
        var map = NetnsIdParser.Parse(Fixtures.Read("iproute2/netns-list-id.json"));
        Assert.Equal("ntl-cap-a1b2-c", Assert.Single(map).Value);
        Assert.Equal(0, map.Single().Key);
    }
}
