using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.History.Facts;

namespace NetTui.Recording;

/// <summary>
/// Which host objects an operation changes, so the journal records their facts before and
/// after it and an undo can tell whether someone changed them since. Some depend on the host
/// (the ports of a bridge being deleted, the routes through it), hence the snapshot; callers
/// ask with the snapshot before and the one after and take the union.
/// </summary>
public static class TouchedObjects
{
    public static IReadOnlyList<FactObject> Of(Operation op, HostSnapshot host) => op switch
    {
        // Persisted through NetworkManager: the host objects are those of the operation it wraps.
        NetTui.Core.Persisting.PersistedOperation p => Of(p.Inner, host),
        CreateBridge b => [.. Bridge(b.Name), .. b.Ports.Select(FactObject.Link), .. b.Routes.SelectMany(r => Routes(host, r.Destination, r.Table))],
        DeleteBridge b => [.. Bridge(b.Name), .. PortsOf(host, b.Name), .. RoutesVia(host, b.Name)],
        AddAddress a => [FactObject.Link(a.Interface), .. RoutesVia(host, a.Interface)],
        RemoveAddress a => [FactObject.Link(a.Interface), .. RoutesVia(host, a.Interface)],
        AttachToBridge a => [FactObject.Link(a.Interface), FactObject.Link(a.Bridge)],
        DetachFromBridge d => [FactObject.Link(d.Interface), .. host.FindLink(d.Interface)?.Master is { } m ? [FactObject.Link(m)] : Array.Empty<FactObject>()],
        SetLinkState s => [FactObject.Link(s.Interface)],
        SetMtu m => [FactObject.Link(m.Interface)],
        CreateOvsBridge o => [FactObject.OvsBridge(o.Name), FactObject.Link(o.Name), .. OvsPortsOf(host, o.Name)],
        DeleteOvsBridge o => [FactObject.OvsBridge(o.Name), FactObject.Link(o.Name), .. OvsPortsOf(host, o.Name)],
        AddOvsGrePort p => [.. OvsPort(p.Port)],
        AddOvsVxlanPort p => [.. OvsPort(p.Port)],
        AddOvsPort p => [.. OvsPort(p.Port)],
        DeleteOvsPort p => [.. OvsPort(p.Port)],
        CreateIpTunnel t => [FactObject.Link(t.Name)],
        DeleteIpTunnel t => [FactObject.Link(t.Name)],
        CreateVxlan v => [FactObject.Link(v.Name)],
        DeleteVxlan v => [FactObject.Link(v.Name)],
        AddRoute r => [.. Routes(host, r.Destination, r.Table)],
        DeleteRoute r => [.. Routes(host, r.Destination, r.Table)],
        // daemon.json is a file, not a network object; its FileWriteStep refuses to overwrite a changed file.
        _ => [],
    };

    /// <summary>The objects of all <paramref name="ops"/>, as seen in any of <paramref name="hosts"/>.</summary>
    public static IReadOnlyList<FactObject> Of(IEnumerable<Operation> ops, params HostSnapshot?[] hosts) =>
        [.. ops.SelectMany(op => hosts.OfType<HostSnapshot>().SelectMany(h => Of(op, h))).Distinct()];

    private static IEnumerable<FactObject> Bridge(string name) => [FactObject.Link(name), FactObject.LinuxBridge(name)];

    private static IEnumerable<FactObject> OvsPort(string port) => [FactObject.OvsPort(port), FactObject.OvsInterface(port), FactObject.Link(port)];

    private static IEnumerable<FactObject> PortsOf(HostSnapshot host, string bridge) =>
        host.Links.Where(l => l.Master == bridge).Select(l => FactObject.Link(l.Name));

    private static IEnumerable<FactObject> OvsPortsOf(HostSnapshot host, string bridge) =>
        host.Ovs?.Bridges.Where(b => b.Name == bridge).SelectMany(b => b.Ports).Where(p => p.Name != bridge)
            .SelectMany(p => OvsPort(p.Name)) ?? [];

    private static IEnumerable<FactObject> RoutesVia(HostSnapshot host, string device) =>
        host.Routes.Where(r => r.Device == device && r.Family == AddressFamily.Inet)
            .Select(r => FactObject.Route(r.Destination, r.Table, r.Family));

    /// <summary>
    /// A route as the kernel names it (its own destination and table text), found in the
    /// snapshot; when it is not there, the canonical text iproute2 would print.
    /// </summary>
    private static IEnumerable<FactObject> Routes(HostSnapshot host, string destination, string? table)
    {
        var want = HostQueries.ParseDestination(destination);
        if (want is null) return [];
        var tableName = HostQueries.TableName(table);
        var found = host.Routes
            .Where(r => HostQueries.TableName(r.Table) == tableName && HostQueries.ParseDestination(r.Destination) is { } d && d.SameAs(want))
            .Select(r => FactObject.Route(r.Destination, r.Table, r.Family))
            .ToList();
        if (found.Count > 0) return found;
        var family = want.IsV4 ? AddressFamily.Inet : AddressFamily.Inet6;
        var full = want.IsV4 ? 32 : 128;
        var text = want.PrefixLength == 0 ? "default" : want.PrefixLength == full ? want.Address.ToString() : want.ToString();
        return [FactObject.Route(text, tableName, family)];
    }
}
