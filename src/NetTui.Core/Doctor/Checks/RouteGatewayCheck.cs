using System.Net;
using NetTui.Core.Doctor.Facts;
using NetTui.Core.Model;

namespace NetTui.Core.Doctor.Checks;

/// <summary>
/// A route "via" a gateway the host cannot reach directly: no address of the route's
/// device is in the gateway's subnet, or the device is down. The kernel refuses such a
/// route unless it was added with `onlink` (such routes, and IPv4 routes via an IPv6
/// gateway, are only checked for a down device), or the address it relied on was changed; and
/// the packets then go nowhere, as in the seed's `ip route add 192.168.2.0/24 via ...`
/// with a mistyped gateway.
/// </summary>
public static class RouteGatewayCheck
{
    public static IEnumerable<Finding> Run(DoctorFacts facts)
    {
        var s = facts.Snapshot;
        foreach (var r in s.Routes)
        {
            if (r.Family != AddressFamily.Inet || r.Gateway is null || r.Device is null) continue;
            if (r.Table is not ("main" or "254") || r.Type is not ("unicast" or "")) continue;
            if (!IPAddress.TryParse(r.Gateway, out var gw)) continue;
            var link = s.FindLink(r.Device);
            if (link is null) continue;
            string? why = null;
            if (!link.AdminUp) why = $"{r.Device} is down";
            // `onlink` tells the kernel the gateway is on the device whatever its addresses, and an
            // IPv4 route via an IPv6 gateway (`via inet6`, RFC 5549) reaches it by IPv6 neighbour
            // discovery on the device: no IPv4 subnet is needed for either.
            else if (r.OnLink || gw.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6) continue;
            else if (!link.Addresses.Any(a => a.Family == AddressFamily.Inet && Subnets.TryParse(a.Cidr, out var p) && p.PrefixLength < 32 && p.Contains(gw)))
                why = $"no address on {r.Device} is in the same subnet as {r.Gateway} ({Addresses(link)})";
            if (why is null) continue;
            yield return new Finding(FindingIds.RouteGatewayUnreachable, Severity.Warning,
                $"route to {r.Destination} goes via {r.Gateway}, which is not reachable on {r.Device}",
                [$"{r.Destination} via {r.Gateway} dev {r.Device}", why], null, $"{r.Destination}");
        }
    }

    private static string Addresses(Link link)
    {
        var v4 = link.Addresses.Where(a => a.Family == AddressFamily.Inet).Select(a => a.Cidr).ToList();
        return v4.Count == 0 ? "it has no IPv4 address" : "it has " + string.Join(", ", v4);
    }
}
