using System.Net;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Operations;

/// <summary>The questions operations ask of a snapshot: does it exist, who uses this address, is it on-link.</summary>
public static class HostQueries
{
    public static bool IsLinuxBridge(this HostSnapshot s, string name) =>
        s.Bridges.Any(b => b.Name == name) || s.FindLink(name)?.Kind == LinkKind.Bridge;

    public static LinuxBridge? FindBridge(this HostSnapshot s, string name) => s.Bridges.FirstOrDefault(b => b.Name == name);

    public static OvsBridge? FindOvsBridge(this HostSnapshot s, string name) =>
        s.Ovs?.Bridges.FirstOrDefault(b => b.Name == name);

    /// <summary>The OVS bridge holding a port of that name, if any (port names are unique in OVSDB).</summary>
    public static (OvsBridge Bridge, OvsPort Port)? FindOvsPort(this HostSnapshot s, string port)
    {
        foreach (var b in s.Ovs?.Bridges ?? [])
            foreach (var p in b.Ports)
                if (p.Name == port) return (b, p);
        return null;
    }

    /// <summary>
    /// Why <paramref name="l"/> cannot become a Linux bridge port, or null: Open vSwitch's own
    /// datapath devices (ovs-system of the kernel datapath, ovs-netdev of the userspace one),
    /// and a device that is already a (non-internal) port of an OVS bridge. An OVS bridge's
    /// internal port (the seed's obr0) can join a Linux bridge.
    /// </summary>
    public static string? NotABridgePort(this HostSnapshot s, Link l)
    {
        if (l.Name is "ovs-system" or "ovs-netdev")
            return $"{l.Name} is Open vSwitch's own datapath device, not an interface to attach";
        if (s.FindOvsPort(l.Name) is { } owner && owner.Port.Interfaces.All(i => i.Type != "internal"))
            return $"{l.Name} is a port of OVS bridge {owner.Bridge.Name}; remove it there first (nettui ovs port del {owner.Bridge.Name} {l.Name})";
        return null;
    }

    /// <summary>Null when OVSDB answered; otherwise why it did not (for a field "ovs" error).</summary>
    public static string? OvsUnavailable(this HostSnapshot s)
    {
        if (s.Ovs is not null) return null;
        var src = s.Source(SourceKind.Ovs);
        return src?.Reason ?? "Open vSwitch was not read (is ovsdb-server running? see --ovs-db)";
    }

    /// <summary>Prefixes on each link, parsed (addresses the model could not parse are skipped).</summary>
    public static IEnumerable<(Link Link, IpPrefix Prefix)> Addresses(this HostSnapshot s)
    {
        foreach (var l in s.Links)
            foreach (var a in l.Addresses)
            {
                var p = IpPrefix.Parse(a.Cidr);
                if (p.Ok) yield return (l, p.Get());
            }
    }

    /// <summary>
    /// A gateway is reachable on-link when a subnet of one of the host's addresses holds it
    /// (on <paramref name="dev"/> if given), or when a link-scope route (no gateway) covers it.
    /// </summary>
    public static bool IsOnLink(this HostSnapshot s, IPAddress gateway, string? dev)
    {
        foreach (var (link, prefix) in s.Addresses())
            if ((dev is null || link.Name == dev) && prefix.Contains(gateway) && !prefix.Address.Equals(gateway))
                return true;
        foreach (var r in s.Routes)
        {
            if (r.Gateway is not null || r.Device is null || (dev is not null && r.Device != dev)) continue;
            if (r.Type is not ("unicast" or "") || !IsMainTable(r.Table)) continue;
            var d = DestinationOf(r);
            if (d is not null && d.PrefixLength > 0 && d.Contains(gateway)) return true;
        }
        return false;
    }

    public static bool IsMainTable(string? table) => table is null or "" or "main" or "254";

    /// <summary>A route's destination with its family: `ip -j -6 route` prints the IPv6 default as "default" too.</summary>
    public static IpPrefix? DestinationOf(Route r) =>
        r.Destination == "default" && r.Family == Model.AddressFamily.Inet6
            ? IpPrefix.Of(System.Net.IPAddress.IPv6Any, 0)
            : ParseDestination(r.Destination);

    /// <summary>A route's destination as iproute2 prints it: "default", "10.0.0.0/24" or a bare host address.</summary>
    public static IpPrefix? ParseDestination(string destination)
    {
        var d = RouteDestination.Parse(destination);
        if (d.Ok) return d.Get().Prefix;
        var p = IpPrefix.Parse(destination);
        return p.Ok ? p.Get() : null;
    }

    /// <summary>Normalises "main"/"254"/null to one name, so routes from `ip -j` compare with what was asked.</summary>
    public static string TableName(string? table)
    {
        if (IsMainTable(table)) return "main";
        var t = RouteTable.Parse(table);
        return t.Ok ? t.Get().Name : table!;
    }

    /// <summary>Routes equal to the given destination, table and (where given) gateway, device and metric.</summary>
    public static IEnumerable<Route> MatchingRoutes(this HostSnapshot s, RouteDestination dest, IpAddress? via, string? dev, Metric? metric, RouteTable? table)
    {
        var wantTable = table?.Name ?? "main";
        foreach (var r in s.Routes)
        {
            if (TableName(r.Table) != wantTable) continue;
            if (r.Type is not ("unicast" or "")) continue;
            var d = DestinationOf(r);
            if (d is null || !d.SameAs(dest.Prefix)) continue;
            if (via is not null && (r.Gateway is null || !IPAddress.TryParse(r.Gateway, out var gw) || !gw.Equals(via.Value))) continue;
            if (dev is not null && r.Device != dev) continue;
            if (metric is not null && (uint)(r.Metric ?? 0) != metric.Value) continue;
            yield return r;
        }
    }

    /// <summary>Errors for names that must (or must not) name an existing link.</summary>
    public static ValueError? LinkMustExist(this HostSnapshot s, string name, string field) =>
        s.FindLink(name) is null ? new ValueError(field, $"there is no interface {name}") : null;

    public static ValueError? LinkMustNotExist(this HostSnapshot s, string name, string field) =>
        s.FindLink(name) is { } l ? new ValueError(field, $"an interface named {name} already exists ({KindWord(l)})") : null;

    public static string KindWord(Link l) => l.Kind switch
    {
        LinkKind.Other => l.Label ?? "other",
        LinkKind.OvsInternal => "OVS internal port",
        _ => l.Kind.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// Clash checks for putting <paramref name="prefix"/> on <paramref name="iface"/>: the
    /// address is not on another interface, and on a bridge, the subnet does not overlap
    /// another bridge's (two bridges answering for one subnet break routing silently).
    /// </summary>
    public static IEnumerable<ValueError> AddressClashes(this HostSnapshot s, IpPrefix prefix, string iface, bool ifaceIsBridge, string field)
    {
        foreach (var (link, p) in s.Addresses())
        {
            if (p.Address.Equals(prefix.Address))
            {
                yield return link.Name == iface
                    ? new ValueError(field, $"{iface} already has {p}")
                    : new ValueError(field, $"{prefix.Address} is already used on {link.Name}");
                yield break;
            }
        }
        if (!ifaceIsBridge) yield break;
        foreach (var (link, p) in s.Addresses())
        {
            if (link.Name == iface || !s.IsLinuxBridge(link.Name) || p.Address.IsIPv6LinkLocal || prefix.Address.IsIPv6LinkLocal) continue;
            if (p.Overlaps(prefix))
            {
                yield return new ValueError(field, $"subnet {prefix.Network} overlaps {p.Network} on bridge {link.Name}");
                yield break;
            }
        }
    }
}
