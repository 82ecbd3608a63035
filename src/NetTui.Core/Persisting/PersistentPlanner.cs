using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Values;
using static NetTui.Core.Persisting.PersistentPlan;

namespace NetTui.Core.Persisting;

/// <summary>
/// Turns an operation into NetworkManager profile steps when NetworkManager holds (or can
/// hold) the objects it touches; otherwise says why it stays a runtime change. Pure: it reads
/// the profiles from <see cref="HostSnapshot.NetworkManager"/>. Admins' profiles are used and
/// edited, never duplicated: a second profile for an interface that has one is never made.
/// Bridges, tunnels and deletes here; addresses and routes in PersistentPlanner.Addresses.cs.
/// </summary>
public static partial class PersistentPlanner
{
    /// <summary>
    /// Operations NetworkManager can hold (the cases of <see cref="Plan"/> that make profile
    /// steps). Others stay runtime commands; OVS and Docker ones persist elsewhere anyway.
    /// </summary>
    public static bool CanPersist(Operation op) => op is Operations.CreateBridge or DeleteBridge or AttachToBridge or DetachFromBridge
        or Operations.AddAddress or Operations.RemoveAddress or Operations.AddRoute or Operations.DeleteRoute or CreateIpTunnel or DeleteIpTunnel
        or Operations.CreateVxlan or DeleteVxlan;

    public static PersistentPlan Plan(Operation op, HostSnapshot host, Func<Guid>? newUuid = null)
    {
        var uuid = newUuid ?? Guid.NewGuid;
        if (KeptByItsDaemon(op) is { } kept) return kept;
        var nm = host.NetworkManager;
        if (nm is null) return Runtime("NetworkManager was not consulted");
        if (!nm.Available) return Runtime($"NetworkManager is not available: {nm.Reason}");
        if (DockerOwned.Touched(op, host) is { } owned) return Runtime(DockerOwned.Reason(owned));
        return op switch
        {
            CreateBridge c => CreateBridge(c, host, nm, uuid),
            DeleteBridge d => DeleteProfiles(d.Name, host, nm, includePorts: true),
            AttachToBridge a => Attach(a, host, nm, uuid),
            DetachFromBridge d => Detach(d, nm),
            AddAddress a => AddAddress(a, host, nm, uuid),
            RemoveAddress r => RemoveAddress(r, nm),
            AddRoute r => AddRoute(r, host, nm),
            DeleteRoute r => DeleteRoute(r, host, nm),
            CreateIpTunnel t => CreateTunnel(t, nm, uuid),
            DeleteIpTunnel t => DeleteProfiles(t.Name, host, nm, includePorts: false),
            Operations.CreateVxlan v => CreateVxlan(v, nm, uuid),
            DeleteVxlan v => DeleteProfiles(v.Name, host, nm, includePorts: false),
            _ => Runtime($"NetTui does not persist \"{op.Describe()}\""),
        };
    }

    /// <summary>Operations whose daemon keeps them whatever the backend (OVSDB, daemon.json); null for the others.</summary>
    public static PersistentPlan? KeptByItsDaemon(Operation op) => op switch
    {
        CreateOvsBridge or DeleteOvsBridge or AddOvsGrePort or AddOvsVxlanPort or AddOvsPort or DeleteOvsPort => Elsewhere("persistent: Open vSwitch keeps this in OVSDB (conf.db)"),
        SetDockerDefaultBridge or SetDockerMtu => Elsewhere("persistent: written to Docker's daemon.json"),
        _ => null,
    };

    // ---- bridges -------------------------------------------------------------------------

