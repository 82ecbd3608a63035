using NetTui.Core.Model;
using NetTui.Host.Inventory.IpRoute2;
using NetTui.Presentation;

namespace NetTui.UnitTests.Inventory;

/// <summary>
/// Per-kind link details (issue 22). link-kinds.json, addr-flags.json and fdb-vxlan.json were
/// captured on this kernel (vxlan, macvlan, macvtap, tun/tap, ifb, veth alias/altname, address
/// flags); link-absent-kinds.json is written in iproute2 6.1's shape for the kinds this kernel
/// cannot make (bond and its ports, vlan 802.1Q/802.1ad, vrf, dummy, gre, gretap, ip6gre,
/// geneve, wireguard, ipvlan).
/// </summary>
public sealed class LinkDetailsTests
{
    private static IReadOnlyList<Link> Live => IpLinkParser.Parse(Fixtures.Read("iproute2/link-kinds.json")).Links;
    private static IReadOnlyList<Link> Absent => IpLinkParser.Parse(Fixtures.Read("iproute2/link-absent-kinds.json")).Links;
    private static Link Get(IReadOnlyList<Link> links, string name) => links.Single(l => l.Name == name);

    [Fact]
    public void Vxlan_unicast_multicast_and_external()
    {
        Assert.Equal(new VxlanInfo(42, "192.0.2.9", null, "192.0.2.1", 4789, "a0", Learning: false, External: false), Get(Live, "vx0").Details!.Vxlan);
        Assert.Equal(new VxlanInfo(43, null, "239.1.1.1", null, 4790, "a0", Learning: true, External: false), Get(Live, "vx1").Details!.Vxlan);
        Assert.True(Get(Live, "vx2").Details!.Vxlan!.External);
        Assert.Equal("a0", Get(Live, "vx0").Parent);
        Assert.Equal("vni 42 remote 192.0.2.9 local 192.0.2.1 dstport 4789 dev a0 nolearning", LinkDetailText.KindParameters(Get(Live, "vx0")));
        Assert.StartsWith("external ", LinkDetailText.KindParameters(Get(Live, "vx2")), StringComparison.Ordinal);
    }

    [Fact]
    public void Vxlan_fdb_remote_entries()
    {
        var fdb = VxlanFdbParser.Parse(Fixtures.Read("iproute2/fdb-vxlan.json"));
        Assert.Equal(3, fdb.Length);
        Assert.Contains(new VxlanFdbEntry("02:00:00:00:00:05", "192.0.2.11", null, null, "permanent"), fdb);
        Assert.Contains(new VxlanFdbEntry("00:00:00:00:00:00", "192.0.2.9", null, "a0", "permanent"), fdb);
        var links = VxlanFdbParser.Attach([.. Live], new Dictionary<string, System.Collections.Immutable.ImmutableArray<VxlanFdbEntry>> { ["vx0"] = fdb });
        Assert.Equal(3, links.Single(l => l.Name == "vx0").Details!.Vxlan!.Fdb.Length);
        Assert.EndsWith("fdb 3 remotes", LinkDetailText.KindParameters(links.Single(l => l.Name == "vx0")), StringComparison.Ordinal);
    }

    [Fact]
    public void Macvtap_is_macvtap_and_both_show_parent_and_mode()
    {
        var mv = Get(Live, "mv0");
        var mt = Get(Live, "mt0");
        Assert.Equal((LinkKind.Macvlan, "a0", "bridge"), (mv.Kind, mv.Parent, mv.Details!.Macvlan!.Mode));
        Assert.Equal((LinkKind.Macvtap, "a0", "vepa"), (mt.Kind, mt.Parent, mt.Details!.Macvlan!.Mode));
        Assert.Equal("macvtap", LinkText.Kind(mt));
    }

    [Fact]
    public void Tun_tap_ifb_alias_and_altnames()
    {
        Assert.Equal(new TunInfo(MultiQueue: true, Persist: true, null), Get(Live, "tun9").Details!.Tun);
        Assert.Equal(LinkKind.Tap, Get(Live, "tap9").Kind);
        Assert.Equal(LinkKind.Ifb, Get(Live, "ifb0").Kind);
        var a0 = Get(Live, "a0");
        Assert.Equal("uplink to lab", a0.Alias);
        Assert.Equal(new[] { "uplink0" }, a0.AltNames);
        Assert.Null(a0.Parent); // a veth's "link" is its peer, not a parent
        Assert.Equal("alias \"uplink to lab\"; altname uplink0", LinkDetailText.Summary(a0));
    }

