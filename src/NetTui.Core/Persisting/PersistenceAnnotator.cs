using System.Collections.Immutable;
using System.Runtime.InteropServices;
using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.Core.Persisting;

/// <summary>
/// Says, for every link, address and route of a snapshot, what brings it back after a
/// reboot: a NetworkManager profile with autoconnect (matched by interface-name), else who
/// recreates the device (<see cref="BootOwners"/>: OVSDB, ovs-vswitchd, Docker, the kernel),
/// the kernel for IPv6 link-local and the routes it makes for an address, a boot configuration
/// file (ifupdown, networkd), a systemd unit NetTui generated (PersistenceAnnotator.Units.cs),
/// or nothing.
/// Pure: everything comes from the snapshot, including <see cref="HostSnapshot.NetworkManager"/>.
/// </summary>
public static partial class PersistenceAnnotator
{
    public static HostSnapshot Annotate(HostSnapshot s) => AnnotateRoutes(AnnotateLinks(s));

    /// <summary>
    /// Links and their addresses only (routes keep what they have): what a live update that
    /// re-read links needs, without touching a route table of 200,000 entries.
    /// </summary>
    public static HostSnapshot AnnotateLinks(HostSnapshot s)
    {
        var owners = BootOwners.Of(s);
        var profiles = ProfilesByInterface(s.NetworkManager);
        return s with { Links = s.Links.Select(l => WithBootFiles(AnnotateLink(l, profiles.GetValueOrDefault(l.Name), owners, s.Systemd), s.Boot)).ToImmutableArray() };
    }

    /// <summary>Routes only, from the links' annotations (call <see cref="AnnotateLinks"/> first when links changed).</summary>
    public static HostSnapshot AnnotateRoutes(HostSnapshot s)
    {
        // By name once: 200,000 routes each looking their device up in 2,000 links was most
        // of `show --json all`'s time at scale (HostSnapshot.FindLink is a linear scan).
        var byName = new Dictionary<string, Link>(StringComparer.Ordinal);
        foreach (var l in s.Links) byName.TryAdd(l.Name, l);
        var profiles = ProfilesByInterface(s.NetworkManager);
        var source = s.Routes;
        var routes = new Route[source.Length];
        // In slices on all cores at scale (each route's answer depends only on read-only lookups).
        const int Slice = 16384;
        var slices = (source.Length + Slice - 1) / Slice;
        void Annotate(int slice)
        {
            for (int i = slice * Slice, end = Math.Min(i + Slice, source.Length); i < end; i++)
                routes[i] = source[i] with { Persistence = RouteFromBootFiles(source[i], InUnit(InUnit(ForRoute(source[i], byName, profiles), s.Systemd, RouteObject(source[i])), s.Systemd, RouteObject(source[i]) with { Device = UnitObjects.AnyDevice }), s.Boot) };
        }
        if (slices > 1) Parallel.For(0, slices, Annotate);
        else if (slices == 1) Annotate(0);
        return s with { Routes = ImmutableCollectionsMarshal.AsImmutableArray(routes) };
    }

    /// <summary>Per interface once: per route, ProfileFor sorted the profiles again, 200,000 times at scale.</summary>
    private static Dictionary<string, NmProfile> ProfilesByInterface(NetworkManagerState? nm) =>
        nm?.BootProfileByInterface() ?? new Dictionary<string, NmProfile>(StringComparer.Ordinal);

    private static Link AnnotateLink(Link l, NmProfile? profile, BootOwners owners, SystemdState? units)
    {
        var where = WithPortUnit(InUnit(ForLink(l, profile, owners), units, new(UnitObjectKind.Link, l.Name)), l, units);
        var addresses = l.Addresses.Select(a => a with { Persistence = InUnit(ForAddress(a, where, profile), units, new(UnitObjectKind.Address, l.Name, a.Cidr)) }).ToImmutableArray();
        return l with { Persistence = where, Addresses = addresses };
    }

