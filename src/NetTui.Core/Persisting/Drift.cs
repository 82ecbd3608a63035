using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.Core.Persisting;

[System.Text.Json.Serialization.JsonConverter(typeof(NetTui.Core.Model.CamelCaseEnumConverter<DriftKind>))]
public enum DriftKind
{
    /// <summary>A profile that builds a device at boot, and the device does not exist now.</summary>
    ProfileDeviceMissing,
    /// <summary>A bridge that exists now and that nothing recreates at boot.</summary>
    RuntimeBridge,
    /// <summary>An address a profile puts on the device, not there now.</summary>
    AddressMissing,
    /// <summary>An address on a persisted device that no profile holds: gone after a reboot.</summary>
    RuntimeAddress,
    /// <summary>A route in a profile, not in the kernel now.</summary>
    RouteMissing,
    /// <summary>A static route through a persisted device that no profile holds.</summary>
    RuntimeRoute,
    /// <summary>A port whose profile names another bridge than the one it is in now.</summary>
    PortMismatch,
    /// <summary>Something a NetTui systemd unit makes at boot that is not so now.</summary>
    UnitObjectMissing,
}

/// <summary>
/// One difference between what the persisted configuration builds at boot and what runs now.
/// <see cref="Interface"/>: the device it is about; <see cref="Profile"/>: the NetworkManager
/// profile involved, if any; <see cref="Fix"/>: how to make the two agree (one line).
/// </summary>
public sealed record DriftItem(DriftKind Kind, string Object, string Message)
{
    public string? Interface { get; init; }
    public string? Profile { get; init; }
    public string Fix { get; init; } = "";

    public override string ToString() => Message;
}

/// <summary>
/// The differences between "what boot will build" (NetworkManager's autoconnect profiles, NetTui's
/// units, the boot configuration files) and
/// "what runs now". Pure; reads an annotated snapshot (<see cref="PersistenceAnnotator"/>).
/// Linear in the routes (the TUI recomputes it on every refresh, with up to 200,000 routes).
/// </summary>
public static class DriftFinder
{
    public static ImmutableArray<DriftItem> Find(HostSnapshot s)
    {
        var items = ImmutableArray.CreateBuilder<DriftItem>();
        var byName = new Dictionary<string, Link>(StringComparer.Ordinal);
        foreach (var l in s.Links) byName.TryAdd(l.Name, l);
        var nm = s.NetworkManager;
        if (nm is { Available: true })
        {
            foreach (var p in nm.Profiles.Where(p => p.InterfaceName is not null && p.Autoconnect))
            {
                var dev = p.InterfaceName!;
                if (!byName.TryGetValue(dev, out var link))
                {
                    items.Add(new(DriftKind.ProfileDeviceMissing, dev,
                        $"profile {p.Id} builds {dev} at boot, but {dev} does not exist now")
                    {
                        Interface = dev, Profile = p.Id,
                        Fix = $"nmcli connection up {p.Id} builds it now; nmcli connection delete {p.Id} if it is not wanted",
                    });
                    continue;
                }
                if (nm.ProfileFor(link.Name) != p) continue; // only the profile that wins for the device
                if (p.IsPort)
                {
                    var master = nm.Profiles.FirstOrDefault(m => m.Uuid == p.Master)?.InterfaceName ?? p.Master;
                    if (link.Master != master)
                        items.Add(new(DriftKind.PortMismatch, link.Name,
                            $"profile {p.Id} makes {link.Name} a port of {master} at boot, but now it is {(link.Master is null ? "in no bridge" : $"a port of {link.Master}")}")
                        {
                            Interface = link.Name, Profile = p.Id,
                            Fix = $"nmcli connection up {p.Id} puts it back in {master}; or change the profile's master (nmcli connection modify {p.Id} master ...)",
                        });
                    continue;
                }
                foreach (var a in p.Addresses.Where(a => !link.Addresses.Any(x => x.Cidr == a)))
                    items.Add(new(DriftKind.AddressMissing, $"{link.Name} {a}", $"profile {p.Id} puts {a} on {link.Name} at boot, but {link.Name} does not have it now")
                    {
                        Interface = link.Name, Profile = p.Id,
                        Fix = $"nmcli device reapply {link.Name} adds it now; nmcli connection modify {p.Id} -ipv{(a.Contains(':') ? 6 : 4)}.addresses {a} drops it from boot",
                    });
                foreach (var r in p.Routes.Where(r => !s.Routes.Any(k => k.Device == link.Name && PersistenceAnnotator.Same(r, k))))
                    items.Add(new(DriftKind.RouteMissing, $"route {r.Destination}",
                        $"profile {p.Id} adds route {r.Destination}{(r.NextHop is null ? "" : $" via {r.NextHop}")} at boot, but it is not there now")
                    {
                        Interface = link.Name, Profile = p.Id,
                        Fix = $"nmcli device reapply {link.Name} adds it now; or remove it from profile {p.Id}",
                    });
            }
        }
        foreach (var l in s.Links)
        {
            if (l.Kind == LinkKind.Bridge && l.Persistence?.Where == PersistenceKind.RuntimeOnly)
                items.Add(new(DriftKind.RuntimeBridge, l.Name, $"bridge {l.Name} exists now but nothing recreates it at boot (runtime only)")
                {
                    Interface = l.Name,
                    Fix = l.Persistence.Profile is { } off
                        ? $"nmcli connection modify {off} connection.autoconnect yes brings it up at boot; or delete it if it is not wanted"
                        : $"make it persistent (p, or nettui persist make {l.Name}); or delete it if it is not wanted",
                });
            if (l.Persistence?.Where != PersistenceKind.NetworkManager) continue;
            foreach (var a in l.Addresses.Where(a => a.Persistence?.Where == PersistenceKind.RuntimeOnly))
                items.Add(new(DriftKind.RuntimeAddress, $"{l.Name} {a.Cidr}", $"{a.Cidr} on {l.Name} is in no profile: lost at reboot")
                {
                    Interface = l.Name, Profile = l.Persistence.Profile,
                    Fix = $"nmcli connection modify {l.Persistence.Profile} +ipv{(a.Family == AddressFamily.Inet6 ? 6 : 4)}.addresses {a.Cidr} keeps it; or remove it",
                });
        }
        foreach (var r in s.Routes)
        {
            if (r.Persistence?.Where != PersistenceKind.RuntimeOnly || r.Protocol == "kernel" || r.Device is null) continue;
            if (!byName.TryGetValue(r.Device, out var dev) || dev.Persistence?.Where != PersistenceKind.NetworkManager) continue;
            items.Add(new(DriftKind.RuntimeRoute, $"route {r.Destination}", $"route {r.Destination}{(r.Gateway is null ? "" : $" via {r.Gateway}")} dev {r.Device} is in no profile: lost at reboot")
            {
                Interface = r.Device, Profile = dev.Persistence.Profile,
                Fix = $"nmcli connection modify {dev.Persistence.Profile} +ipv{(r.Family == AddressFamily.Inet6 ? 6 : 4)}.routes \"{r.Destination}{(r.Gateway is null ? "" : " " + r.Gateway)}\" keeps it; or delete the route",
            });
        }
        items.AddRange(UnitDrift.Find(s, byName));
        items.AddRange(BootFileDrift.Find(s, byName));
        return items.ToImmutable();
    }
}