    private static PersistentPlan CreateBridge(CreateBridge c, HostSnapshot host, NetworkManagerState nm, Func<Guid> uuid)
    {
        var addresses = new[] { c.Address }.Concat(c.MoreAddresses).OfType<string>().Select(a => IpPrefix.Parse(a).Get()).ToList();
        var routes = c.Routes.Where(r => r.Dev == c.Name).Select(RouteSpec).ToList();
        if (routes.Any(r => r is null)) return Runtime($"a route through {c.Name} uses a named table NetworkManager cannot take");
        if (c.Routes.Any(r => r.Dev != c.Name)) return Runtime($"routes through other interfaces than {c.Name} are part of this change");
        var steps = new List<PlanStep>();
        string bridgeUuid, bridgeId;
        if (nm.ProfileFor(c.Name) is { } existing)
        {
            // An admin's (or an old) profile for this name: use it, never add a second one.
            if (existing.Type != ProfileBuilder.BridgeType)
                return Runtime($"profile {existing.Id} for {c.Name} is of type {existing.Type}, not bridge");
            var edits = new List<ProfileEdit> { new SetValueEdit(NmKeys.Bridge, NmKeys.Stp, c.Stp, existing.Settings?.Get(NmKeys.Bridge, NmKeys.Stp)) };
            if (BridgeMtu(c) is { } mtu) edits.Add(new SetValueEdit(NmKeys.Ethernet, NmKeys.Mtu, mtu, existing.Settings?.Get(NmKeys.Ethernet, NmKeys.Mtu)));
            edits.AddRange(addresses.Where(a => !existing.Addresses.Contains(a.ToString())).Select(a => AddAddressEditFor(existing, a)));
            edits.AddRange(routes.Select(r => new AddRouteEdit(r!.Destination.ToString(), r.NextHop, r.Metric, r.Table)));
            var update = new UpdateProfile(existing.Uuid, existing.Id, [.. edits], Reapply: false);
            steps.Add(new NetworkManagerStep($"update profile {existing.Id} for bridge {c.Name}", update, [update.Reversed()]));
            (bridgeUuid, bridgeId) = (existing.Uuid, existing.Id);
        }
        else
        {
            var settings = BridgeProfile(c, uuid(), addresses, routes!);
            steps.Add(Add(settings, $"save bridge profile {settings.Id}"));
            (bridgeUuid, bridgeId) = (settings.Uuid, settings.Id);
        }
        steps.Add(Activate(bridgeUuid, bridgeId, null, $"activate {bridgeId}: NetworkManager creates {c.Name}"));
        foreach (var port in c.Ports)
        {
            var p = PortSteps(bridgeUuid, c.Name, port, host, nm, uuid);
            if (!p.Persistent) return p;
            steps.AddRange(p.Steps);
        }
        return Nm($"persistent: NetworkManager profile {bridgeId}, saved to disk", steps);
    }

    /// <summary>The profile a new bridge gets (also what `nettui export ansible` hands to the nmcli module): its addresses, STP, MTU and the routes through it.</summary>
    public static NmSettings BridgeProfile(CreateBridge c, Guid uuid, IEnumerable<IpPrefix> addresses, IEnumerable<ProfileRouteSpec> routes) =>
        ProfileBuilder.Bridge(c.Name, uuid, c.Stp, addresses, routes, BridgeMtu(c));

    /// <summary>The profile of a kernel GRE/GRETAP tunnel.</summary>
    public static NmSettings TunnelProfile(CreateIpTunnel t, Guid uuid)
    {
        var mode = Choice.Mode(t.Mode).Get() == TunnelMode.Gretap ? ProfileBuilder.ModeGretap : ProfileBuilder.ModeGre;
        return ProfileBuilder.IpTunnel(t.Name, uuid, mode, IpAddress.Parse(t.Remote).Get().ToString(),
            t.Local is null ? null : IpAddress.Parse(t.Local).Get().ToString(),
            t.Key is null ? null : GreKey.Parse(t.Key).Get().Value,
            t.Ttl is null ? null : (uint)Ttl.Parse(t.Ttl).Get().Value);
    }

    /// <summary>The profile of a kernel VXLAN.</summary>
    public static NmSettings VxlanProfile(Operations.CreateVxlan v, Guid uuid) =>
        ProfileBuilder.Vxlan(v.Name, uuid, (uint)Vni.Parse(v.Vni).Get().Value, IpAddress.Parse(v.Remote ?? v.Group).Get().ToString(),
            v.Local is null ? null : IpAddress.Parse(v.Local).Get().ToString(), (uint)v.Port, v.Underlay, v.Learning,
            v.Mtu is null ? null : (uint)Mtu.Parse(v.Mtu).Get().Value);

    private static uint? BridgeMtu(CreateBridge c) => c.Mtu is null ? null : (uint)Mtu.Parse(c.Mtu).Get().Value;

    private static PersistentPlan Attach(AttachToBridge a, HostSnapshot host, NetworkManagerState nm, Func<Guid> uuid)
    {
        var bridge = nm.ProfilesFor(a.Bridge).FirstOrDefault(p => p.Type == ProfileBuilder.BridgeType);
        if (bridge is null)
            return Runtime($"bridge {a.Bridge} has no NetworkManager profile; make it persistent first (nettui persist make {a.Bridge})");
        var p = PortSteps(bridge.Uuid, a.Bridge, a.Interface, host, nm, uuid);
        return p.Persistent ? Nm($"persistent: {a.Interface} becomes a port of profile {bridge.Id}", p.Steps) : p;
    }

