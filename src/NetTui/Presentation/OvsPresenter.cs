using NetTui.Core.Model;

namespace NetTui.Presentation;

/// <summary>A row of the Open vSwitch view: a bridge, or one interface of one of its ports.</summary>
public sealed record OvsRow(OvsBridge Bridge, OvsPort? Port, OvsInterface? Interface);

/// <summary>Open vSwitch view: bridges, then each port's interfaces with type, options and errors.</summary>
public static class OvsPresenter
{
    public static string BridgeKey(OvsBridge b) => $"ovs:{b.Name}";
    public static string InterfaceKey(OvsBridge b, OvsPort p, OvsInterface i) => $"ovs:{b.Name}/{p.Name}/{i.Name}";

    public static IRowSet Rows(SnapshotIndex ix)
    {
        var rows = new List<OvsRow>();
        foreach (var b in ix.Snapshot.Ovs?.Bridges ?? [])
        {
            rows.Add(new OvsRow(b, null, null));
            foreach (var p in b.Ports)
                foreach (var i in p.Interfaces)
                    rows.Add(new OvsRow(b, p, i));
        }
        return new RowSet<OvsRow>(
            ViewKind.OpenVSwitch,
            rows,
            [
                new("Bridge", r => r.Port is null ? r.Bridge.Name : ""),
                new("Port", r => r.Port is null ? $"datapath {r.Bridge.DatapathType}" : PortName(r)),
                new("Type", r => r.Interface is null ? "" : TypeName(r.Interface)),
                new("Options", r => r.Interface is null ? "" : Options(r.Interface)),
                new("Error", r => r.Interface?.Error ?? ""),
                new("OF", r => r.Interface?.OfPort?.ToString() ?? "", r => r.Interface?.OfPort),
                .. DetailColumns(),
            ],
            r => r.Port is null ? BridgeKey(r.Bridge) : InterfaceKey(r.Bridge, r.Port, r.Interface!),
            r => r.Port is null ? BridgeDetail(ix, r.Bridge) : InterfaceDetail(ix, r.Bridge, r.Port, r.Interface!),
            orderIsMeaningful: true,
            tone: r => r.Interface?.Error is not null ? RowTone.Error
                : r.Interface?.LinkState is "down" ? RowTone.Warn : RowTone.Normal);
    }

    /// <summary>VLAN (tag, trunks, mode) and More (bond, fake bridge, controller, ...), apart from the other columns (issue 22).</summary>
    private static IEnumerable<Column<OvsRow>> DetailColumns() =>
    [
        new("VLAN", r => r.Port is null ? "" : OvsDetailText.Vlan(r.Port)),
        new("More", r => r.Port is null ? OvsDetailText.Bridge(r.Bridge) : OvsDetailText.Port(r.Port, r.Interface!)),
    ];

    private static string PortName(OvsRow r) =>
        r.Port!.Name == r.Interface!.Name ? r.Port.Name : $"{r.Port.Name}:{r.Interface.Name}";

    public static string TypeName(OvsInterface i) => string.IsNullOrEmpty(i.Type) ? "system" : i.Type;

    public static string Options(OvsInterface i) => string.Join(" ", i.Options.Select(kv => $"{kv.Key}={kv.Value}"));

    public static DetailModel BridgeDetail(SnapshotIndex ix, OvsBridge b)
    {
        var d = new DetailBuilder($"OVS bridge {b.Name}")
            .Add("uuid", b.Uuid)
            .Add("datapath", b.DatapathType)
            .Add("ports", string.Join(", ", b.Ports.Select(p => p.Name)))
            .Add("ovs version", ix.Snapshot.Ovs?.Version)
            .Add("more", OvsDetailText.Bridge(b) is { Length: > 0 } more ? more : null);
        d.Command($"ovs-vsctl list bridge {b.Name}");
        d.Command($"ovs-vsctl show");
        foreach (var p in b.Ports)
            foreach (var i in p.Interfaces)
                d.Related($"{TypeName(i)} interface {i.Name}", ViewKind.OpenVSwitch, InterfaceKey(b, p, i));
        if (ix.Link(b.Name) is not null)
            d.Related($"kernel interface {b.Name}", ViewKind.Interfaces, b.Name);
        return d.Build();
    }

    public static DetailModel InterfaceDetail(SnapshotIndex ix, OvsBridge b, OvsPort p, OvsInterface i)
    {
        var d = new DetailBuilder($"OVS interface {i.Name} (port {p.Name}, bridge {b.Name})")
            .Add("type", TypeName(i))
            .Add("error", i.Error)
            .Add("ofport", i.OfPort)
            .Add("admin state", i.AdminState)
            .Add("link state", i.LinkState)
            .Add("vlan tag", p.Tag)
            .Add("vlan", OvsDetailText.Vlan(p) is { Length: > 0 } vlan ? vlan : null)
            .Add("more", OvsDetailText.Port(p, i) is { Length: > 0 } more ? more : null)
            .Add("uuid", i.Uuid)
            .Add("port uuid", p.Uuid);
        foreach (var (k, v) in i.Options)
            d.Add($"options:{k}", v);
        foreach (var (k, v) in i.Statistics)
            d.Add($"statistics:{k}", v);
        if (i.IsTunnel && (i.RemoteIp is not null || i.RemoteIsFlow))
            d.Add("tunnel", $"{i.Type.ToUpperInvariant()} to {(i.RemoteIsFlow ? "a remote chosen per flow (remote_ip=flow)" : $"remote host {i.RemoteIp}")}");
        d.Command($"ovs-vsctl list interface {i.Name}");
        d.Command($"ovs-vsctl list port {p.Name}");
        d.Related($"OVS bridge {b.Name}", ViewKind.OpenVSwitch, BridgeKey(b));
        if (ix.Link(i.Name) is not null)
            d.Related($"kernel interface {i.Name}", ViewKind.Interfaces, i.Name);
        return d.Build();
    }
}
