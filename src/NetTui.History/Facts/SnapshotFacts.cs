using System.Collections.Immutable;
using System.Globalization;
using NetTui.Core.Model;

namespace NetTui.History.Facts;

/// <summary>
/// Reads the facts a change-set cares about out of a <see cref="HostSnapshot"/>. Only stable,
/// admin-set properties become facts: things the kernel changes on its own (operstate, carrier,
/// IPv6 link-local addresses, counters) would report drift where nobody changed anything.
/// </summary>
public static class SnapshotFacts
{
    public const string Absent = "absent";
    public const string None = "none";

    public static FactSet Extract(HostSnapshot snapshot, IEnumerable<FactObject> objects)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var obj in objects.Distinct())
            AddFacts(snapshot, obj, facts);
        return FactSet.Of(facts);
    }

    /// <summary>The current values of the same objects a stored fact set talks about (for drift checks).</summary>
    public static FactSet ExtractLike(HostSnapshot snapshot, IEnumerable<string> keys) =>
        Extract(snapshot, keys.Select(FactObject.FromKey).OfType<FactObject>());

    /// <summary>What differs between the expected facts and the host as <paramref name="snapshot"/> shows it.</summary>
    public static ImmutableArray<FactDifference> Drift(FactSet expected, HostSnapshot snapshot) =>
        FactDrift.Compare(expected, ExtractLike(snapshot, expected.Keys));

    private static void AddFacts(HostSnapshot s, FactObject obj, Dictionary<string, string> facts)
    {
        var p = obj.Prefix;
        switch (obj.Kind)
        {
            case FactObjectKind.Link:
                var link = s.FindLink(obj.Name);
                facts[p + "exists"] = Bool(link is not null);
                if (link is null) return;
                facts[p + "kind"] = link.Kind.ToString().ToLowerInvariant();
                facts[p + "mtu"] = link.Mtu.ToString(CultureInfo.InvariantCulture);
                facts[p + "admin"] = link.AdminUp ? "up" : "down";
                facts[p + "master"] = link.Master ?? None;
                facts[p + "addresses"] = Addresses(link);
                return;

            case FactObjectKind.LinuxBridge:
                var bridge = s.Bridges.FirstOrDefault(b => b.Name == obj.Name);
                facts[p + "exists"] = Bool(bridge is not null);
                if (bridge is null) return;
                facts[p + "stp"] = bridge.StpEnabled ? "on" : "off";
                return;

            case FactObjectKind.Route:
                facts[p] = Routes(s, obj.Name);
                return;

            case FactObjectKind.OvsBridge:
                // OVS unreadable (daemon down): say nothing rather than "absent", which would be a guess.
                if (s.Ovs is null) return;
                var ob = s.Ovs.Bridges.FirstOrDefault(b => b.Name == obj.Name);
                facts[p + "exists"] = Bool(ob is not null);
                if (ob is null) return;
                facts[p + "datapath"] = string.IsNullOrEmpty(ob.DatapathType) ? "system" : ob.DatapathType;
                return;

            case FactObjectKind.OvsPort:
                if (s.Ovs is null) return;
                var portHit = s.Ovs.Bridges.SelectMany(b => b.Ports.Select(port => (Bridge: b, Port: port)))
                    .FirstOrDefault(x => x.Port.Name == obj.Name);
                facts[p + "exists"] = Bool(portHit.Port is not null);
                if (portHit.Port is null) return;
                facts[p + "bridge"] = portHit.Bridge.Name;
                facts[p + "tag"] = portHit.Port.Tag?.ToString(CultureInfo.InvariantCulture) ?? None;
                return;

            case FactObjectKind.OvsInterface:
                if (s.Ovs is null) return;
                var iface = s.Ovs.Bridges.SelectMany(b => b.Ports).SelectMany(port => port.Interfaces)
                    .FirstOrDefault(i => i.Name == obj.Name);
                facts[p + "exists"] = Bool(iface is not null);
                if (iface is null) return;
                facts[p + "type"] = string.IsNullOrEmpty(iface.Type) ? "system" : iface.Type;
                facts[p + "options"] = iface.Options.Count == 0
                    ? None
                    : string.Join(",", iface.Options.Select(kv => $"{kv.Key}={kv.Value}"));
                return;
        }
    }

    private static string Bool(bool b) => b ? "true" : "false";

    // Sorted so that the order the kernel lists addresses in does not count as drift.
    private static string Addresses(Link link)
    {
        var cidrs = link.Addresses
            .Where(a => !(a.Family == AddressFamily.Inet6 && a.Scope == "link"))
            .Select(a => a.Cidr)
            .Order(StringComparer.Ordinal)
            .ToList();
        return cidrs.Count == 0 ? None : string.Join(",", cidrs);
    }

    // name is "inet/main/192.168.2.0/24": family, table, then the destination (which may contain '/').
    private static string Routes(HostSnapshot s, string name)
    {
        var parts = name.Split('/', 3);
        if (parts.Length < 3) return Absent;
        var family = parts[0] == "inet6" ? AddressFamily.Inet6 : AddressFamily.Inet;
        var (table, dest) = (parts[1], parts[2]);
        var matches = s.Routes
            .Where(r => r.Family == family && r.Table == table && r.Destination == dest)
            .Select(r => string.Join(" ", new[]
            {
                r.Type is "unicast" or "" ? null : r.Type,
                r.Gateway is null ? null : $"via {r.Gateway}",
                r.Device is null ? null : $"dev {r.Device}",
                r.Metric is null ? null : $"metric {r.Metric.Value.ToString(CultureInfo.InvariantCulture)}",
            }.OfType<string>()))
            .Order(StringComparer.Ordinal)
            .ToList();
        return matches.Count == 0 ? Absent : string.Join("; ", matches);
    }
}
