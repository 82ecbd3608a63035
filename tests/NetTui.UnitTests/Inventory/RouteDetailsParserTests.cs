using NetTui.Core.Model;
using NetTui.Host.Inventory.IpRoute2;

namespace NetTui.UnitTests.Inventory;

/// <summary>
/// Multipath hops with weights, onlink, nexthop ids, route metrics (mtu, advmss) and expiry,
/// from `ip -j route` captured on this kernel (iproute2 6.1): route4-multipath.json,
/// route6-multipath.json (see Fixtures/README.md for the commands that built them).
/// </summary>
public sealed class RouteDetailsParserTests
{
    private static IReadOnlyList<Route> V4 => IpRouteParser.Parse(Fixtures.Read("iproute2/route4-multipath.json"), AddressFamily.Inet);
    private static IReadOnlyList<Route> V6 => IpRouteParser.Parse(Fixtures.Read("iproute2/route6-multipath.json"), AddressFamily.Inet6);

    [Fact]
    public void Every_hop_of_an_ipv4_multipath_route_with_its_weight()
    {
        var r = V4.Single(r => r.Destination == "10.3.0.0/16");
        Assert.Equal("192.0.2.2", r.Gateway);
        Assert.Equal("a0", r.Device);
        Assert.Equal(new[] { new RouteHop("192.0.2.2", "a0", 3), new RouteHop("192.0.2.3", "a0", 1) }, r.Details!.Hops);
    }

    [Fact]
    public void A_route_through_a_nexthop_group_keeps_its_id_and_hops()
    {
        var r = V4.Single(r => r.Destination == "10.5.0.0/16");
        Assert.Equal(12, r.Details!.NexthopId);
        Assert.Equal(new[] { 2, 1 }, r.Details.Hops.Select(h => h.Weight));
    }

    [Fact]
    public void Onlink_mtu_advmss_and_via_inet6()
    {
        Assert.True(V4.Single(r => r.Destination == "10.2.0.0/16").OnLink);
        var metrics = V4.Single(r => r.Destination == "10.1.0.0/16");
        Assert.Equal((1400, 1360), (metrics.Details!.Mtu, metrics.Details.AdvMss));
        Assert.False(metrics.OnLink);
        var viaInet6 = V4.Single(r => r.Destination == "10.4.0.0/16");
        Assert.Equal("2001:db8::2", viaInet6.Gateway);
        Assert.Null(viaInet6.Details);
        Assert.Null(V4.Single(r => r.Destination == "192.0.2.0/24").Details);
    }

    [Fact]
    public void Ipv6_multipath_and_expires()
    {
        var mp = V6.Single(r => r.Destination == "2001:db8:6::/64");
        Assert.Equal(new[] { new RouteHop("2001:db8::2", "a0", 2), new RouteHop("2001:db8::3", "a0", 1) }, mp.Details!.Hops);
        Assert.Equal(297, V6.Single(r => r.Destination == "2001:db8:5::/64").Details!.Expires);
    }

    [Fact]
    public void Details_are_in_the_snapshot_json_and_read_back()
    {
        var snap = HostSnapshot.Empty("h", null) with { Routes = [.. V4] };
        var json = SnapshotJson.Serialize(snap);
        Assert.Contains("\"hops\": [", json, StringComparison.Ordinal);
        Assert.Contains("\"weight\": 3", json, StringComparison.Ordinal);
        Assert.Contains("\"onLink\": true", json, StringComparison.Ordinal);
        Assert.Contains("\"nexthopId\": 12", json, StringComparison.Ordinal);
        using var fast = new MemoryStream();
        SnapshotJson.Write(fast, snap);
        Assert.Equal(json, System.Text.Encoding.UTF8.GetString(fast.ToArray()));
        var back = SnapshotJson.Deserialize<HostSnapshot>(json)!;
        Assert.Equal(V4.Single(r => r.Destination == "10.3.0.0/16").Details!.Hops, back.Routes.Single(r => r.Destination == "10.3.0.0/16").Details!.Hops);
    }
}
