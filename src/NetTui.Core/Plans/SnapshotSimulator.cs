using System.Collections.Immutable;
using System.Globalization;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Persisting;
using NetTui.Core.Values;

namespace NetTui.Core.Plans;

/// <summary>
/// The host as it would be after an operation, computed without touching it, so a plan is
/// validated step by step before anything runs (attach obr0 to br0 is valid only after
/// "create br0" and "create obr0"). It models what the next operation's checks read: links,
/// addresses, masters, MTU, up state, OVS bridges and ports, routes, daemon.json. Operations
/// it does not know leave the snapshot as it was (<see cref="Knows"/> says so to the caller).
/// </summary>
public static class SnapshotSimulator
{
    public static bool Knows(Operation op) => op is PersistedOperation p ? Knows(p.Inner) : op is CreateBridge or DeleteBridge or AddAddress or RemoveAddress or AttachToBridge
        or DetachFromBridge or SetMtu or SetLinkState or CreateOvsBridge or DeleteOvsBridge or AddOvsGrePort or AddOvsPort
        or DeleteOvsPort or CreateIpTunnel or DeleteIpTunnel or CreateVxlan or DeleteVxlan or AddOvsVxlanPort or AddRoute or DeleteRoute or SetDockerDefaultBridge or SetDockerMtu;

    /// <summary>
    /// The snapshot and context after <paramref name="op"/>; only for an operation that validated.
    /// <paramref name="planned"/>: the steps it was planned with, when the caller has them (a
    /// persisted operation's profiles then keep the uuids the preview shows).
    /// </summary>
    public static (HostSnapshot Host, OperationContext Context) After(HostSnapshot s, OperationContext ctx, Operation op, IEnumerable<PlanStep>? planned = null) => op switch
    {
        // The kernel state NetworkManager builds is the inner operation's; its profiles come from the steps.
        PersistedOperation p => AfterPersisted(s, ctx, p, [.. planned ?? p.Plan(s, ctx)]),
        CreateBridge b => (CreateBridgeOn(s, b), ctx),
        DeleteBridge b => (RemoveLink(s, b.Name), ctx),
        AddAddress a => (AddAddressOn(s, a.Interface, IpPrefix.Parse(a.Address).Get(), a.Routes), ctx),
        RemoveAddress a => (RemoveAddressFrom(s, a.Interface, IpPrefix.Parse(a.Address).Get()), ctx),
        AttachToBridge a => (SetMaster(s, a.Interface, a.Bridge), ctx),
        DetachFromBridge d => (SetMaster(s, d.Interface, null), ctx),
        SetMtu m => (Change(s, m.Interface, l => l with { Mtu = Mtu.Parse(m.Mtu).Get().Value }), ctx),
        SetLinkState u => (Change(s, u.Interface, l => l with { AdminUp = u.Up, OperState = u.Up ? "UNKNOWN" : "DOWN" }), ctx),
        CreateOvsBridge o => (CreateOvsBridgeOn(s, o), ctx),
        DeleteOvsBridge o => (DeleteOvsBridgeFrom(s, o.Name), ctx),
        AddOvsGrePort g => (AddOvsPortOn(s, g.Bridge, g.Port, "gre", g.AsPort().Options), ctx),
        AddOvsVxlanPort v => (AddOvsPortOn(s, v.Bridge, v.Port, "vxlan", v.AsPort().Options), ctx),
        AddOvsPort p => (AddOvsPortOn(s, p.Bridge, p.Port, p.Type, p.Options), ctx),
        DeleteOvsPort p => (DeleteOvsPortFrom(s, p.Port), ctx),
        CreateIpTunnel t => (CreateTunnelOn(s, t), ctx),
        DeleteIpTunnel t => (RemoveLink(s, t.Name), ctx),
        CreateVxlan v => (CreateVxlanOn(s, v), ctx),
        DeleteVxlan v => (RemoveLink(s, v.Name), ctx),
        AddRoute r => (s with { Routes = s.Routes.Add(RouteOf(r)) }, ctx),
        DeleteRoute r => (DeleteRouteFrom(s, r), ctx),
        SetDockerDefaultBridge d => (s, ctx.WithFile(d.PathIn(ctx), DaemonJson.Set(ctx.FileText(d.PathIn(ctx)), "bridge", d.Bridge))),
        SetDockerMtu d => (s, ctx.WithFile(d.PathIn(ctx), DaemonJson.SetNumber(ctx.FileText(d.PathIn(ctx)), "mtu", d.Mtu is null ? null : Mtu.Parse(d.Mtu).Get().Value))),
        _ => (s, ctx),
    };

