using NetTui.Core.Model;

namespace NetTui.Presentation;

/// <summary>A row of the Bridges view: a bridge, or one of its ports (listed under it).</summary>
public sealed record BridgeRow(LinuxBridge Bridge, BridgePort? Port);

/// <summary>Bridges view: each kernel bridge followed by its ports and what they lead to.</summary>
public static class BridgesPresenter
{
    public static string BridgeKey(string bridge) => bridge;
    public static string PortKey(string bridge, string port) => $"{bridge}/{port}";

    public static IRowSet Rows(SnapshotIndex ix)
    {
        var rows = new List<BridgeRow>();
        foreach (var b in ix.Snapshot.Bridges)
        {
            rows.Add(new BridgeRow(b, null));
            foreach (var p in b.Ports) rows.Add(new BridgeRow(b, p));
        }
        return new RowSet<BridgeRow>(
            ViewKind.Bridges,
            rows,
            TrafficColumns.With<BridgeRow>(
            [
                new("Bridge", r => r.Port is null ? r.Bridge.Name : ""),
                new("Port", r => r.Port is null ? $"{r.Bridge.Ports.Length} ports" : r.Port.Name),
                new("State", r => r.Port?.State ?? (ix.Link(r.Bridge.Name) is { } l ? LinkText.State(l) : "")),
                new("STP", r => r.Port is null ? (r.Bridge.StpEnabled ? "on" : "off") : Cost(r.Port)),
                new("Other end", r => r.Port is null ? Addresses(ix, r.Bridge) : ix.OtherEnd(r.Port.Name) ?? ""),
                new(PersistenceText.Column, r => PersistenceText.Short(ix.Link(r.Port?.Name ?? r.Bridge.Name)?.Persistence)),
            ], ix.Traffic, r => (Core.Traffic.TrafficScope.Link, r.Port?.Name ?? r.Bridge.Name)),
            r => r.Port is null ? BridgeKey(r.Bridge.Name) : PortKey(r.Bridge.Name, r.Port.Name),
            r => r.Port is null ? BridgeDetail(ix, r.Bridge) : PortDetail(ix, r.Bridge, r.Port),
            orderIsMeaningful: true,
            tone: r => PersistenceText.Tone(r.Port?.State is "disabled" or "blocking" ? RowTone.Warn : RowTone.Normal,
                ix.Link(r.Port?.Name ?? r.Bridge.Name)?.Persistence));
    }

    private static string Cost(BridgePort p) =>
        p.Cost is null && p.Priority is null ? "" : $"cost {p.Cost?.ToString() ?? "-"} prio {p.Priority?.ToString() ?? "-"}";

    private static string Addresses(SnapshotIndex ix, LinuxBridge b) =>
        ix.Link(b.Name) is { } l ? LinkText.Addresses(l) : "";

    public static DetailModel BridgeDetail(SnapshotIndex ix, LinuxBridge b)
    {
        var d = new DetailBuilder($"Bridge {b.Name}")
            .Add("index", b.Index)
            .Add("bridge id", b.BridgeId)
            .Add("stp", b.StpEnabled ? "enabled" : "disabled")
            .Add("ports", b.Ports.Length == 0 ? "(none)" : string.Join(", ", b.Ports.Select(p => p.Name)));
        if (ix.Link(b.Name) is { } l)
        {
            d.Add("state", LinkText.State(l)).Add("mtu", l.Mtu).Add("at boot", PersistenceText.Long(l.Persistence));
            foreach (var a in l.Addresses)
                d.Add(a.Family == AddressFamily.Inet6 ? "inet6" : "inet", InterfacesPresenter.AddressLine(a));
        }
        d.Command($"ip -d link show {b.Name}");
        d.Command($"bridge link show master {b.Name}");
        d.Related($"interface {b.Name}", ViewKind.Interfaces, b.Name);
        foreach (var p in b.Ports)
            d.Related($"port {p.Name}", ViewKind.Bridges, PortKey(b.Name, p.Name));
        return d.Build();
    }

    public static DetailModel PortDetail(SnapshotIndex ix, LinuxBridge b, BridgePort p)
    {
        var d = new DetailBuilder($"Port {p.Name} of bridge {b.Name}")
            .Add("index", p.Index)
            .Add("state", p.State)
            .Add("cost", p.Cost)
            .Add("priority", p.Priority)
            .Add("other end", ix.OtherEnd(p.Name))
            .Add("at boot", PersistenceText.Long(ix.Link(p.Name)?.Persistence));
        TrafficColumns.AddDetail(d, ix.Traffic, Core.Traffic.TrafficScope.Link, p.Name);
        d.Command($"bridge link show dev {p.Name}");
        d.Command($"ip -d link show {p.Name}");
        if (ix.ContainerOnVeth(p.Name) is { } c)
            d.Related($"container {c.Name}", ViewKind.Containers, c.Name);
        d.Related($"bridge {b.Name}", ViewKind.Bridges, BridgeKey(b.Name));
        d.Related($"interface {p.Name}", ViewKind.Interfaces, p.Name);
        if (ix.OvsInterface(p.Name) is { } o)
            d.Related($"OVS interface {o.Iface.Name}", ViewKind.OpenVSwitch, OvsPresenter.InterfaceKey(o.Bridge, o.Port, o.Iface));
        return d.Build();
    }
}
