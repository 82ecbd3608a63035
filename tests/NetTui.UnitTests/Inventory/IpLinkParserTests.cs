using NetTui.Core.Model;
using NetTui.Host.Inventory.IpRoute2;

namespace NetTui.UnitTests.Inventory;

public class IpLinkParserTests
{
    private static IpLinkData Parse() =>
        IpLinkParser.Parse(Fixtures.Read("iproute2/link.json"), NetnsIdParser.Parse(Fixtures.Read("iproute2/netns-list-id.json")));

    private static Link L(string name) => Parse().Links.Single(l => l.Name == name);

    [Fact]
    public void Reads_every_link_with_index_mtu_mac_and_state()
    {
        var data = Parse();
        Assert.Equal(19, data.Links.Length);
        var br0 = L("br0");
        Assert.Equal(2, br0.Index);
        Assert.Equal(LinkKind.Bridge, br0.Kind);
        Assert.Equal(1500, br0.Mtu);
        Assert.Equal("06:6d:59:7c:eb:8d", br0.Mac);
        Assert.True(br0.AdminUp);
        Assert.Equal("DOWN", br0.OperState);
        Assert.False(L("vx0").AdminUp);
        Assert.Equal(LinkKind.Loopback, L("lo").Kind);
    }

    [Theory]
    [InlineData("vx0", LinkKind.Vxlan)]
    [InlineData("tap7", LinkKind.Tap)]
    [InlineData("tun7", LinkKind.Tun)]
    [InlineData("vp3", LinkKind.Veth)]
    [InlineData("weave", LinkKind.Bridge)]
    [InlineData("obr0", LinkKind.Tap)] // an OVS netdev internal port is a tap to the kernel
    public void Maps_kinds_from_linkinfo(string name, LinkKind kind) => Assert.Equal(kind, L(name).Kind);

    [Fact]
    public void Veth_peer_in_another_namespace_has_index_nsid_and_name()
    {
        var vp1 = L("vp1");
        Assert.Equal(new VethPeer(3, 0, "ntl-cap-a1b2-c"), vp1.Peer);
        Assert.Equal("br0", vp1.Master);
        Assert.Equal(2, vp1.MasterIndex);
    }

    [Fact]
    public void Veth_peer_in_a_namespace_without_a_name_keeps_the_nsid()
    {
        Assert.Equal(new VethPeer(19, 1, null), L("vethbd285fb").Peer);
    }

    [Fact]
    public void Veth_peer_in_the_same_namespace_is_found_by_name()
    {
        Assert.Equal(new VethPeer(5, null, null), L("vp2").Peer);
        Assert.Equal(new VethPeer(6, null, null), L("vc2").Peer);
        Assert.Null(L("br0").Peer);
    }

    [Fact]
    public void Bridges_have_brctl_style_id_and_stp()
    {
        var bridges = Parse().Bridges;
        Assert.Equal(new BridgeDetails("br0", 2, "8000.066d597ceb8d", true), bridges.Single(b => b.Name == "br0"));
        Assert.Equal(new BridgeDetails("weave", 12, "8000.7e6ffbf97eae", false), bridges.Single(b => b.Name == "weave"));
    }

    [Fact]
    public void Empty_output_is_no_links() => Assert.Empty(IpLinkParser.Parse("").Links);

    [Theory]
    [InlineData("8000.6:6d:59:7c:eb:8d", "8000.066d597ceb8d")]
    [InlineData("8000.7e:6f:fb:f9:7e:ae", "8000.7e6ffbf97eae")]
    [InlineData("8000.066d597ceb8d", "8000.066d597ceb8d")]
    [InlineData(null, "")]
    public void Bridge_id_is_normalised(string? ip, string expected) => Assert.Equal(expected, BridgeIdFormat.Normalize(ip));
}
