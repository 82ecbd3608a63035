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
}
