using NetTui.Core.Commands;
using NetTui.Core.Doctor.Facts;
using NetTui.Core.Operations;

namespace NetTui.Core.Doctor.Checks;

/// <summary>
/// The route to the peer's container subnet, as the wizard's plan made it (dev br0, or dev
/// gre1), is gone: replies from this host's containers to the peer's go out the default
/// route instead. Only when a plan names the peer (`nettui doctor --plan`); otherwise the
/// Doctor cannot know which subnet belongs to the peer and says nothing.
/// </summary>
public static class PeerRouteCheck
{
    public static IEnumerable<Finding> Run(DoctorFacts facts)
    {
        var host = facts.Snapshot;
        if (host.Routes.IsEmpty) yield break; // routes not read: say nothing rather than guess
        foreach (var peer in facts.PeerSubnets)
        {
            var want = HostQueries.ParseDestination(peer.Subnet);
            if (want is null) continue;
            var routes = host.Routes.Where(r => HostQueries.IsMainTable(r.Table) && HostQueries.ParseDestination(r.Destination) is { } d && d.SameAs(want)).ToList();
            if (routes.Any(r => r.Device == peer.Device)) continue;
            List<string> evidence = [$"{peer.Source}: route {peer.Subnet} dev {peer.Device}"];
            evidence.Add(routes.Count == 0
                ? $"ip route: no route to {peer.Subnet} (it goes {Fallback(host)} instead)"
                : $"ip route: {peer.Subnet} {string.Join(", ", routes.Select(r => r.Gateway is null ? $"dev {r.Device}" : $"via {r.Gateway} dev {r.Device}"))}");
            FixPlan? fix = null;
            if (routes.Count > 0)
                evidence.Add($"not fixed automatically: another route to {peer.Subnet} is in its place; delete it first if it is wrong");
            else if (host.FindLink(peer.Device) is not { AdminUp: true })
                evidence.Add($"not fixed automatically: {peer.Device} {(host.FindLink(peer.Device) is null ? "does not exist" : "is down")}; apply the wizard's plan again");
            else
                fix = new FixPlan($"route {peer.Subnet} through {peer.Device} again",
                    [new($"add the route to the peer's containers", Ip("route", "add", peer.Subnet, "dev", peer.Device), Ip("route", "del", peer.Subnet, "dev", peer.Device))],
                    Undoable: true);
            yield return new Finding(FindingIds.PeerRouteMissing, Severity.Error,
                $"no route to the peer's containers ({peer.Subnet}) through {peer.Device}", [.. evidence], fix, peer.Subnet);
        }
    }

    private static string Fallback(Model.HostSnapshot host) =>
        host.Routes.FirstOrDefault(r => r.Destination == "default" && r.Family == Model.AddressFamily.Inet && HostQueries.IsMainTable(r.Table)) is { } d
            ? $"by the default route (dev {d.Device})" : "nowhere (no default route)";

    internal static CommandSpec Ip(params string[] args) => new("ip", [.. args], CommandSpec.DefaultTimeout);
}
