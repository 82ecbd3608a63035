using NetTui.Core.Model;

namespace NetTui.Presentation;

/// <summary>Interfaces view: one row per link, the kernel's order (ifindex).</summary>
public static class InterfacesPresenter
{
    public static IRowSet Rows(SnapshotIndex ix) => new RowSet<Link>(
        ViewKind.Interfaces,
        ix.Snapshot.Links,
        TrafficColumns.With<Link>(
        [
            new("Name", l => l.Name),
            new("Kind", LinkText.Kind),
            new("State", LinkText.State),
            new(PersistenceText.Column, l => PersistenceText.Short(l.Persistence)),
            new("Master", l => l.Master ?? ""),
            new("Addresses", LinkText.Addresses),
            new("MTU", l => l.Mtu.ToString(), l => l.Mtu),
            new("MAC", l => l.Mac ?? ""),
            new("Index", l => l.Index.ToString(), l => l.Index),
            .. DetailColumns(ix),
        ], ix.Traffic, l => (Core.Traffic.TrafficScope.Link, l.Name)),
        l => l.Name,
        l => Detail(ix, l),
        tone: Tone);

    public static RowTone Tone(Link l) => PersistenceText.Tone(
        !l.AdminUp ? RowTone.Dim : l.OperState is "DOWN" or "LOWERLAYERDOWN" ? RowTone.Warn : RowTone.Normal, l.Persistence);

    public static DetailModel Detail(SnapshotIndex ix, Link l)
    {
        var d = new DetailBuilder($"Interface {l.Name}")
            .Add("index", l.Index)
            .Add("kind", LinkText.Kind(l))
            .Add("state", l.OperState)
            .Add("admin up", l.AdminUp)
            .Add("mtu", l.Mtu)
            .Add("mac", l.Mac)
            .Add("master", l.Master)
            .Add("at boot", PersistenceText.Long(l.Persistence));
        AddKindDetails(d, l);
        foreach (var a in l.Addresses)
            d.Add($"{(a.Family == AddressFamily.Inet6 ? "inet6" : "inet")}",
                LinkDetailText.AddressFlags(l, a) is { Length: > 0 } flags ? $"{AddressLine(a)}; {flags}" : AddressLine(a));
        if (l.Peer is { } p)
            d.Add("veth peer", p.Namespace is not null ? $"#{p.Index} in netns {p.Namespace}"
                : p.NetnsId is not null ? $"#{p.Index} in netns id {p.NetnsId}" : $"#{p.Index} ({ix.LocalPeer(l)?.Name ?? "?"})");
        d.Add("other end", ix.OtherEnd(l.Name));
        TrafficColumns.AddDetail(d, ix.Traffic, Core.Traffic.TrafficScope.Link, l.Name);
        d.Command($"ip -d link show {l.Name}");
        d.Command($"ip addr show dev {l.Name}");
        if (l.Master is not null && ix.Bridge(l.Master) is not null)
            d.Related($"bridge {l.Master}", ViewKind.Bridges, BridgesPresenter.BridgeKey(l.Master));
        if (ix.ContainerOnVeth(l.Name) is { } c)
            d.Related($"container {c.Name}", ViewKind.Containers, c.Name);
        if (ix.LocalPeer(l) is { } peer)
            d.Related($"veth peer {peer.Name}", ViewKind.Interfaces, peer.Name);
        if (l.Kind == LinkKind.Bridge && ix.Bridge(l.Name) is not null)
            d.Related($"ports of {l.Name}", ViewKind.Bridges, BridgesPresenter.BridgeKey(l.Name));
        if (ix.OvsInterface(l.Name) is { } o)
            d.Related($"OVS interface {o.Iface.Name} on {o.Bridge.Name}", ViewKind.OpenVSwitch, OvsPresenter.InterfaceKey(o.Bridge, o.Port, o.Iface));
        return d.Build();
    }

    /// <summary>Peer/Parent, VLAN and Details (issue 22), apart from the other columns.</summary>
    private static IEnumerable<Column<Link>> DetailColumns(SnapshotIndex ix) =>
    [
        new("Peer/Parent", l => LinkDetailText.PeerOrParent(ix, l)),
        new("VLAN", LinkDetailText.Vlan),
        new("Details", LinkDetailText.Summary),
    ];

    private static void AddKindDetails(DetailBuilder d, Link l)
    {
        d.Add("kernel kind", l.KindName);
        d.Add("parent", l.Parent);
        d.Add("details", LinkDetailText.KindParameters(l) is { Length: > 0 } k ? k : null);
        if (l.Details?.BondPort is { } bp) d.Add("bond port", $"{bp.State} (mii {bp.MiiStatus})");
        d.Add("alias", l.Alias);
        if (!l.AltNames.IsDefaultOrEmpty) d.Add("altnames", string.Join(", ", l.AltNames));
        foreach (var f in l.Details?.Vxlan?.Fdb ?? [])
            d.Add("fdb", $"{f.Mac} dst {f.Destination}{(f.Vni is { } vni ? $" vni {vni}" : "")}{(f.Via is { } via ? $" via {via}" : "")}");
    }

    /// <summary>An address with its scope and where it persists: "192.168.1.1/24 scope global, boot: NM:nettui-br0".</summary>
    public static string AddressLine(LinkAddress a) =>
        a.Persistence is null ? $"{a.Cidr} scope {a.Scope}" : $"{a.Cidr} scope {a.Scope}, boot: {PersistenceText.Short(a.Persistence)}";
}