    // A file backend's files as its steps leave them: the next operation of the plan is planned on them.
    private static (HostSnapshot, OperationContext) AfterPersisted(HostSnapshot s, OperationContext ctx, PersistedOperation p, IReadOnlyList<PlanStep> steps) =>
        After(SimulatedUnits.After(SimulatedProfiles.After(s, steps), steps),
            steps.OfType<FileWriteStep>().Aggregate(ctx, (c, f) => c.WithFile(f.Path, f.RemoveFile ? null : f.Content)), p.Inner);

    private static int NextIndex(HostSnapshot s) => s.Links.IsEmpty ? 1 : s.Links.Max(l => l.Index) + 1;

    private static Link NewLink(HostSnapshot s, string name, LinkKind kind, bool up, int mtu = 1500) =>
        new(NextIndex(s), name, kind, up ? "UNKNOWN" : "DOWN", up, mtu, null, null, null, null, []);

    private static HostSnapshot CreateBridgeOn(HostSnapshot s, CreateBridge b)
    {
        var mtu = b.Mtu is null ? 1500 : Mtu.Parse(b.Mtu).Get().Value;
        var link = NewLink(s, b.Name, LinkKind.Bridge, b.Up, mtu);
        s = s with
        {
            Links = s.Links.Add(link),
            Bridges = s.Bridges.Add(new LinuxBridge(b.Name, link.Index, "8000.000000000000", b.Stp, [])),
        };
        foreach (var a in (b.Address is null ? b.MoreAddresses : [b.Address, .. b.MoreAddresses]))
            s = AddAddressOn(s, b.Name, IpPrefix.Parse(a).Get(), []);
        foreach (var p in b.Ports) s = SetMaster(s, p, b.Name);
        foreach (var r in b.Routes) s = s with { Routes = s.Routes.Add(RouteOf(r)) };
        return s;
    }

    private static HostSnapshot Change(HostSnapshot s, string name, Func<Link, Link> change)
    {
        var l = s.FindLink(name);
        return l is null ? s : s with { Links = s.Links.Replace(l, change(l)) };
    }

    private static HostSnapshot RemoveLink(HostSnapshot s, string name)
    {
        var l = s.FindLink(name);
        if (l is null) return s;
        var links = s.Links.Remove(l).Select(x => x.Master == name ? x with { Master = null, MasterIndex = null } : x);
        return s with
        {
            Links = [.. links],
            Bridges = s.Bridges.RemoveAll(b => b.Name == name).Select(b => b with { Ports = b.Ports.RemoveAll(p => p.Name == name) }).ToImmutableArray(),
            Routes = s.Routes.RemoveAll(r => r.Device == name),
        };
    }

    private static HostSnapshot AddAddressOn(HostSnapshot s, string iface, IpPrefix p, ImmutableArray<AddRoute> routes)
    {
        var family = p.IsV4 ? AddressFamily.Inet : AddressFamily.Inet6;
        s = Change(s, iface, l => l with { Addresses = l.Addresses.Add(new LinkAddress(family, p.Address.ToString(), p.PrefixLength, "global")) });
        // The kernel adds the connected route with the address.
        var connected = new Route(family, $"{p.Network.BaseAddress}/{p.PrefixLength}", null, iface, "kernel", "link", null, "main", "unicast", p.Address.ToString());
        s = s with { Routes = s.Routes.Add(connected) };
        foreach (var r in routes.IsDefault ? [] : routes) s = s with { Routes = s.Routes.Add(RouteOf(r)) };
        return s;
    }