    /// <summary>The steps that make <paramref name="port"/> a port of the bridge profile: edit the port's own profile if it has one, else add one.</summary>
    private static PersistentPlan PortSteps(string bridgeUuid, string bridge, string port, HostSnapshot host, NetworkManagerState nm, Func<Guid> uuid)
    {
        var link = host.FindLink(port);
        var type = link?.Kind switch
        {
            LinkKind.Ethernet or LinkKind.Veth => ProfileBuilder.EthernetType,
            LinkKind.Tap => ProfileBuilder.TunType,
            _ => null,
        };
        if (nm.ProfileFor(port) is { } existing)
        {
            var edits = ImmutableArray.Create<ProfileEdit>(
                new SetValueEdit(NmKeys.Connection, NmKeys.Master, bridgeUuid, existing.Settings?.Get(NmKeys.Connection, NmKeys.Master)),
                new SetValueEdit(NmKeys.Connection, NmKeys.SlaveType, "bridge", existing.Settings?.Get(NmKeys.Connection, NmKeys.SlaveType)));
            var update = new UpdateProfile(existing.Uuid, existing.Id, edits, Reapply: false);
            return Nm("", [
                new NetworkManagerStep($"make profile {existing.Id} a port of {bridge}", update, [update.Reversed()]),
                Activate(existing.Uuid, existing.Id, port, $"activate {existing.Id}: {port} joins {bridge}"),
            ]);
        }
        if (type is null)
            return Runtime(link?.Kind == LinkKind.OvsInternal
                ? $"{port} is an Open vSwitch internal port; this NetworkManager cannot hold it, so its attachment to {bridge} is runtime only"
                : $"NetworkManager profiles for a {link?.Kind.ToString().ToLowerInvariant() ?? "missing interface"} port are not made by NetTui");
        var settings = ProfileBuilder.BridgePort(port, uuid(), type, bridgeUuid);
        return Nm("", [
            Add(settings, $"save port profile {settings.Id}"),
            Activate(settings.Uuid, settings.Id, port, $"activate {settings.Id}: {port} joins {bridge}"),
        ]);
    }

    private static PersistentPlan Detach(DetachFromBridge d, NetworkManagerState nm)
    {
        var p = nm.ProfilesFor(d.Interface).FirstOrDefault(x => x.IsPort);
        if (p is null) return Elsewhere($"{d.Interface} is not a port in any NetworkManager profile: detaching it at runtime is enough");
        if (p.Managed)
            return Nm($"persistent: NetTui's port profile {p.Id} is deleted", [Delete(p, activateOnUndo: true)]);
        // An admin's profile: keep it, as a standalone profile without IP (not DHCP, which clearing master would default to).
        var s = p.Settings;
        var update = new UpdateProfile(p.Uuid, p.Id, [
            new SetValueEdit(NmKeys.Connection, NmKeys.Master, null, s?.Get(NmKeys.Connection, NmKeys.Master)),
            new SetValueEdit(NmKeys.Connection, NmKeys.SlaveType, null, s?.Get(NmKeys.Connection, NmKeys.SlaveType)),
            new SetValueEdit(NmKeys.Ipv4, NmKeys.Method, "disabled", null),
            new SetValueEdit(NmKeys.Ipv6, NmKeys.Method, "ignore", null),
        ], Reapply: false);
        return Nm($"persistent: profile {p.Id} is no longer a port", [
            new NetworkManagerStep($"remove {d.Interface} from its bridge in profile {p.Id}", update, [update.Reversed()]),
            Activate(p.Uuid, p.Id, d.Interface, $"activate {p.Id} without a bridge"),
        ]);
    }

    // ---- tunnels and deletes -------------------------------------------------------------------

    private static PersistentPlan CreateTunnel(CreateIpTunnel t, NetworkManagerState nm, Func<Guid> uuid)
    {
        if (nm.ProfileFor(t.Name) is { } existing)
            return Runtime($"profile {existing.Id} already exists for {t.Name}; NetTui does not make a second one");
        var settings = TunnelProfile(t, uuid());
        return Nm($"persistent: NetworkManager profile {settings.Id}, saved to disk", [
            Add(settings, $"save tunnel profile {settings.Id}"),
            Activate(settings.Uuid, settings.Id, null, $"activate {settings.Id}: NetworkManager creates {t.Name}"),
        ]);
    }

