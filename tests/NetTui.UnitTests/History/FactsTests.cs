using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.History.Facts;

namespace NetTui.UnitTests.History;

public class FactsTests
{
    private static Link Link(string name, int mtu = 1500, bool up = true, string? master = null, params string[] cidrs) => new(
        3, name, LinkKind.Bridge, up ? "UP" : "DOWN", up, mtu, "02:00:00:00:00:01", master, master is null ? null : 9, null,
        [.. cidrs.Select(c => new LinkAddress(c.Contains(':') ? AddressFamily.Inet6 : AddressFamily.Inet, c.Split('/')[0], int.Parse(c.Split('/')[1]),
            c.StartsWith("fe80", StringComparison.Ordinal) ? "link" : "global"))]);

    private static HostSnapshot Snapshot(ImmutableArray<Link> links, ImmutableArray<Route> routes = default, OvsState? ovs = null) =>
        HostSnapshot.Empty("host", "lab") with
        {
            Links = links,
            Bridges = [new LinuxBridge("br0", 3, "8000.020000000001", false, [])],
            Routes = routes.IsDefault ? [] : routes,
            Ovs = ovs,
        };

    private static readonly OvsState Ovs = new("3.3", [
        new OvsBridge("obr0", "u1", "system", [
            new OvsPort("gre0", "u2", null, [
                new OvsInterface("gre0", "u3", "gre",
                    ImmutableSortedDictionary.CreateRange(new Dictionary<string, string> { ["remote_ip"] = "10.0.0.2", ["key"] = "5" }),
                    null, 2, "up", "up", ImmutableSortedDictionary<string, long>.Empty)])])]);

    private static Route Route(string dest, string? via, string dev, int? metric = null) =>
        new(AddressFamily.Inet, dest, via, dev, "static", "universe", metric, "main", "unicast");

    [Fact]
    public void Link_facts_are_the_admin_set_properties_with_addresses_sorted()
    {
        var snap = Snapshot([Link("br0", 1400, true, null, "192.168.100.1/24", "10.0.0.1/8", "fe80::1/64")]);

        var facts = SnapshotFacts.Extract(snap, [FactObject.Link("br0"), FactObject.LinuxBridge("br0")]);

        Assert.Equal(FactSet.Of(
            ("link/br0/exists", "true"), ("link/br0/kind", "bridge"), ("link/br0/mtu", "1400"), ("link/br0/admin", "up"),
            ("link/br0/master", "none"), ("link/br0/addresses", "10.0.0.1/8,192.168.100.1/24"),
            ("bridge/br0/exists", "true"), ("bridge/br0/stp", "off")), facts);
    }

    [Fact]
    public void A_missing_object_is_recorded_as_not_existing()
    {
        var facts = SnapshotFacts.Extract(Snapshot([]), [FactObject.Link("br9"), FactObject.OvsPort("gre9"), FactObject.Route("10.9.0.0/16")]);

        Assert.Equal("false", facts["link/br9/exists"]);
        Assert.False(facts.ContainsKey("link/br9/mtu"));
        // OVS unreadable: no facts at all rather than a false "absent".
        Assert.False(facts.ContainsKey("ovs-port/gre9/exists"));
        Assert.Equal("absent", facts["route/inet/main/10.9.0.0/16"]);
    }

    [Fact]
    public void Route_and_ovs_facts_describe_what_the_operations_set()
    {
        var snap = Snapshot([], [Route("192.168.2.0/24", "192.168.42.131", "ens33"), Route("192.168.3.0/24", null, "br0", 100)], Ovs);

        var facts = SnapshotFacts.Extract(snap, [
            FactObject.Route("192.168.2.0/24"), FactObject.Route("192.168.3.0/24"),
            FactObject.OvsBridge("obr0"), FactObject.OvsPort("gre0"), FactObject.OvsInterface("gre0")]);

        Assert.Equal("via 192.168.42.131 dev ens33", facts["route/inet/main/192.168.2.0/24"]);
        Assert.Equal("dev br0 metric 100", facts["route/inet/main/192.168.3.0/24"]);
        Assert.Equal("system", facts["ovs-bridge/obr0/datapath"]);
        Assert.Equal("obr0", facts["ovs-port/gre0/bridge"]);
        Assert.Equal("gre", facts["ovs-interface/gre0/type"]);
        Assert.Equal("key=5,remote_ip=10.0.0.2", facts["ovs-interface/gre0/options"]);
    }