    private static HostSnapshot RemoveAddressFrom(HostSnapshot s, string iface, IpPrefix p)
    {
        s = Change(s, iface, l => l with { Addresses = l.Addresses.RemoveAll(a => IpPrefix.Parse(a.Cidr) is { Ok: true } q && q.Get().SameAs(p)) });
        return s with { Routes = s.Routes.RemoveAll(r => r.Device == iface && r.Protocol == "kernel" && r.PreferredSource == p.Address.ToString()) };
    }

    private static HostSnapshot SetMaster(HostSnapshot s, string iface, string? master)
    {
        var l = s.FindLink(iface);
        if (l is null) return s;
        var old = l.Master;
        var masterIndex = master is null ? null : s.FindLink(master)?.Index;
        s = s with { Links = s.Links.Replace(l, l with { Master = master, MasterIndex = masterIndex }) };
        var bridges = s.Bridges.Select(b =>
            b.Name == old ? b with { Ports = b.Ports.RemoveAll(p => p.Name == iface) }
            : b.Name == master ? b with { Ports = b.Ports.Add(new BridgePort(iface, l.Index, "forwarding", null, null)) }
            : b);
        return s with { Bridges = [.. bridges] };
    }

    private static OvsState Ovs(HostSnapshot s) => s.Ovs ?? new OvsState(null, []);

    private static OvsInterface Interface(string name, string type, IEnumerable<KeyValuePair<string, string>> options) =>
        new(name, "", type, options.ToImmutableSortedDictionary(), null, null, null, null, ImmutableSortedDictionary<string, long>.Empty);

    private static HostSnapshot CreateOvsBridgeOn(HostSnapshot s, CreateOvsBridge o)
    {
        var ovs = Ovs(s);
        var local = new OvsPort(o.Name, "", null, [Interface(o.Name, "internal", [])]);
        var ports = o.Ports.IsDefault ? [] : o.Ports.Select(p => new OvsPort(p.Port, "", null, [Interface(p.Port, p.Type, p.Options)]));
        var bridge = new OvsBridge(o.Name, "", o.DatapathWord, [local, .. ports]);
        s = s with
        {
            Ovs = ovs with { Bridges = ovs.Bridges.Add(bridge) },
            Links = s.Links.Add(NewLink(s, o.Name, LinkKind.OvsInternal, o.Up == true)),
        };
        foreach (var a in o.Addresses.IsDefault ? [] : o.Addresses) s = AddAddressOn(s, o.Name, IpPrefix.Parse(a).Get(), []);
        if (o.Master is not null) s = SetMaster(s, o.Name, o.Master);
        return s;
    }

    private static HostSnapshot DeleteOvsBridgeFrom(HostSnapshot s, string name)
    {
        var b = s.FindOvsBridge(name);
        if (b is null) return s;
        s = s with { Ovs = Ovs(s) with { Bridges = Ovs(s).Bridges.Remove(b) } };
        foreach (var p in b.Ports)
            if (s.FindLink(p.Name) is { Kind: LinkKind.OvsInternal }) s = RemoveLink(s, p.Name);
        return s;
    }

    private static HostSnapshot AddOvsPortOn(HostSnapshot s, string bridge, string port, string type, IEnumerable<KeyValuePair<string, string>> options)
    {
        var b = s.FindOvsBridge(bridge);
        if (b is null) return s;
        var nb = b with { Ports = b.Ports.Add(new OvsPort(port, "", null, [Interface(port, type, options)])) };
        s = s with { Ovs = Ovs(s) with { Bridges = Ovs(s).Bridges.Replace(b, nb) } };
        return type == "internal" ? s with { Links = s.Links.Add(NewLink(s, port, LinkKind.OvsInternal, false)) } : s;
    }

