using System.Collections.Immutable;
using System.Net;
using NetTui.Core.Firewall;
using NetTui.Core.Model;
using NetTui.Core.Trace;

namespace NetTui.UnitTests.Trace;

/// <summary>
/// The pure trace planner on a hand-made snapshot of the seed's host A (br0 with a container's
/// veth and OVS internal port obr0, gre0 to 10.10.0.2, br-phy underlay) and firewall facts
/// parsed from iptables-save text. The lab (TraceLabTests) runs the same causes for real.
/// </summary>
public class TracePlannerTests
{
    private const string Rules = """
        *filter
        :INPUT ACCEPT [0:0]
        :FORWARD DROP [0:0]
        :OUTPUT ACCEPT [0:0]
        :DOCKER-USER - [0:0]
        -A FORWARD -j DOCKER-USER
        -A FORWARD -o br0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
        -A FORWARD -i br0 -o br0 -j ACCEPT
        -A FORWARD -i br0 ! -o br0 -j ACCEPT
        -A DOCKER-USER -j RETURN
        COMMIT
        *nat
        :POSTROUTING ACCEPT [0:0]
        -A POSTROUTING -s 192.168.1.0/24 ! -o br0 -j MASQUERADE
        COMMIT
        """;

    private static HostSnapshot Snapshot(int containerMtu = 1462, bool greKey = false)
    {
        static OvsInterface Iface(string name, string type, params (string K, string V)[] o) =>
            new(name, "u-" + name, type, o.ToImmutableSortedDictionary(x => x.K, x => x.V), null, 1, "up", "up", ImmutableSortedDictionary<string, long>.Empty);
        static LinkAddress V4(string a, int len) => new(AddressFamily.Inet, a, len, "global");
        return new HostSnapshot("a", "ntl-a", DateTimeOffset.UnixEpoch,
            [
                new Link(2, "br-phy", LinkKind.OvsInternal, "UNKNOWN", true, 1500, null, null, null, null, [V4("10.10.0.1", 24)]),
                new Link(3, "br0", LinkKind.Bridge, "UP", true, 1462, null, null, null, null, [V4("192.168.1.1", 24)]),
                new Link(4, "obr0", LinkKind.OvsInternal, "UNKNOWN", true, 1500, null, "br0", 3, null, []),
                new Link(5, "vethA", LinkKind.Veth, "UP", true, containerMtu, null, "br0", 3, null, []),
            ],
            [new LinuxBridge("br0", 3, "8000.1", false, [new BridgePort("obr0", 4, "forwarding", 2, 32), new BridgePort("vethA", 5, "forwarding", 2, 32)])],
            [
                new Route(AddressFamily.Inet, "10.10.0.0/24", null, "br-phy", "kernel", "link", null, "main", "unicast"),
                new Route(AddressFamily.Inet, "192.168.1.0/24", null, "br0", "kernel", "link", null, "main", "unicast"),
                new Route(AddressFamily.Inet, "192.168.2.0/24", null, "br0", "boot", "link", null, "main", "unicast"),
            ],
            new OvsState("3.1.0", [new OvsBridge("obr0", "u-obr0", "netdev",
                [new OvsPort("obr0", "p1", null, [Iface("obr0", "internal")]), new OvsPort("gre0", "p2", null, [greKey ? Iface("gre0", "gre", ("key", "42"), ("remote_ip", "10.10.0.2")) : Iface("gre0", "gre", ("remote_ip", "10.10.0.2"))])])]),
            [new Container("c0ffee123456", "ct1", "running", "local/busybox", 42,
                [new ContainerNetwork("bridge", "192.168.1.2", 24, "192.168.1.1", "02:42:c0:a8:01:02", null) { NetworkId = "n1" }], [], "vethA", 5, "br0")],
            [])
        {
            DockerNetworks = [new DockerNetwork("n1", "bridge", "bridge", null, null) { Subnets = [new DockerSubnet("192.168.1.0/24", "192.168.1.1")] }],
        };
    }

