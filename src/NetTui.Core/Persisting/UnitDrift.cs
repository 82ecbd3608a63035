using NetTui.Core.Model;

namespace NetTui.Core.Persisting;

/// <summary>Drift of NetTui's systemd units: what a unit makes at boot, compared with what runs now.</summary>
internal static class UnitDrift
{
    public static IEnumerable<DriftItem> Find(HostSnapshot s, IReadOnlyDictionary<string, Link> byName)
    {
        if (s.Systemd is not { } systemd) yield break;
        foreach (var unit in systemd.Units)
            foreach (var o in unit.Makes.Where(o => !HoldsNow(o, s, byName)))
                yield return new(DriftKind.UnitObjectMissing, o.ToString(), $"unit {unit.Name} {o.Describe()} at boot, but that is not so now")
                {
                    Interface = o.Device == UnitObjects.AnyDevice ? null : o.Device,
                    Fix = $"systemctl start {unit.Name} makes it now (once); `nettui undo` of the change that made it, or systemctl disable {unit.Name}, drops it from boot",
                };
    }

    private static bool HoldsNow(UnitObject o, HostSnapshot s, IReadOnlyDictionary<string, Link> byName)
    {
        byName.TryGetValue(o.Device, out var link);
        return o.Kind switch
        {
            UnitObjectKind.Link => link is not null,
            UnitObjectKind.Up => link is { AdminUp: true },
            UnitObjectKind.Port => link?.Master == o.Value,
            UnitObjectKind.Address => link?.Addresses.Any(a => a.Cidr == o.Value) == true,
            UnitObjectKind.Mtu => link is not null && link.Mtu.ToString(System.Globalization.CultureInfo.InvariantCulture) == o.Value,
            _ => s.Routes.Any(r => r.Destination == o.Value && (o.Device == UnitObjects.AnyDevice || r.Device == o.Device)),
        };
    }
}
