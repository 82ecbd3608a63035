using System.Globalization;
using System.Net;
using NetTui.Core.Doctor.Facts;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Values;

namespace NetTui.Core.Doctor.Checks;

/// <summary>
/// A container subnet (a bridge containers sit on, or the peer's subnet a plan names) that a
/// route through another device overlaps: a LAN's or VPN's route. A route as specific or more
/// takes the containers' traffic away from the bridge or tunnel; a wider one (a VPN's 10.0.0.0/8)
/// leaves that network's hosts in the overlap unreachable from the containers.
/// (<see cref="SubnetOverlapCheck"/> compares bridges with bridges; this compares routes.)
/// The fix deletes a static route that steals the traffic, and refuses for a connected route
/// (it belongs to an address), the default route, or one that carries a tunnel's underlay.
/// </summary>
public static class DockerSubnetOverlapCheck
{
    public static IEnumerable<Finding> Run(DoctorFacts facts)
    {
        var host = facts.Snapshot;
        foreach (var (subnet, device, whose) in ContainerSubnets(facts))
            foreach (var r in host.Routes)
            {
                if (r.Family != Model.AddressFamily.Inet || !HostQueries.IsMainTable(r.Table) || r.Type is not ("unicast" or "")) continue;
                if (r.Device == device || r.Destination == "default" || HostQueries.ParseDestination(r.Destination) is not { PrefixLength: > 0 } d) continue;
                if (!d.Overlaps(subnet)) continue;
                var steals = d.PrefixLength >= subnet.PrefixLength;
                var via = r.Gateway is null ? $"dev {r.Device}" : $"via {r.Gateway} dev {r.Device}";
                List<string> evidence =
                [
                    $"{whose}: {subnet} (dev {device})",
                    $"ip route: {r.Destination} {via} proto {r.Protocol}",
                    steals ? $"the kernel picks the longer prefix: packets for {d} leave through {r.Device}, not {device}"
                           : $"hosts of {r.Destination} inside {subnet} are unreachable from the containers (their packets go to {device})",
                ];
                var (fix, refusal) = steals ? DeleteRoute(host, r) : (null, null);
                if (refusal is not null) evidence.Add("not fixed automatically: " + refusal);
                yield return new Finding(FindingIds.DockerSubnetOverlap, steals ? Severity.Error : Severity.Warning,
                    $"{whose} {subnet} overlaps the route {r.Destination} {via}", [.. evidence], fix, $"{subnet.Network}+{r.Destination}");
            }
    }

    /// <summary>Container subnets with the device that must carry them and whose they are.</summary>
    internal static IEnumerable<(IpPrefix Subnet, string Device, string Whose)> ContainerSubnets(DoctorFacts facts)
    {
        var host = facts.Snapshot;
        var bridges = host.Containers.Select(c => c.Bridge).OfType<string>()
            .Concat(host.DockerNetworks.Select(n => n.Device).OfType<string>())
            .Concat(facts.Docker?.Bridge is { } b ? [b] : [])
            .Concat(host.Links.Where(l => l.Name == "docker0").Select(l => l.Name))
            .Distinct(StringComparer.Ordinal);
        foreach (var name in bridges)
            if (host.FindLink(name) is { } link)
                foreach (var a in link.Addresses.Where(a => a.Family == Model.AddressFamily.Inet))
                    if (IpPrefix.Parse(a.Cidr) is { Ok: true } p)
                        yield return (IpPrefix.Of(p.Get().Network.BaseAddress, p.Get().PrefixLength), name, $"the container subnet of {name}");
        foreach (var peer in facts.PeerSubnets)
            if (HostQueries.ParseDestination(peer.Subnet) is { } p)
                yield return (p, peer.Device, "the peer's container subnet");
    }

    private static (FixPlan? Fix, string? Refusal) DeleteRoute(HostSnapshot host, Route r)
    {
        if (r.Protocol == "kernel")
            return (null, $"{r.Destination} is the connected route of an address on {r.Device}: remove or renumber that address (or the containers' subnet)");
        var underlays = host.Ovs?.Bridges.SelectMany(b => b.Ports).SelectMany(p => p.Interfaces).Select(i => i.RemoteIp)
            .Concat(host.Links.Select(l => l.Tunnel?.Remote)).OfType<string>().Where(a => IPAddress.TryParse(a, out _)).Select(IPAddress.Parse) ?? [];
        if (HostQueries.ParseDestination(r.Destination) is { } d && underlays.FirstOrDefault(d.Contains) is { } remote)
            return (null, $"{r.Destination} carries the tunnel to {remote}: deleting it would cut the tunnel");
        string[] spec = [r.Destination, .. r.Gateway is null ? Array.Empty<string>() : ["via", r.Gateway], .. r.Device is null ? Array.Empty<string>() : ["dev", r.Device],
            .. r.Metric is { } m ? ["metric", m.ToString(CultureInfo.InvariantCulture)] : Array.Empty<string>()];
        return (new FixPlan($"delete the route {r.Destination} {(r.Gateway is null ? "dev " + r.Device : "via " + r.Gateway)} that takes the containers' traffic",
            [new("delete the overlapping route", PeerRouteCheck.Ip(["route", "del", .. spec]), PeerRouteCheck.Ip(["route", "add", .. spec]))],
            Undoable: true, Note: $"whatever needed {r.Destination} through {r.Device} (a VPN, a LAN) loses it; undo puts it back"), null);
    }
}
