using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Values;
using static NetTui.Core.Persisting.PersistentPlan;

namespace NetTui.Core.Persisting;

/// <summary>The address and route cases of <see cref="PersistentPlanner"/>: edits of the profile that holds the interface.</summary>
public static partial class PersistentPlanner
{
    // ---- addresses ---------------------------------------------------------------------------

    private static PersistentPlan AddAddress(AddAddress a, HostSnapshot host, NetworkManagerState nm, Func<Guid> uuid)
    {
        var prefix = IpPrefix.Parse(a.Address).Get();
        var link = host.FindLink(a.Interface);
        if (nm.ProfileFor(a.Interface) is { } p)
        {
            if (p.IsPort) return Runtime($"{a.Interface} is a port in profile {p.Id}; a port has no addresses of its own in NetworkManager");
            var update = new UpdateProfile(p.Uuid, p.Id, [AddAddressEditFor(p, prefix)]);
            return Nm($"persistent: added to profile {p.Id}", [new NetworkManagerStep($"add {prefix} to profile {p.Id}", update, [update.Reversed()])]);
        }
        if (link is null) return Runtime($"there is no interface {a.Interface}");
        var live = LiveAddresses(link).Append(prefix).ToList();
        var routes = LiveRoutes(host, a.Interface).ToList();
        NmSettings settings;
        switch (link.Kind)
        {
            case LinkKind.Bridge:
                settings = ProfileBuilder.Bridge(a.Interface, uuid(), host.FindBridge(a.Interface)?.StpEnabled ?? false, live, routes);
                break;
            case LinkKind.Ethernet or LinkKind.Veth or LinkKind.Tap:
                settings = ProfileBuilder.Addresses(a.Interface, uuid(), link.Kind == LinkKind.Tap ? ProfileBuilder.TunType : ProfileBuilder.EthernetType, live, routes);
                break;
            default:
                return Runtime($"{a.Interface} is a {link.Kind.ToString().ToLowerInvariant()}; NetTui makes no profile for it");
        }
        var kept = live.Count > 1 ? $" (with its {live.Count - 1} other address(es))" : "";
        return Nm($"persistent: new profile {settings.Id} for {a.Interface}{kept}", [
            Add(settings, $"save profile {settings.Id}"),
            Activate(settings.Uuid, settings.Id, link.Kind == LinkKind.Bridge ? null : a.Interface, $"activate {settings.Id} on {a.Interface}"),
        ]);
    }

    private static PersistentPlan RemoveAddress(RemoveAddress r, NetworkManagerState nm)
    {
        var prefix = IpPrefix.Parse(r.Address).Get();
        var p = nm.ProfilesFor(r.Interface).FirstOrDefault(x => x.Addresses.Contains(prefix.ToString()));
        if (p is null) return Elsewhere($"{prefix} is in no NetworkManager profile of {r.Interface}: removing it at runtime is enough");
        var section = NmKeys.IpSection(prefix.IsV4);
        var sameFamily = p.Addresses.Count(a => IpPrefix.Parse(a) is { Ok: true } x && x.Get().IsV4 == prefix.IsV4);
        var method = p.Settings?.GetString(section, NmKeys.Method);
        // "manual" without addresses is invalid: the last static address takes the method with it.
        var edit = sameFamily == 1 && method == "manual"
            ? new RemoveAddressEdit(prefix.ToString(), prefix.IsV4 ? "disabled" : "ignore", method)
            : new RemoveAddressEdit(prefix.ToString());
        var update = new UpdateProfile(p.Uuid, p.Id, [edit]);
        return Nm($"persistent: removed from profile {p.Id}", [new NetworkManagerStep($"remove {prefix} from profile {p.Id}", update, [update.Reversed()])]);
    }

    internal static AddAddressEdit AddAddressEditFor(NmProfile p, IpPrefix a)
    {
        var section = NmKeys.IpSection(a.IsV4);
        var method = p.Settings?.GetString(section, NmKeys.Method) ?? (a.IsV4 ? p.Ipv4Method : null);
        // DHCP ("auto") and static addresses mix; "disabled"/"ignore"/"link-local" must become "manual".
        return method is "manual" or "auto" or "dhcp"
            ? new AddAddressEdit(a.ToString())
            : new AddAddressEdit(a.ToString(), "manual", method ?? "auto");
    }

    // ---- routes ------------------------------------------------------------------------------

    private static PersistentPlan AddRoute(AddRoute r, HostSnapshot host, NetworkManagerState nm)
    {
        var dev = RouteDevice(r.Dev, r.Via, host);
        if (dev is null) return Runtime($"no interface carries the gateway {r.Via}, so no profile can hold the route");
        var p = nm.ProfileFor(dev);
        if (p is null) return Runtime($"{dev} has no NetworkManager profile (nettui persist make {dev})");
        if (p.IsPort) return Runtime($"{dev} is a port in profile {p.Id}; a port has no routes of its own");
        var spec = RouteSpec(r);
        if (spec is null) return Runtime("NetworkManager takes route tables by number only");
        var update = new UpdateProfile(p.Uuid, p.Id, [new AddRouteEdit(spec.Destination.ToString(), spec.NextHop, spec.Metric, spec.Table)]);
        return Nm($"persistent: route-data of profile {p.Id}", [new NetworkManagerStep($"add route {spec.Destination} to profile {p.Id}", update, [update.Reversed()])]);
    }

    private static PersistentPlan DeleteRoute(DeleteRoute r, HostSnapshot host, NetworkManagerState nm)
    {
        var dest = HostQueries.ParseDestination(r.Destination);
        foreach (var p in nm.Profiles)
        {
            if (r.Dev is not null && p.InterfaceName != r.Dev) continue;
            foreach (var pr in p.Routes)
            {
                if (dest is null || HostQueries.ParseDestination(pr.Destination) is not { } d || !d.SameAs(dest)) continue;
                if (r.Via is not null && pr.NextHop != r.Via) continue;
                var update = new UpdateProfile(p.Uuid, p.Id, [new RemoveRouteEdit(pr.Destination, pr.NextHop, pr.Metric, pr.Table)]);
                return Nm($"persistent: removed from route-data of profile {p.Id}",
                    [new NetworkManagerStep($"remove route {pr.Destination} from profile {p.Id}", update, [update.Reversed()])]);
            }
        }
        return Elsewhere($"route {r.Destination} is in no NetworkManager profile: deleting it at runtime is enough");
    }

    internal static string? RouteDevice(string? dev, string? via, HostSnapshot host)
    {
        if (dev is not null) return dev;
        if (via is null || IpAddress.Parse(via) is not { Ok: true } v) return null;
        return host.Addresses().FirstOrDefault(a => a.Link is not null && a.Prefix.Contains(v.Get().Value)).Link?.Name;
    }

    internal static ProfileRouteSpec? RouteSpec(AddRoute r)
    {
        var dest = RouteDestination.Parse(r.Destination).Get().Prefix;
        uint? table = null;
        if (r.Table is not null)
        {
            var t = RouteTable.Parse(r.Table).Get();
            if (!t.IsMain) table = t.Id;
        }
        return new ProfileRouteSpec(dest, r.Via is null ? null : IpAddress.Parse(r.Via).Get().ToString(),
            r.Metric is null ? null : Metric.Parse(r.Metric).Get().Value, table);
    }
}