    public static Persistence ForLink(Link l, HostSnapshot s, BootOwners owners) =>
        ForLink(l, s.NetworkManager is { } nm ? nm.BootProfileByInterface().GetValueOrDefault(l.Name) : null, owners);

    private static Persistence ForLink(Link l, NmProfile? profile, BootOwners owners)
    {
        if (profile is { } p)
        {
            if (p.InMemory) return Persistence.RuntimeOnly with { Profile = p.Id, Uuid = p.Uuid, Note = "NetworkManager profile held in memory only (not saved)" };
            if (p.Autoconnect) return new(PersistenceKind.NetworkManager, p.Id, p.Uuid);
            // autoconnect=no: NetworkManager keeps the profile but does not bring it up at boot.
            var other = owners.ForDevice(l);
            return other.SurvivesReboot ? other : Persistence.RuntimeOnly with { Profile = p.Id, Uuid = p.Uuid, Note = $"profile {p.Id} has autoconnect=no: NetworkManager does not bring it up at boot" };
        }
        return owners.ForDevice(l);
    }

    private static Persistence ForAddress(LinkAddress a, Persistence link, NmProfile? profile)
    {
        if (a.Scope == "host" || link.Where == PersistenceKind.Kernel) return new(PersistenceKind.Kernel, Note: "loopback");
        if (profile is { BroughtUpAtBoot: true } && profile.Addresses.Contains(a.Cidr)) return new(PersistenceKind.NetworkManager, profile.Id, profile.Uuid);
        if (a.Scope == "link" && a.Family == AddressFamily.Inet6)
            return link.SurvivesReboot ? new(PersistenceKind.Kernel, Note: "link-local, made again with the link") : Persistence.RuntimeOnly with { Note = "link-local of a runtime-only link" };
        if (link.Where == PersistenceKind.Docker) return new(PersistenceKind.Docker);
        return Persistence.RuntimeOnly;
    }

    private static Persistence ForRoute(Route r, Dictionary<string, Link> linksByName, Dictionary<string, NmProfile> profiles)
    {
        var link = r.Device is null ? null : linksByName.GetValueOrDefault(r.Device);
        // Routes the kernel makes for an address (proto kernel, table local) come back with the address.
        if (r.Protocol == "kernel" || r.Table == "local" || r.Type is "local" or "broadcast" or "multicast")
        {
            if (link is null) return new(PersistenceKind.Kernel);
            var addr = link.Addresses.FirstOrDefault(a => a.Persistence?.SurvivesReboot == true
                                                          && HostQueries.ParseDestination(r.Destination) is { } d && d.Contains(System.Net.IPAddress.Parse(a.Address)));
            if (addr is not null || r.Destination.StartsWith("fe80", StringComparison.Ordinal) || r.Family == AddressFamily.Inet6 && r.Table == "local")
                return link.Persistence?.SurvivesReboot == true ? new(PersistenceKind.Kernel, Note: "made by the kernel for a persisted address") : Persistence.RuntimeOnly;
            return Persistence.RuntimeOnly with { Note = "made for a runtime-only address" };
        }
        if (link is not null && profiles.GetValueOrDefault(link.Name) is { BroughtUpAtBoot: true } p && p.Routes.Any(pr => Same(pr, r)))
            return new(PersistenceKind.NetworkManager, p.Id, p.Uuid);
        if (link?.Persistence?.Where == PersistenceKind.Docker) return new(PersistenceKind.Docker);
        return Persistence.RuntimeOnly;
    }

    internal static bool Same(NmProfileRoute pr, Route r)
    {
        var a = HostQueries.ParseDestination(pr.Destination);
        var b = HostQueries.ParseDestination(r.Destination);
        if (a is null || b is null || !a.SameAs(b)) return false;
        if (pr.NextHop is not null && pr.NextHop != r.Gateway) return false;
        var table = pr.Table is null or 0 or 254 ? "main" : HostQueries.TableName(pr.Table.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return table == HostQueries.TableName(r.Table);
    }
}