    private static HostSnapshot DeleteOvsPortFrom(HostSnapshot s, string port)
    {
        if (s.FindOvsPort(port) is not { } found) return s;
        var nb = found.Bridge with { Ports = found.Bridge.Ports.Remove(found.Port) };
        s = s with { Ovs = Ovs(s) with { Bridges = Ovs(s).Bridges.Replace(found.Bridge, nb) } };
        return s.FindLink(port) is { Kind: LinkKind.OvsInternal } ? RemoveLink(s, port) : s;
    }

    private static HostSnapshot CreateTunnelOn(HostSnapshot s, CreateIpTunnel t)
    {
        var gretap = Choice.Mode(t.Mode).Get() == TunnelMode.Gretap;
        var key = t.Key is null ? (uint?)null : GreKey.Parse(t.Key).Get().Value;
        var ttl = t.Ttl is null ? (int?)null : int.Parse(t.Ttl, CultureInfo.InvariantCulture);
        // The kernel sizes a new tunnel for its overhead: 1476 for gre, 1462 for gretap over a 1500 underlay.
        var link = NewLink(s, t.Name, gretap ? LinkKind.Gretap : LinkKind.Gre, t.Up, gretap ? 1462 : 1476) with
        {
            Tunnel = new TunnelInfo(IpAddress.Parse(t.Remote).Get().ToString(), t.Local is null ? null : IpAddress.Parse(t.Local).Get().ToString(), key, ttl),
        };
        return s with { Links = s.Links.Add(link) };
    }

    private static HostSnapshot CreateVxlanOn(HostSnapshot s, CreateVxlan v)
    {
        // The kernel sizes a VXLAN bound to an underlay 50 bytes below it (IPv4), else 1500.
        var mtu = v.Mtu is not null ? Mtu.Parse(v.Mtu).Get().Value : v.Underlay is not null && s.FindLink(v.Underlay) is { } u ? u.Mtu - 50 : 1500;
        static string? Ip(string? t) => t is null ? null : IpAddress.Parse(t).Get().ToString();
        var link = NewLink(s, v.Name, LinkKind.Vxlan, v.Up, mtu) with
        {
            Tunnel = new TunnelInfo(Ip(v.Remote), Ip(v.Local), (uint)Vni.Parse(v.Vni).Get().Value, null)
            {
                Group = Ip(v.Group), DstPort = v.Port, Learning = v.Learning, Underlay = v.Underlay,
            },
        };
        return s with { Links = s.Links.Add(link) };
    }

    private static Route RouteOf(AddRoute r)
    {
        var d = RouteDestination.Parse(r.Destination).Get();
        var dest = d.Prefix.PrefixLength == 0 ? "default" : $"{d.Prefix.Network.BaseAddress}/{d.Prefix.PrefixLength}";
        var via = r.Via is null ? null : IpAddress.Parse(r.Via).Get().ToString();
        return new Route(d.Prefix.IsV4 ? AddressFamily.Inet : AddressFamily.Inet6, dest, via, r.Dev, "boot", via is null ? "link" : "universe",
            r.Metric is null ? null : (int)Metric.Parse(r.Metric).Get().Value, r.Table ?? "main", "unicast");
    }

    private static HostSnapshot DeleteRouteFrom(HostSnapshot s, DeleteRoute r)
    {
        var d = RouteDestination.Parse(r.Destination).Get();
        var via = r.Via is null ? null : IpAddress.Parse(r.Via).Get();
        var metric = r.Metric is null ? null : Metric.Parse(r.Metric).Get();
        var table = r.Table is null ? null : RouteTable.Parse(r.Table).Get();
        var match = s.MatchingRoutes(d, via, r.Dev, metric, table).FirstOrDefault();
        return match is null ? s : s with { Routes = s.Routes.Remove(match) };
    }
}
