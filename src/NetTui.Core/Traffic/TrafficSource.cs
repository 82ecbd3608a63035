using NetTui.Core.Model;

namespace NetTui.Core.Traffic;

/// <summary>Which table a counted device is in: kernel links and OVS interfaces are named apart.</summary>
public enum TrafficScope { Link, Ovs }

/// <summary>
/// One device's counters at one read. <see cref="Identity"/> tells a re-created device from
/// the old one under the same name (the ifindex of a link, the row uuid of an OVS interface):
/// a new identity starts the device's history again.
/// </summary>
public sealed record TrafficSource(TrafficScope Scope, string Name, string Identity, LinkCounters Counters)
{
    /// <summary>Every link of <paramref name="snapshot"/> that has counters, and every OVS interface whose statistics OVS filled in.</summary>
    public static IEnumerable<TrafficSource> From(HostSnapshot snapshot)
    {
        foreach (var link in snapshot.Links)
            if (link.Counters is { } c)
                yield return new TrafficSource(TrafficScope.Link, link.Name, link.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), c);
        if (snapshot.Ovs is null) yield break;
        foreach (var bridge in snapshot.Ovs.Bridges)
            foreach (var port in bridge.Ports)
                foreach (var iface in port.Interfaces)
                    if (LinkCounters.FromOvs(iface.Statistics) is { } c)
                        yield return new TrafficSource(TrafficScope.Ovs, iface.Name, iface.Uuid, c);
    }
}