    private static PersistentPlan CreateVxlan(Operations.CreateVxlan v, NetworkManagerState nm, Func<Guid> uuid)
    {
        if (nm.ProfileFor(v.Name) is { } existing)
            return Runtime($"profile {existing.Id} already exists for {v.Name}; NetTui does not make a second one");
        if (!v.Up) return Runtime("NetworkManager brings up the devices of its profiles; a VXLAN kept down stays a runtime change");
        var settings = VxlanProfile(v, uuid());
        return Nm($"persistent: NetworkManager profile {settings.Id}, saved to disk", [
            Add(settings, $"save VXLAN profile {settings.Id}"),
            Activate(settings.Uuid, settings.Id, null, $"activate {settings.Id}: NetworkManager creates {v.Name}"),
        ]);
    }

    /// <summary>Deletes the profiles of a software device (NetworkManager then removes the device); NetTui's port profiles go with a bridge.</summary>
    private static PersistentPlan DeleteProfiles(string name, HostSnapshot host, NetworkManagerState nm, bool includePorts)
    {
        var own = nm.ProfilesFor(name).ToList();
        if (own.Count == 0) return Elsewhere($"{name} has no NetworkManager profile: deleting it at runtime is enough");
        var steps = new List<PlanStep>();
        if (includePorts)
        {
            var refs = own.Select(p => p.Uuid).Append(name).ToHashSet(StringComparer.Ordinal);
            foreach (var port in nm.Profiles.Where(p => p.Master is not null && refs.Contains(p.Master)))
            {
                if (port.Managed) steps.Add(Delete(port, activateOnUndo: port.ActiveDevice is not null));
                else
                {
                    var update = new UpdateProfile(port.Uuid, port.Id, [
                        new SetValueEdit(NmKeys.Connection, NmKeys.Master, null, port.Settings?.Get(NmKeys.Connection, NmKeys.Master)),
                        new SetValueEdit(NmKeys.Connection, NmKeys.SlaveType, null, port.Settings?.Get(NmKeys.Connection, NmKeys.SlaveType)),
                        new SetValueEdit(NmKeys.Ipv4, NmKeys.Method, "disabled", null),
                        new SetValueEdit(NmKeys.Ipv6, NmKeys.Method, "ignore", null),
                    ], Reapply: false);
                    steps.Add(new NetworkManagerStep($"profile {port.Id} is no longer a port of {name}", update, [update.Reversed()]));
                }
            }
        }
        foreach (var p in own) steps.Add(Delete(p, activateOnUndo: p.ActiveDevice is not null || host.FindLink(name) is not null));
        return Nm($"persistent: profile(s) {string.Join(", ", own.Select(p => p.Id))} deleted; NetworkManager removes {name}", steps);
    }

    // ---- step shorthands ---------------------------------------------------------------------

    private static NetworkManagerStep Add(NmSettings s, string description) =>
        new(description, new AddProfile(s), [new DeleteProfile(s.Uuid, s.Id)]);

    private static NetworkManagerStep Activate(string uuid, string id, string? device, string description) =>
        new(description, new ActivateProfile(uuid, id, device), [new DeactivateProfile(uuid, id)]);

    /// <summary>Delete, undone by adding the profile back as it was read (and activating it if it was active).</summary>
    private static NetworkManagerStep Delete(NmProfile p, bool activateOnUndo)
    {
        ImmutableArray<NmAction> undo = p.Settings is null ? [] : activateOnUndo
            ? [new AddProfile(p.Settings), new ActivateProfile(p.Uuid, p.Id, p.Type is ProfileBuilder.BridgeType or ProfileBuilder.IpTunnelType or ProfileBuilder.VxlanType ? null : p.InterfaceName)]
            : [new AddProfile(p.Settings)];
        return new NetworkManagerStep($"delete profile {p.Id}", new DeleteProfile(p.Uuid, p.Id), undo);
    }

    /// <summary>The addresses a profile made from live state keeps: global ones (the kernel makes link-local itself).</summary>
    public static IEnumerable<IpPrefix> LiveAddresses(Link link) =>
        link.Addresses.Where(a => a.Scope != "link" && a.Scope != "host")
            .Select(a => IpPrefix.Parse(a.Cidr)).Where(p => p.Ok).Select(p => p.Get());

    /// <summary>Static routes through the device in the main table (not the kernel's own).</summary>
    public static IEnumerable<ProfileRouteSpec> LiveRoutes(HostSnapshot host, string dev) =>
        host.Routes.Where(r => r.Device == dev && r.Protocol is not ("kernel" or "ra" or "dhcp") && r.Type is "unicast" && HostQueries.IsMainTable(r.Table)
                               && HostQueries.ParseDestination(r.Destination) is not null)
            .Select(r => new ProfileRouteSpec(HostQueries.ParseDestination(r.Destination)!, r.Gateway, r.Metric is null ? null : (uint)r.Metric.Value, null));
}
