using NetTui.Core.Model;
using NetTui.Host.Inventory.IpRoute2;
using NetTui.Host.Inventory.Netlink;
using NetTui.Lab;

namespace NetTui.LabTests;

/// <summary>
/// The inventory reads routes from the kernel's netlink dump instead of `ip -j route`
/// (the benchmark's 200,000 routes). Both must give the same records, field for field and
/// in the same order, over the kinds of routes a host has: gateways, metrics, numbered and
/// named tables, blackhole/unreachable, preferred sources, multipath, IPv6.
/// </summary>
public sealed class NetlinkRoutesParityTests
{
    [Fact]
    public async Task Netlink_routes_equal_ip_json_routes()
    {
        await using var host = await LabHost.CreateAsync();
        foreach (var line in new[]
        {
            "link add nl0 type veth peer name nl1", "link set nl0 up", "link set nl1 up",
            "addr add 192.0.2.1/24 dev nl0", "addr add 2001:db8::1/64 dev nl0",
            "route add 198.51.100.0/24 via 192.0.2.254 dev nl0 metric 50",
            "route add 198.51.101.7 dev nl0 table 100 proto static scope link",
            "route add blackhole 203.0.113.0/24 table 200",
            "route add unreachable 203.0.113.128/25",
            "route add 10.9.0.0/16 dev nl0 src 192.0.2.1 proto 77",
            "route add 10.10.0.0/16 nexthop via 192.0.2.2 dev nl0 weight 3 nexthop via 192.0.2.3 dev nl0",
            "route add 10.11.0.0/16 via 10.99.0.1 dev nl0 onlink",
            "route add 10.12.0.0/16 via 192.0.2.2 dev nl0 mtu 1400 advmss 1360",
            "nexthop add id 10 via 192.0.2.2 dev nl0", "nexthop add id 11 via 192.0.2.3 dev nl0", "nexthop add id 12 group 10,2/11",
            "route add 10.13.0.0/16 nhid 12",
            "route add 10.14.0.0/16 via inet6 2001:db8::fe dev nl0",
            "-6 route add 2001:db8:3::/64 nexthop via 2001:db8::fe dev nl0 weight 2 nexthop via 2001:db8::fd dev nl0",
            "route add default via 192.0.2.254 dev nl0 table 300",
            "-6 route add 2001:db8:1::/48 via 2001:db8::fe dev nl0 metric 300",
            "-6 route add 2001:db8:2::5 dev nl0 table 100",
        })
            await host.CheckedAsync(["ip", .. line.Split(' ')]);

        // IPv6 link-local addresses and their routes arrive a moment after the links come up:
        // compare two reads taken while nothing changes (retry if something did in between).
        await host.WaitUntilSettledAsync();
        List<Route> fromIp = [];
        IReadOnlyList<Route> fromNetlink = [];
        for (int attempt = 0; attempt < 5; attempt++)
        {
            fromIp = [];
            foreach (var (flag, family) in new[] { ("-4", AddressFamily.Inet), ("-6", AddressFamily.Inet6) })
            {
                var json = (await host.CheckedAsync("ip", "-j", flag, "route", "show", "table", "all")).StandardOutput;
                fromIp.AddRange(IpRouteParser.Parse(json, family));
            }
            fromNetlink = NetlinkRouteReader.Read(host.NetnsPath);
            if (fromIp.Select(Text).SequenceEqual(fromNetlink.Select(Text))) break;
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }

        Assert.Contains(fromNetlink, r => r.Destination == "10.10.0.0/16" && r.Gateway == "192.0.2.2");
        Assert.Contains(fromNetlink, r => r.Table == "300" && r.Destination == "default");
        Assert.Contains(fromNetlink, r => r.Destination == "10.13.0.0/16" && r.Details?.NexthopId == 12 && r.Details.Hops.Length == 2);
        Assert.Contains(fromNetlink, r => r.Destination == "10.11.0.0/16" && r.OnLink);
        Assert.Equal(fromIp.Select(Text), fromNetlink.Select(Text));
    }

    // Expires is left out: it counts down between the two reads.
    private static string Text(Route r) =>
        $"{r.Family} {r.Destination} gw={r.Gateway} dev={r.Device} proto={r.Protocol} scope={r.Scope} metric={r.Metric} table={r.Table} type={r.Type} src={r.PreferredSource}"
        + $" onlink={r.OnLink} nhid={r.Details?.NexthopId} mtu={r.Details?.Mtu} advmss={r.Details?.AdvMss}"
        + $" hops={string.Join(",", (r.Details?.Hops ?? []).Select(h => $"{h.Gateway}/{h.Device}/{h.Weight}/{h.OnLink}"))}";
}
