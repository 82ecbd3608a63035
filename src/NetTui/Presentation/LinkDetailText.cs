using System.Globalization;
using NetTui.Core.Model;

namespace NetTui.Presentation;

/// <summary>
/// How views write a link's per-kind details (issue 22), in `ip -d link`'s words so they can
/// be compared with it: "vni 42 remote 192.0.2.9 local 192.0.2.1 dstport 4789 dev a0
/// nolearning", "mode vepa", "id 100 802.1Q", "802.3ad miimon 100 lacp_rate fast". A kind
/// NetTui does not know says "unknown kind X" instead of vanishing. Kept apart from the
/// presenters' other columns so parallel changes to those merge cleanly.
/// </summary>
public static class LinkDetailText
{
    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The details cell: kind parameters, then alias and altnames.</summary>
    public static string Summary(Link l)
    {
        var parts = new List<string>();
        if (l.Kind == LinkKind.Other) parts.Add($"unknown kind {l.KindName ?? l.Label ?? "?"}");
        if (KindParameters(l) is { Length: > 0 } k) parts.Add(k);
        if (l.Details?.BondPort is { } bp) parts.Add($"bond port {bp.State ?? "?"} (mii {bp.MiiStatus ?? "?"})");
        if (l.Alias is { } alias) parts.Add($"alias \"{alias}\"");
        if (!l.AltNames.IsDefaultOrEmpty) parts.Add("altname " + string.Join(",", l.AltNames));
        return string.Join("; ", parts);
    }

    public static string KindParameters(Link l)
    {
        var d = l.Details;
        if (d?.Vxlan is { } v)
        {
            var w = new List<string> { v.External ? "external" : $"vni {N(v.Vni)}" };
            if (v.Remote is not null) w.Add($"remote {v.Remote}");
            if (v.Group is not null) w.Add($"group {v.Group}");
            if (v.Local is not null) w.Add($"local {v.Local}");
            w.Add($"dstport {N(v.Port)}");
            if (v.Device is not null) w.Add($"dev {v.Device}");
            if (!v.Learning) w.Add("nolearning");
            if (!v.Fdb.IsDefaultOrEmpty) w.Add($"fdb {N(v.Fdb.Length)} remote{(v.Fdb.Length == 1 ? "" : "s")}");
            return string.Join(' ', w);
        }
        if (d?.Macvlan is { } m) return $"mode {m.Mode}";
        if (d?.Vlan is { } vl) return $"id {N(vl.Id)} {vl.Protocol}";
        if (d?.Bond is { } b)
            return string.Join(' ', new[] { b.Mode, b.Miimon is { } mi ? $"miimon {N(mi)}" : null, b.LacpRate is { } r ? $"lacp_rate {r}" : null,
                b.XmitHashPolicy is { } x ? $"xmit_hash_policy {x}" : null }.OfType<string>());
        if (d?.Vrf is { } vrf) return $"table {N(vrf.Table)}";
        if (d?.Tun is { } t)
            return string.Join(' ', new[] { t.MultiQueue ? "multi_queue" : null, t.Persist ? "persist" : null, t.Owner is { } o ? $"user {N(o)}" : null }.OfType<string>());
        if (d?.Geneve is { } g) return $"vni {N(g.Vni)}{(g.Remote is null ? "" : $" remote {g.Remote}")} dstport {N(g.Port)}";
        if (l.Tunnel is { } tu)
            return string.Join(' ', new[] { tu.Remote is { } r ? $"remote {r}" : null, tu.Local is { } lo ? $"local {lo}" : null,
                tu.Key is { } k ? $"key {k.ToString(CultureInfo.InvariantCulture)}" : null, tu.Ttl is { } ttl ? $"ttl {N(ttl)}" : null }.OfType<string>());
        return "";
    }

    /// <summary>A veth's peer ("vc1@ns" or its name), else the device it is made on.</summary>
    public static string PeerOrParent(SnapshotIndex ix, Link l)
    {
        if (l.Peer is { } p)
            return p.Namespace is not null ? $"if{N(p.Index)}@{p.Namespace}"
                : p.NetnsId is not null ? $"if{N(p.Index)} (nsid {N(p.NetnsId.Value)})" : ix.LocalPeer(l)?.Name ?? $"if{N(p.Index)}";
        return l.Parent ?? "";
    }

    /// <summary>A VLAN device's id (the VLAN column).</summary>
    public static string Vlan(Link l) => l.Details?.Vlan is { } v ? N(v.Id) : "";

    /// <summary>An address's flags as `ip addr` writes them: "secondary noprefixroute deprecated peer 10.77.0.2 label a0:sec valid 599s preferred 0s".</summary>
    public static string AddressFlags(Link l, LinkAddress a)
    {
        var w = new List<string>();
        if (a.Peer is not null) w.Add($"peer {a.Peer}");
        if (a.Secondary) w.Add("secondary");
        if (a.NoPrefixRoute) w.Add("noprefixroute");
        if (a.Deprecated) w.Add("deprecated");
        if (a.Label is { } label && label != l.Name) w.Add($"label {label}");
        if (a.ValidLifetime is { } v) w.Add($"valid_lft {v.ToString(CultureInfo.InvariantCulture)}sec");
        if (a.PreferredLifetime is { } p) w.Add($"preferred_lft {p.ToString(CultureInfo.InvariantCulture)}sec");
        return string.Join(' ', w);
    }

    /// <summary>Whether any link has something for the details column.</summary>
    public static bool AnyDetails(IEnumerable<Link> links) =>
        links.Any(l => l.Details is not null || l.Tunnel is not null || l.Alias is not null || !l.AltNames.IsDefaultOrEmpty || l.Kind == LinkKind.Other);
}
