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
        if (docs.Length != 4)
            throw new FormatException($"expected 4 tables from ovs-vsctl, got {docs.Length}");
        return Parse(OvsdbTable.Parse(docs[1]), OvsdbTable.Parse(docs[2]), OvsdbTable.Parse(docs[3]), OvsdbTable.Parse(docs[0]));
    }

    public static OvsState Parse(OvsdbTable bridges, OvsdbTable ports, OvsdbTable interfaces, OvsdbTable? openVSwitch = null)
    {
        var interfaceByUuid = interfaces.Rows.ToDictionary(r => r.Uuid, ToInterface);
        var portByUuid = ports.Rows.ToDictionary(r => r.Uuid, r => ToPort(r, interfaceByUuid));

        var result = bridges.Rows
            .Select(b => new OvsBridge(
                Name: b.String("name") ?? "",
                Uuid: b.Uuid,
                DatapathType: b.String("datapath_type") ?? "",
                Ports: [.. Ovsdb.AsUuids(b["ports"])
                    .Where(portByUuid.ContainsKey)
                    .Select(u => portByUuid[u])
                    .OrderBy(p => p.Name, StringComparer.Ordinal)]))
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
            .OrderBy(i => i.Name, StringComparer.Ordinal)]);

    private static OvsInterface ToInterface(OvsdbRow r) => new(
        Name: r.String("name") ?? "",
        Uuid: r.Uuid,
        Type: r.String("type") ?? "",
        Options: Ovsdb.AsStringMap(r["options"]),
        Error: r.String("error") is { Length: > 0 } e ? e : null,
        OfPort: Ovsdb.AsLong(r["ofport"]) is { } ofport ? (int)ofport : null,
        AdminState: r.String("admin_state"),
        LinkState: r.String("link_state"),
        Statistics: Ovsdb.AsLongMap(r["statistics"]));
}
