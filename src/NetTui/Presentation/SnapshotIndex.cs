using NetTui.Core.Model;

namespace NetTui.Presentation;

/// <summary>
/// Lookups the presenters need to say what is on the other end of a port (links by name
/// and index, containers by host veth, OVS interfaces by name). Built once per snapshot;
/// it indexes links, bridges, OVS and containers, never the (possibly huge) route table.
/// </summary>
public sealed class SnapshotIndex
{
    private readonly Dictionary<string, Link> _linksByName = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Link> _linksByIndex = [];
    private readonly Dictionary<string, Container> _containerByVeth = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Container> _containerByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (OvsBridge Bridge, OvsPort Port, OvsInterface Iface)> _ovsByIface = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LinuxBridge> _bridgeByName = new(StringComparer.Ordinal);

    public HostSnapshot Snapshot { get; }

    /// <summary>The traffic of the last counter read when the rate columns are on; null: off (no columns, no polling).</summary>
    public TrafficView? Traffic { get; init; }

    public SnapshotIndex(HostSnapshot snapshot)
    {
        Snapshot = snapshot;
        foreach (var l in snapshot.Links)
        {
            _linksByName.TryAdd(l.Name, l);
            _linksByIndex.TryAdd(l.Index, l);
        }
        foreach (var c in snapshot.Containers)
        {
            _containerByName.TryAdd(c.Name, c);
            if (c.HostVeth is not null) _containerByVeth.TryAdd(c.HostVeth, c);
        }
        foreach (var b in snapshot.Ovs?.Bridges ?? [])
            foreach (var p in b.Ports)
                foreach (var i in p.Interfaces)
                    _ovsByIface.TryAdd(i.Name, (b, p, i));
        foreach (var b in snapshot.Bridges)
            _bridgeByName.TryAdd(b.Name, b);
    }

    public Link? Link(string? name) => name is not null && _linksByName.TryGetValue(name, out var l) ? l : null;
    public Link? Link(int? index) => index is int i && _linksByIndex.TryGetValue(i, out var l) ? l : null;
    public Container? ContainerOnVeth(string? veth) => veth is not null && _containerByVeth.TryGetValue(veth, out var c) ? c : null;
    public Container? Container(string? name) => name is not null && _containerByName.TryGetValue(name, out var c) ? c : null;
    public LinuxBridge? Bridge(string? name) => name is not null && _bridgeByName.TryGetValue(name, out var b) ? b : null;

    public (OvsBridge Bridge, OvsPort Port, OvsInterface Iface)? OvsInterface(string? name) =>
        name is not null && _ovsByIface.TryGetValue(name, out var t) ? t : null;

    /// <summary>The veth peer when it is in this namespace (same snapshot); null when it is elsewhere.</summary>
    public Link? LocalPeer(Link link) =>
        link.Peer is { NetnsId: null, Namespace: null } p ? Link(p.Index) : null;

    /// <summary>One short phrase for "what is plugged into this link", or null when nothing is known.</summary>
    public string? OtherEnd(string linkName)
    {
        if (ContainerOnVeth(linkName) is { } c)
            return $"container {c.Name}";
        var link = Link(linkName);
        if (link?.Peer is { } peer)
        {
            if (LocalPeer(link) is { } local) return $"veth peer {local.Name}";
            if (peer.Namespace is not null) return $"veth peer #{peer.Index} in netns {peer.Namespace}";
            if (peer.NetnsId is not null) return $"veth peer #{peer.Index} in netns id {peer.NetnsId}";
        }
        if (OvsInterface(linkName) is { } o)
            return $"OVS {o.Iface.Type} port of {o.Bridge.Name}";
        return null;
    }
}
