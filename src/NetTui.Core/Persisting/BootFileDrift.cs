using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.Core.Persisting;

/// <summary>
/// Drift of the boot configuration files (ifupdown stanzas, networkd units, netplan YAML:
/// <see cref="HostSnapshot.Boot"/>): a device, address, route or bridge port a file brings up at
/// boot that is not so now. Devices a file merely names without bringing them up are left out.
/// </summary>
internal static class BootFileDrift
{
    public static IEnumerable<DriftItem> Find(HostSnapshot s, IReadOnlyDictionary<string, Link> byName)
    {
        if (s.Boot is not { Objects.IsEmpty: false } boot) yield break;
        foreach (var o in boot.Objects.Where(o => o.BroughtUp))
        {
            var where = $"{o.File} (line {o.Line})";
            var fix = $"{Apply(boot.Backend, o.Name)} makes it now; or remove it from {o.File}";
            if (!byName.TryGetValue(o.Name, out var link))
            {
                yield return new(DriftKind.ProfileDeviceMissing, o.Name, $"{where} builds {o.Name} at boot, but {o.Name} does not exist now")
                    { Interface = o.Name, Profile = o.File, Fix = fix };
                continue;
            }
            if (o.Master is { } master && link.Master != master)
                yield return new(DriftKind.PortMismatch, o.Name,
                    $"{where} makes {o.Name} a port of {master} at boot, but now it is {(link.Master is null ? "in no bridge" : $"a port of {link.Master}")}")
                    { Interface = o.Name, Profile = o.File, Fix = fix };
            foreach (var a in o.Addresses.Where(a => !link.Addresses.Any(x => x.Cidr == a)))
                yield return new(DriftKind.AddressMissing, $"{o.Name} {a}", $"{where} puts {a} on {o.Name} at boot, but {o.Name} does not have it now")
                    { Interface = o.Name, Profile = o.File, Fix = fix };
            foreach (var r in o.Routes.Where(r => !HasRoute(s, o.Name, r)))
                yield return new(DriftKind.RouteMissing, $"route {r.Destination}",
                    $"{where} adds route {r.Destination}{(r.Via is null ? "" : $" via {r.Via}")} at boot, but it is not there now")
                    { Interface = o.Name, Profile = o.File, Fix = fix };
        }
    }

    private static bool HasRoute(HostSnapshot s, string dev, BootRoute r) =>
        HostQueries.ParseDestination(r.Destination) is not { } dest
        || s.Routes.Any(k => k.Device == dev && HostQueries.DestinationOf(k) is { } d && d.SameAs(dest) && (r.Via is null || k.Gateway == r.Via));

    /// <summary>What brings the object up now with the backend's own tool.</summary>
    private static string Apply(string backend, string name) => backend switch
    {
        "netplan" => "netplan apply",
        "networkd" => "networkctl reload && networkctl reconfigure " + name,
        _ => "ifup " + name,
    };
}
