using NetTui.Core.Model;

namespace NetTui.Cli.Render;

/// <summary>`nettui show links`: one row per interface, like a denser `ip -br link` + `ip -br addr`.</summary>
public static class LinksView
{
    /// <summary>With a BOOT column (where each link persists) when the snapshot says so: `show all` reads NetworkManager, the single parts do not.</summary>
    public static IReadOnlyList<string> Render(HostSnapshot s)
    {
        var boot = s.Links.Any(l => l.Persistence is not null);
        var more = Presentation.LinkDetailText.AnyDetails(s.Links);
        IReadOnlyList<string> headers = ["INDEX", "NAME", "KIND", "STATE", .. boot ? ["BOOT"] : Array.Empty<string>(), "MTU", "MAC", "MASTER", "PEER", "ADDRESSES",
            .. more ? ["DETAILS"] : Array.Empty<string>()];
        return TextTable.Format(headers,
            s.Links.OrderBy(l => l.Index).Select(l => (IReadOnlyList<string>)
            [
                l.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                l.Name,
                KindText(l),
                (l.AdminUp ? "" : "admin-down/") + l.OperState.ToLowerInvariant(),
                .. boot ? [Boot(l.Persistence)] : Array.Empty<string>(),
                l.Mtu.ToString(System.Globalization.CultureInfo.InvariantCulture),
                l.Mac ?? "-",
                l.Master ?? "-",
                l.Peer is null && l.Parent is { } parent ? $"parent {parent}" : PeerText(s, l.Peer),
                l.Addresses.IsDefaultOrEmpty ? "-" : string.Join(", ", l.Addresses.Select(a => AddressText(l, a, boot))),
                .. more ? [Presentation.LinkDetailText.Summary(l) is { Length: > 0 } d ? d : "-"] : Array.Empty<string>(),
            ]));
    }

    /// <summary>"10.0.0.1/24", with its flags in brackets when it has any ("192.0.2.5/24 [secondary label a0:sec]") and its boot.</summary>
    private static string AddressText(Link l, LinkAddress a, bool boot)
    {
        var flags = Presentation.LinkDetailText.AddressFlags(l, a);
        var text = flags.Length == 0 ? a.Cidr : $"{a.Cidr} [{flags}]";
        return boot ? $"{text} ({Boot(a.Persistence)})" : text;
    }

    /// <summary>The BOOT cell: the TUI's short text ("NM:profile", "OVSDB", "lost", ...), "-" when not known.</summary>
    public static string Boot(Persistence? p) => Presentation.PersistenceText.Short(p) is { Length: > 0 } t ? t : "-";

    public static string KindName(LinkKind k) => k switch
    {
        LinkKind.OvsInternal => "ovs-internal",
        LinkKind.OvsSystem => "ovs-system",
        LinkKind.IpTunnel => "ip-tunnel",
        _ => k.ToString().ToLowerInvariant(),
    };

    /// <summary>"veth", "bridge (weave)", or the kernel's own kind name for ones NetTui does not classify.</summary>
    public static string KindText(Link l)
    {
        if (l.Kind == LinkKind.Other) return $"unknown kind {l.KindName ?? l.Label ?? "?"}";
        return l.Label is { } label ? $"{KindName(l.Kind)} ({label})" : KindName(l.Kind);
    }

    /// <summary>Same namespace: the peer's name; elsewhere: "if19@nsname" or "if19 (nsid 1)".</summary>
    public static string PeerText(HostSnapshot s, VethPeer? p)
    {
        if (p is null) return "-";
        if (p.NetnsId is null) return s.FindLink(p.Index)?.Name ?? $"if{p.Index}";
        return p.Namespace is { } ns ? $"if{p.Index}@{ns}" : $"if{p.Index} (nsid {p.NetnsId})";
    }
}
