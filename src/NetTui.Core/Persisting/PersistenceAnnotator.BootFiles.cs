using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.Core.Persisting;

/// <summary>
/// The boot configuration files' part of the Boot column (<see cref="HostSnapshot.Boot"/>:
/// ifupdown's stanzas): what nothing else holds, a file that brings it up at boot does. Kept
/// apart from the NetworkManager/OVSDB/Docker rules: it only upgrades "runtime only".
/// </summary>
public static partial class PersistenceAnnotator
{
    private static Link WithBootFiles(Link l, BootConfiguration? boot)
    {
        if (boot?.Find(l.Name) is not { } o || l.Persistence?.Where != PersistenceKind.RuntimeOnly) return l;
        if (!o.BroughtUp)
            return l with { Persistence = Persistence.RuntimeOnly with { Note = $"{boot.Backend}: {o.File}:{o.Line} defines it, but nothing brings it up at boot ({NotUpBecause(boot.Backend)})" } };
        var where = FromFile(boot, o);
        return l with
        {
            Persistence = where,
            Addresses = [.. l.Addresses.Select(a => a.Persistence?.Where == PersistenceKind.RuntimeOnly && a.Scope != "link" && o.Addresses.Contains(a.Cidr) ? a with { Persistence = where } : a)],
        };
    }

    private static string NotUpBecause(string backend) => backend switch
    {
        "netplan" => "activation-mode off or manual",
        "networkd" => "ActivationPolicy manual or down",
        _ => "no auto line",
    };

    private static Persistence FromFile(BootConfiguration boot, BootObject o) =>
        new(PersistenceKind.ConfigFile, o.File, Note: o.Master is null ? $"{boot.Backend}, line {o.Line}" : $"{boot.Backend}: a port of {o.Master}, line {o.Line}");

    private static Persistence RouteFromBootFiles(Route r, Persistence annotated, BootConfiguration? boot)
    {
        if (annotated.Where != PersistenceKind.RuntimeOnly || r.Device is null || boot?.Find(r.Device) is not { BroughtUp: true } o) return annotated;
        var dest = HostQueries.DestinationOf(r);
        return dest is not null && o.Routes.Any(b => HostQueries.ParseDestination(b.Destination) is { } d && d.SameAs(dest) && (b.Via is null || b.Via == r.Gateway))
            ? FromFile(boot, o)
            : annotated;
    }
}