    private static FirewallFacts Facts(string rules = Rules, bool ipForward = true) => new(
        [IptablesSaveParser.Parse(rules, FirewallBackend.IptablesNft)],
        new ForwardingSysctls(ipForward, ImmutableDictionary<string, bool>.Empty, true, true), []);

    private static TraceResult Plan(HostSnapshot? s = null, FirewallFacts? f = null, string to = "192.168.2.10", RouteLookup? host = null, int? mtu = null, RouteLookup? back = null, RouteLookup? inside = null)
    {
        s ??= Snapshot();
        var from = TraceSources.Resolve(s, "ct1").Get();
        var lookup = host ?? new RouteLookup("unicast", to, null, "br0", null);
        return TracePlanner.Plan(new TraceInputs(s, f ?? Facts(), from, IPAddress.Parse(to), "tcp", 5000, lookup,
            PlainLookup: lookup.Failed ? new RouteLookup("unicast", to, null, "br0", null) : null,
            ContainerLookup: inside ?? new RouteLookup("unicast", to, "192.168.1.1", "eth0", null), ContainerMtu: mtu, PeerReturn: back, PeerLabel: "b"));
    }

    private static TraceHop Hop(TraceResult t, string name) => t.Hops.Single(h => h.Name == name);

    [Fact]
    public void Nothing_broken_gives_every_hop_ok_through_the_gre_tunnel()
    {
        var t = Plan(back: new RouteLookup("unicast", "192.168.1.2", null, "br0", null));
        Assert.True(t.AllOk, string.Join("\n", t.Hops.Select(h => $"{h.Name} {h.Status} {h.Evidence}")));
        Assert.Equal(["container route", "veth", "bridge", "host route", "forwarding", "firewall", "nat", "egress", "peer route", "mtu"], t.Hops.Select(h => h.Name));
        Assert.Equal("FORWARD rule 3: FORWARD -i br0 -o br0 -j ACCEPT accepts tcp 192.168.1.2 -> 192.168.2.10:5000 (br0 -> br0)", Hop(t, "firewall").Evidence[22..]);
        Assert.Contains("GRE gre0 1462 (1500 underlay - 38)", Hop(t, "mtu").Evidence, StringComparison.Ordinal);
        Assert.StartsWith("none: ", Hop(t, "nat").Evidence, StringComparison.Ordinal);   // out its own bridge: routed, not masqueraded
    }

