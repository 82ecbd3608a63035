using System.Collections.Immutable;

namespace NetTui.Core.Model;

/// <summary>
/// What differs between two reads of a host, in the admin's words: objects left (there now, not
/// before) and objects missing (there before, not now). Used after a change failed, so that
/// NetTui says what really differs instead of "the host is (not) as it was". Compares the
/// configuration only (links with kind, master and addresses; IPv4 and IPv6 routes; Linux
/// bridges; OVS bridges and ports); what the kernel makes on its own (IPv6 link-local
/// addresses and fe80::/64 routes, ifindexes, counters, operstate) is left out. A source that
/// answered before but not now cannot be compared: <see cref="Unreadable"/> names it.
/// </summary>
public sealed record HostDelta(ImmutableArray<string> Left, ImmutableArray<string> Missing, ImmutableArray<string> Unreadable)
{
    /// <summary>Read back and found equal: the only case in which NetTui may say "as it was".</summary>
    public bool Same => Left.IsEmpty && Missing.IsEmpty && Unreadable.IsEmpty;

    public static HostDelta Between(HostSnapshot before, HostSnapshot after)
    {
        var unreadable = new List<string>();
        bool Lost(SourceKind kind, string what)
        {
            if (before.Source(kind) is not { Available: true } || after.Source(kind) is not { Available: false } down) return false;
            unreadable.Add($"{what} could not be read ({down.Reason})");
            return true;
        }
        // Nothing read is not "everything missing": compare only what both reads saw.
        if (Lost(SourceKind.IpRoute2, "the kernel's network configuration")) return new([], [], [.. unreadable]);
        var skipOvs = Lost(SourceKind.Ovs, "Open vSwitch");
        var (b, a) = (Shape(before, skipOvs), Shape(after, skipOvs));
        return new([.. a.Except(b).Order(StringComparer.Ordinal)], [.. b.Except(a).Order(StringComparer.Ordinal)], [.. unreadable]);
    }

    /// <summary>One line: "left: ovs bridge obr0; missing: address 10.0.0.1/24 on eth1", or that the read found no difference.</summary>
    public string Describe()
    {
        if (Same) return "read back, the host is as it was";
        var parts = new List<string>();
        if (!Left.IsEmpty) parts.Add($"left: {string.Join(", ", Left)}");
        if (!Missing.IsEmpty) parts.Add($"missing: {string.Join(", ", Missing)}");
        parts.AddRange(Unreadable);
        return $"read back, the host differs from before: {string.Join("; ", parts)}";
    }

    private static HashSet<string> Shape(HostSnapshot s, bool skipOvs)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var l in s.Links)
        {
            set.Add($"{l.Kind.ToString().ToLowerInvariant()} link {l.Name}");
            if (l.Master is { } m) set.Add($"{l.Name} in {m}");
            foreach (var addr in l.Addresses.Where(x => !(x.Family == AddressFamily.Inet6 && x.Scope == "link")))
                set.Add($"address {addr.Cidr} on {l.Name}");
        }
        foreach (var br in s.Bridges)
            set.Add($"bridge {br.Name} stp {(br.StpEnabled ? "on" : "off")}");
        foreach (var r in s.Routes.Where(r => !(r.Family == AddressFamily.Inet6 && r.Destination.StartsWith("fe80:", StringComparison.OrdinalIgnoreCase))))
            set.Add($"{(r.Family == AddressFamily.Inet6 ? "IPv6 " : "")}route {r.Destination}{(r.Gateway is { } g ? $" via {g}" : "")}{(r.Device is { } d ? $" dev {d}" : "")}{(r.Table is "main" or "" ? "" : $" table {r.Table}")}");
        if (skipOvs) return set;
        foreach (var b in s.Ovs?.Bridges ?? [])
        {
            set.Add($"ovs bridge {b.Name}");
            foreach (var p in b.Ports.Where(p => p.Name != b.Name))
                set.Add($"ovs port {p.Name} on {b.Name}");
        }
        return set;
    }
}
