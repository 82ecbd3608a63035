using System.Collections.Immutable;
using NetTui.Core.Model;

namespace NetTui.Host.Inventory.Ovs;

/// <summary>
/// Builds <see cref="OvsState"/> from the Bridge, Port and Interface tables (and optionally
/// Open_vSwitch for the version), following the uuid references Bridge.ports → Port.interfaces.
/// Values are kept as OVSDB holds them: an interface's type "" is OVS's "system".
/// </summary>
public static class OvsParser
{
    /// <summary>
    /// Parses the output of one `ovs-vsctl --format=json list Open_vSwitch -- list Bridge --
    /// list Port -- list Interface`: one JSON document per line, in that order.
    /// </summary>
    public static OvsState ParseCombined(string output)
    {
        var docs = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // A fifth table, Controller, when it was asked for (older captures have four).
        if (docs.Length is not (4 or 5))
            throw new FormatException($"expected 4 or 5 tables from ovs-vsctl, got {docs.Length}");
        return Parse(OvsdbTable.Parse(docs[1]), OvsdbTable.Parse(docs[2]), OvsdbTable.Parse(docs[3]), OvsdbTable.Parse(docs[0]),
            docs.Length == 5 ? OvsdbTable.Parse(docs[4]) : null);
    }

    public static OvsState Parse(OvsdbTable bridges, OvsdbTable ports, OvsdbTable interfaces, OvsdbTable? openVSwitch = null, OvsdbTable? controllers = null)
    {
        var interfaceByUuid = interfaces.Rows.ToDictionary(r => r.Uuid, ToInterface);
        var portByUuid = ports.Rows.ToDictionary(r => r.Uuid, r => ToPort(r, interfaceByUuid));
        var controllerByUuid = (controllers?.Rows ?? []).ToDictionary(r => r.Uuid,
            r => new OvsController(r.String("target") ?? "", Ovsdb.AsBool(r["is_connected"])));

        var result = bridges.Rows
            .Select(b => new OvsBridge(
                Name: b.String("name") ?? "",
                Uuid: b.Uuid,
                DatapathType: b.String("datapath_type") ?? "",
                Ports: [.. Ovsdb.AsUuids(b["ports"])
                    .Where(portByUuid.ContainsKey)
                    .Select(u => portByUuid[u])
                    .OrderBy(p => p.Name, StringComparer.Ordinal)])
            {
                FailMode = b.String("fail_mode") is { Length: > 0 } fm ? fm : null,
                StpEnabled = Ovsdb.AsBool(b["stp_enable"]) == true,
                RstpEnabled = Ovsdb.AsBool(b["rstp_enable"]) == true,
                Controllers = [.. Ovsdb.AsUuids(b["controller"]).Where(controllerByUuid.ContainsKey).Select(u => controllerByUuid[u])],
                DatapathId = b.String("datapath_id") is { Length: > 0 } id ? id : null,
                DatapathMissing = b.String("datapath_id") is null or "",
            })
            .OrderBy(b => b.Name, StringComparer.Ordinal);

        var version = openVSwitch?.Rows.Count > 0 ? openVSwitch.Rows[0].String("ovs_version") : null;
        return new OvsState(version, [.. result]);
    }

    private static OvsPort ToPort(OvsdbRow r, Dictionary<string, OvsInterface> interfaceByUuid) => new(
        Name: r.String("name") ?? "",
        Uuid: r.Uuid,
        Tag: Ovsdb.AsLong(r["tag"]) is { } tag ? (int)tag : null,
        Interfaces: [.. Ovsdb.AsUuids(r["interfaces"])
            .Where(interfaceByUuid.ContainsKey)
            .Select(u => interfaceByUuid[u])
            .OrderBy(i => i.Name, StringComparer.Ordinal)])
    {
        Trunks = [.. Ovsdb.Atoms(r["trunks"]).Where(a => a.ValueKind == System.Text.Json.JsonValueKind.Number).Select(a => a.GetInt32()).Order()],
        VlanMode = r.String("vlan_mode") is { Length: > 0 } vm ? vm : null,
        FakeBridge = Ovsdb.AsBool(r["fake_bridge"]) == true,
        BondMode = r.String("bond_mode") is { Length: > 0 } bm ? bm : null,
        Lacp = r.String("lacp") is { Length: > 0 } lacp ? lacp : null,
    };

    private static OvsInterface ToInterface(OvsdbRow r) => new(
        Name: r.String("name") ?? "",
        Uuid: r.Uuid,
        Type: r.String("type") ?? "",
        Options: Ovsdb.AsStringMap(r["options"]),
        Error: r.String("error") is { Length: > 0 } e ? e : null,
        OfPort: Ovsdb.AsLong(r["ofport"]) is { } ofport ? (int)ofport : null,
        AdminState: r.String("admin_state"),
        LinkState: r.String("link_state"),
        Statistics: Ovsdb.AsLongMap(r["statistics"]))
    {
        MtuRequest = Ovsdb.AsLong(r["mtu_request"]) is { } req ? (int)req : null,
        Mtu = Ovsdb.AsLong(r["mtu"]) is { } mtu ? (int)mtu : null,
    };
}