    [Fact]
    public void A_redirect_to_the_destination_itself_is_ok_but_another_gateway_is_not()
    {
        // br0 routes the peer's subnet back out of br0 (the GRE port is on the same bridge), so
        // the host sends the container an ICMP redirect: it then reaches 192.168.2.10 on-link.
        var redirected = Plan(inside: new RouteLookup("unicast", "192.168.2.10", "192.168.2.10", "eth0", null));
        Assert.Equal(HopStatus.Ok, Hop(redirected, "container route").Status);
        Assert.Contains("ICMP redirect", Hop(redirected, "container route").Evidence, StringComparison.Ordinal);
        var elsewhere = Plan(inside: new RouteLookup("unicast", "192.168.2.10", "192.168.1.77", "eth0", null));
        Assert.Equal(HopStatus.Broken, Hop(elsewhere, "container route").Status);
        Assert.Contains("not via the network's gateway 192.168.1.1", Hop(elsewhere, "container route").Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Forwarding_off_breaks_the_forwarding_hop_not_the_route()
    {
        var t = Plan(f: Facts(ipForward: false), host: RouteLookup.Refused("RTNETLINK answers: No route to host"));
        Assert.Equal("forwarding", t.FirstBroken!.Name);
        Assert.Equal(HopStatus.Ok, Hop(t, "host route").Status);
        Assert.Contains("sysctl -w net.ipv4.ip_forward=1", t.FirstBroken.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_drop_policy_without_an_accept_names_the_policy_and_a_docker_user_accept_fixes_it()
    {
        var t = Plan(f: Facts(Rules.Replace("-A FORWARD -i br0 -o br0 -j ACCEPT\n", "", StringComparison.Ordinal)));
        var hop = t.FirstBroken!;
        Assert.Equal("firewall", hop.Name);
        Assert.Contains("FORWARD policy drop drops tcp 192.168.1.2 -> 192.168.2.10:5000", hop.Evidence, StringComparison.Ordinal);
        Assert.Contains("iptables -I DOCKER-USER -i br0 -o br0 -j ACCEPT", hop.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Leaving_by_another_device_needs_the_masquerade_docker_made()
    {
        var underlay = new RouteLookup("unicast", "10.10.0.2", null, "br-phy", null);
        Assert.Contains("MASQUERADE", Hop(Plan(to: "10.10.0.2", host: underlay), "nat").Evidence, StringComparison.Ordinal);
        // Replies come back ESTABLISHED: Docker's conntrack accept lets them in; without it they are dropped.
        var noReplies = Plan(f: Facts(Rules.Replace("-A FORWARD -o br0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n", "", StringComparison.Ordinal)), to: "10.10.0.2", host: underlay);
        Assert.Contains("replies from 10.10.0.2 are dropped: FORWARD policy drop", noReplies.FirstBroken!.Evidence, StringComparison.Ordinal);
        var t = Plan(f: Facts(Rules.Replace("-A POSTROUTING -s 192.168.1.0/24 ! -o br0 -j MASQUERADE\n", "", StringComparison.Ordinal)), to: "10.10.0.2", host: underlay);
        Assert.Equal("nat", t.FirstBroken!.Name);
        Assert.Contains("iptables -t nat -A POSTROUTING -s 192.168.1.0/24 ! -o br0 -j MASQUERADE", t.FirstBroken.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void The_peer_without_a_route_back_and_a_1500_container_over_gre_are_named()
    {
        Assert.Equal("peer route", Plan(back: RouteLookup.Refused("RTNETLINK answers: Network is unreachable")).FirstBroken!.Name);
        var mtu = Plan(mtu: 1500).FirstBroken!;
        Assert.Equal("mtu", mtu.Name);
        Assert.StartsWith("container ct1 has mtu 1500 > path mtu 1462", mtu.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_keyed_gre_port_carries_four_bytes_less_as_the_wizard_counts_it()
    {
        // OVS GRE with a key: 20 outer IPv4 + 4 GRE + 4 key + 14 inner Ethernet = 42, so 1458 over 1500.
        var keyed = Plan(s: Snapshot(greKey: true));
        var mtu = keyed.FirstBroken!;
        Assert.Equal("mtu", mtu.Name);
        Assert.Contains("mtu 1462 > path mtu 1458", mtu.Evidence, StringComparison.Ordinal);
        Assert.Contains("GRE gre0 1458 (1500 underlay - 42)", mtu.Evidence, StringComparison.Ordinal);
        Assert.True(Plan(s: Snapshot(containerMtu: 1458, greKey: true)).Hops.Single(h => h.Name == "mtu").Status == HopStatus.Ok);
    }

    [Fact]
    public void A_docker_network_over_the_destination_is_an_overlap()
    {
        var s = Snapshot();
        s = s with { DockerNetworks = [.. s.DockerNetworks, new DockerNetwork("n2", "overlap", "bridge", "br-n2", null) { Subnets = [new DockerSubnet("192.168.2.0/24", "192.168.2.254")] }] };
        var t = Plan(s);
        Assert.Equal("overlap", t.FirstBroken!.Name);
        Assert.Contains("lies in docker network overlap (192.168.2.0/24 on br-n2)", t.FirstBroken.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void From_resolves_containers_and_addresses_behind_a_bridge()
    {
        var s = Snapshot();
        Assert.Equal(("br0", "192.168.1.2"), (TraceSources.Resolve(s, "ct1").Get().Ingress, TraceSources.Resolve(s, "ct1").Get().Address.ToString()));
        Assert.Equal("br0", TraceSources.Resolve(s, "192.168.1.10").Get().Ingress);
        Assert.Null(TraceSources.Resolve(s, "10.10.0.1").Get().Ingress);   // the host's own address
        Assert.False(TraceSources.Resolve(s, "172.16.0.1").Ok);
        Assert.False(TraceSources.Resolve(s, "nosuch").Ok);
    }
}
