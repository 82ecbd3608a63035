using System.Net;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Trace;

/// <summary>Pure: the main table's longest-prefix match for an IPv4 address in a snapshot (what the trace compares `ip route get` with).</summary>
public static class SnapshotRoutes
{
    public static Route? Lookup(HostSnapshot s, IPAddress to) =>
        s.Routes.Where(r => r.Family == AddressFamily.Inet && r.Table == "main" && r.Type is "unicast" or "blackhole" or "unreachable" or "prohibit")
            .Select(r => (Route: r, Prefix: PrefixOf(r.Destination)))
            .Where(x => x.Prefix is not null && x.Prefix.Contains(to))
            .OrderByDescending(x => x.Prefix!.PrefixLength).ThenBy(x => x.Route.Metric ?? 0)
            .Select(x => x.Route).FirstOrDefault();

    public static IpPrefix? PrefixOf(string destination) =>
        destination == "default" ? IpPrefix.Of(IPAddress.Any, 0)
        : IpPrefix.Parse(destination.Contains('/') ? destination : destination + "/32") is { Ok: true } p ? p.Get() : null;
}
