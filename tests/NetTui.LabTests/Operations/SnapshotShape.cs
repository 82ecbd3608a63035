using NetTui.Core.Model;

namespace NetTui.LabTests.Operations;

/// <summary>
/// The parts of a snapshot an admin would call "the configuration", as sorted lines, so two
/// snapshots compare with a readable diff. Left out on purpose: ifindexes, MACs, bridge ids,
/// OVSDB uuids, counters and operstate (a recreated object gets new ones), and IPv6
/// link-local addresses and routes (the kernel makes them from the new MAC); other IPv6
/// routes are compared like IPv4 ones.
/// </summary>
internal static class SnapshotShape
{
    public static List<string> Of(HostSnapshot s)
    {
        var lines = new List<string>();
        foreach (var l in s.Links)
        {
            var addrs = l.Addresses.Where(a => !(a.Family == AddressFamily.Inet6 && a.Scope == "link")).Select(a => a.Cidr).Order(StringComparer.Ordinal);
            lines.Add($"link {l.Name} {l.Kind} {(l.AdminUp ? "up" : "down")} mtu {l.Mtu} master {l.Master ?? "-"} addr [{string.Join(' ', addrs)}]");
        }
        foreach (var b in s.Bridges)
            lines.Add($"bridge {b.Name} stp {b.StpEnabled} ports [{string.Join(' ', b.Ports.Select(p => p.Name).Order(StringComparer.Ordinal))}]");
        // IPv6 too, but not what the kernel derives from a (new) MAC: link-local routes and addresses (fe80::).
        // IPv6 routes the kernel makes itself (proto kernel: link-local, multicast ff00::/8 once a link has carrier, an address's
        // own) follow link state and addresses, which are compared; a veth peer keeps its multicast route after the link goes down.
        foreach (var r in s.Routes.Where(r => r.Family == AddressFamily.Inet || !r.Destination.StartsWith("fe80:", StringComparison.OrdinalIgnoreCase) && r.Protocol != "kernel"))
            lines.Add($"route {r.Table} {r.Type} {r.Destination} via {r.Gateway ?? "-"} dev {r.Device ?? "-"} metric {r.Metric ?? 0} proto {r.Protocol} scope {r.Scope}");
        foreach (var b in s.Ovs?.Bridges ?? [])
        {
            lines.Add($"ovs-bridge {b.Name} {(b.DatapathType.Length == 0 ? "system" : b.DatapathType)}");
            foreach (var p in b.Ports)
                foreach (var i in p.Interfaces)
                    lines.Add($"ovs-port {b.Name} {p.Name} {i.Name} type '{i.Type}' options [{string.Join(' ', i.Options.Select(o => $"{o.Key}={o.Value}"))}] error {i.Error ?? "-"}");
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>Asserts the two shapes are equal, showing only the lines that differ.</summary>
    public static void Equal(HostSnapshot expected, HostSnapshot actual, string context)
    {
        var e = Of(expected);
        var a = Of(actual);
        var missing = e.Except(a).ToList();
        var extra = a.Except(e).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{context}: the host is not as it was.\n  missing:\n    {string.Join("\n    ", missing)}\n  unexpected:\n    {string.Join("\n    ", extra)}");
    }
}