    [Fact]
    public void Drift_reports_exactly_what_changed_by_hand()
    {
        var after = Snapshot([Link("br0", 1500, true, null, "192.168.100.1/24")], [Route("192.168.2.0/24", "192.168.42.131", "ens33")], Ovs);
        var expected = SnapshotFacts.Extract(after, [FactObject.Link("br0"), FactObject.Route("192.168.2.0/24"), FactObject.OvsInterface("gre0")]);

        // Someone set the MTU, deleted the route and re-pointed the tunnel; the kernel also added an IPv6 link-local address.
        var now = Snapshot([Link("br0", 9000, true, null, "192.168.100.1/24", "fe80::1/64")], [],
            Ovs with { Bridges = [Ovs.Bridges[0] with { Ports = [Ovs.Bridges[0].Ports[0] with { Interfaces = [
                Ovs.Bridges[0].Ports[0].Interfaces[0] with { Options = ImmutableSortedDictionary.CreateRange(
                    new Dictionary<string, string> { ["remote_ip"] = "10.0.0.3", ["key"] = "5" }) }] }] }] });

        var drift = SnapshotFacts.Drift(expected, now);

        Assert.Equal([
            new FactDifference("link/br0/mtu", "1500", "9000"),
            new FactDifference("ovs-interface/gre0/options", "key=5,remote_ip=10.0.0.2", "key=5,remote_ip=10.0.0.3"),
            new FactDifference("route/inet/main/192.168.2.0/24", "via 192.168.42.131 dev ens33", "absent"),
        ], drift);
        Assert.Empty(SnapshotFacts.Drift(expected, after));
    }

    [Fact]
    public void A_deleted_object_shows_its_facts_as_absent()
    {
        var expected = FactSet.Of(("link/br0/exists", "true"), ("link/br0/mtu", "1500"));

        var drift = FactDrift.Compare(expected, SnapshotFacts.ExtractLike(Snapshot([]), expected.Keys));

        Assert.Equal([new FactDifference("link/br0/exists", "true", "false"), new FactDifference("link/br0/mtu", "1500", null)], drift);
        Assert.Equal("link/br0/mtu: expected 1500, now (absent)", drift[1].ToString());
    }

    [Fact]
    public void Facts_only_in_the_current_host_are_not_drift() =>
        Assert.Empty(FactDrift.Compare(FactSet.Of(("link/br0/mtu", "1500")), FactSet.Of(("link/br0/mtu", "1500"), ("link/eth0/mtu", "9000"))));

    [Fact]
    public void Fact_sets_round_trip_through_json_and_compare_by_content()
    {
        var facts = FactSet.Of(("route/inet/main/10.0.0.0/8", "dev br0"), ("link/br0/mtu", "1500"));

        Assert.Equal(facts, FactSet.FromJson(facts.ToJson()));
        Assert.Equal(FactSet.Empty, FactSet.FromJson(null));
        Assert.NotEqual(facts, facts.With("link/br0/mtu", "9000"));
    }

    [Theory]
    [InlineData("link/br0/mtu", FactObjectKind.Link, "br0")]
    [InlineData("ovs-interface/gre0/options", FactObjectKind.OvsInterface, "gre0")]
    [InlineData("route/inet/main/192.168.2.0/24", FactObjectKind.Route, "inet/main/192.168.2.0/24")]
    public void The_object_of_a_fact_is_recovered_from_its_key(string key, FactObjectKind kind, string name) =>
        Assert.Equal(new FactObject(kind, name), FactObject.FromKey(key));
}