    [Fact]
    public void Address_flags_and_lifetimes()
    {
        var a = IpAddrParser.Parse(Fixtures.Read("iproute2/addr-flags.json")).Single().Value;
        Assert.True(a.Single(x => x.Address == "192.0.2.5").Secondary);
        Assert.Equal("a0:sec", a.Single(x => x.Address == "192.0.2.5").Label);
        Assert.Null(a.Single(x => x.Address == "192.0.2.1").Label);
        Assert.Equal("10.77.0.2", a.Single(x => x.Address == "10.77.0.1").Peer);
        Assert.True(a.Single(x => x.Address == "198.51.100.1").NoPrefixRoute);
        var dep = a.Single(x => x.Address == "2001:db8:9::1");
        Assert.True(dep.Deprecated);
        Assert.Equal((0u, true), (dep.PreferredLifetime!.Value, dep.ValidLifetime is > 0 and <= 600));
        Assert.Null(a.Single(x => x.Address == "2001:db8::1").ValidLifetime); // forever
    }

    [Fact]
    public void Bond_with_ports_vlan_and_qinq()
    {
        var bond = Get(Absent, "bond0");
        Assert.Equal(new BondInfo("802.3ad", 100, "fast", "layer3+4"), bond.Details!.Bond);
        Assert.Equal("802.3ad miimon 100 lacp_rate fast xmit_hash_policy layer3+4", LinkDetailText.KindParameters(bond));
        Assert.Equal(new BondPortInfo("ACTIVE", "UP"), Get(Absent, "eth0").Details!.BondPort);
        Assert.Equal(new BondPortInfo("BACKUP", "UP"), Get(Absent, "eth1").Details!.BondPort);
        Assert.Equal(new[] { "eth0", "eth1" }, Absent.Where(l => l.Master == "bond0").Select(l => l.Name));
        var vlan = Get(Absent, "bond0.100");
        Assert.Equal((LinkKind.Vlan, "bond0", new VlanInfo(100, "802.1Q")), (vlan.Kind, vlan.Parent, vlan.Details!.Vlan));
        Assert.Equal("100", LinkDetailText.Vlan(vlan));
        Assert.Equal(new VlanInfo(200, "802.1ad"), Get(Absent, "qinq.200").Details!.Vlan);
    }

    [Fact]
    public void Vrf_dummy_tunnels_geneve_wireguard_ipvlan()
    {
        Assert.Equal(new VrfInfo(10), Get(Absent, "vrf-blue").Details!.Vrf);
        Assert.Equal((LinkKind.Dummy, "vrf-blue"), (Get(Absent, "dummy0").Kind, Get(Absent, "dummy0").Master));
        var gre = Get(Absent, "gre1");
        Assert.Equal((LinkKind.Gre, new TunnelInfo("10.0.0.2", "10.0.0.1", 42, 64), (string?)null), (gre.Kind, gre.Tunnel, gre.Parent));
        Assert.Equal(new TunnelInfo("10.0.0.3", null, null, null), Get(Absent, "gretap1").Tunnel);
        Assert.Equal(("ip6gre", "2001:db8::2"), (Get(Absent, "ip6gre1").KindName, Get(Absent, "ip6gre1").Tunnel!.Remote));
        Assert.Equal(new GeneveInfo(100, "10.0.0.4", 6081), Get(Absent, "gnv0").Details!.Geneve);
        Assert.Equal(LinkKind.Wireguard, Get(Absent, "wg0").Kind);
        Assert.Equal((LinkKind.Ipvlan, "eth2", "l3"), (Get(Absent, "ipvl0").Kind, Get(Absent, "ipvl0").Parent, Get(Absent, "ipvl0").Details!.Macvlan!.Mode));
    }

    [Fact]
    public void An_unknown_kind_says_so()
    {
        var l = Assert.Single(IpLinkParser.Parse("""[{"ifindex":9,"ifname":"x0","flags":["UP"],"mtu":1500,"operstate":"UP","link_type":"ether","linkinfo":{"info_kind":"batadv"}}]""").Links);
        Assert.Equal("unknown kind batadv", LinkText.Kind(l));
        Assert.Equal("unknown kind batadv", LinkDetailText.Summary(l));
    }

    [Fact]
    public void Link_details_are_in_the_snapshot_json_and_read_back()
    {
        var s = HostSnapshot.Empty("h", null) with { Links = [.. Absent] };
        var json = SnapshotJson.Serialize(s);
        Assert.Contains("\"lacpRate\": \"fast\"", json, StringComparison.Ordinal);
        var back = SnapshotJson.Deserialize<HostSnapshot>(json)!;
        Assert.Equal(new VlanInfo(100, "802.1Q"), back.FindLink("bond0.100")!.Details!.Vlan);
        Assert.Equal("bond0", back.FindLink("bond0.100")!.Parent);
    }
}
