using NetTui.Core.Model;
using NetTui.Host.Inventory.IpRoute2;

namespace NetTui.UnitTests.Operations;

/// <summary>The tunnel parameters DeleteIpTunnel needs for its undo, as `ip -j -d link` prints them.</summary>
public class TunnelInfoParserTests
{
    [Fact]
    public void Reads_remote_local_key_and_ttl()
    {
        const string json = """
            [{"ifindex":9,"ifname":"gre1","flags":["POINTOPOINT","NOARP","UP"],"mtu":1476,"operstate":"UNKNOWN","link_type":"gre",
              "linkinfo":{"info_kind":"gre","info_data":{"remote":"1.2.3.4","local":"10.0.0.5","ikey":"0.0.0.42","okey":"0.0.0.42","ttl":64}}}]
            """;
        var link = Assert.Single(IpLinkParser.Parse(json).Links);
        Assert.Equal(LinkKind.Gre, link.Kind);
        Assert.Equal(new TunnelInfo("1.2.3.4", "10.0.0.5", 42, 64), link.Tunnel);
    }

    [Fact]
    public void Unset_values_are_null()
    {
        const string json = """
            [{"ifindex":9,"ifname":"tap1","flags":["UP"],"mtu":1462,"operstate":"UNKNOWN","link_type":"ether",
              "linkinfo":{"info_kind":"gretap","info_data":{"remote":"1.2.3.4","local":"any","ttl":0}}}]
            """;
        var link = Assert.Single(IpLinkParser.Parse(json).Links);
        Assert.Equal(new TunnelInfo("1.2.3.4", null, null, null), link.Tunnel);
    }

    [Fact]
    public void Reads_a_vxlan_as_the_kernel_prints_it()
    {
        // Captured from this kernel: ip link add vx0 type vxlan id 42 dstport 4789 local 10.0.0.1 remote 10.0.0.2
        const string unicast = """
            [{"ifindex":2,"ifname":"vx0","flags":["BROADCAST","MULTICAST"],"mtu":1500,"operstate":"DOWN","link_type":"ether","address":"26:d0:11:3d:6d:cd",
              "linkinfo":{"info_kind":"vxlan","info_data":{"id":42,"remote":"10.0.0.2","local":"10.0.0.1","port_range":{"low":0,"high":0},"port":4789,"learning":true,"ttl":0,"df":"unset","ageing":300,"udp_csum":true}}}]
            """;
        var link = Assert.Single(IpLinkParser.Parse(unicast).Links);
        Assert.Equal(LinkKind.Vxlan, link.Kind);
        Assert.Equal(new TunnelInfo("10.0.0.2", "10.0.0.1", 42, null) { DstPort = 4789, Learning = true }, link.Tunnel);

        // ... id 42 dstport 4789 group 239.1.1.1 dev v1 nolearning
        const string multicast = """
            [{"ifindex":4,"ifname":"vx0","flags":["BROADCAST","MULTICAST"],"mtu":1450,"operstate":"DOWN","link_type":"ether",
              "linkinfo":{"info_kind":"vxlan","info_data":{"id":42,"group":"239.1.1.1","link":"v1","port_range":{"low":0,"high":0},"port":4789,"learning":false,"ttl":0}}}]
            """;
        Assert.Equal(new TunnelInfo(null, null, 42, null) { Group = "239.1.1.1", DstPort = 4789, Learning = false, Underlay = "v1" },
            Assert.Single(IpLinkParser.Parse(multicast).Links).Tunnel);
    }
}
