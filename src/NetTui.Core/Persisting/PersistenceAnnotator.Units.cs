using NetTui.Core.Model;

namespace NetTui.Core.Persisting;

/// <summary>The Boot column for what NetTui's generated systemd units make (<see cref="BootUnitPlanner"/>).</summary>
public static partial class PersistenceAnnotator
{
    /// <summary>What nothing else brings back, but a unit makes: "systemd unit NAME".</summary>
    private static Persistence InUnit(Persistence p, SystemdState? units, UnitObject o) =>
        p.Where == PersistenceKind.RuntimeOnly && units?.Making(o) is { } unit
            ? new(PersistenceKind.SystemdUnit, Unit: unit.Name, Note: $"{unit.Name} {o.Describe()} at boot")
            : p;

    /// <summary>
    /// An OVS internal port in a Linux bridge (the seed's obr0 in br0): OVSDB makes the device
    /// again, but only a unit makes it a port again. The Boot cell names that unit, or says
    /// that nothing attaches it.
    /// </summary>
    private static Persistence WithPortUnit(Persistence p, Link l, SystemdState? units)
    {
        if (p.Where != PersistenceKind.Ovsdb || l.Master is not { } master || l.Kind != LinkKind.OvsInternal) return p;
        return units?.Making(new(UnitObjectKind.Port, l.Name, master)) is { } unit
            ? new(PersistenceKind.SystemdUnit, Unit: unit.Name, Note: $"OVSDB makes {l.Name} again; {unit.Name} attaches it to {master}")
            : p with { Note = $"OVSDB makes {l.Name} again, but nothing attaches it to {master} at boot" };
    }

    private static UnitObject RouteObject(Route r) => new(UnitObjectKind.Route, r.Device ?? UnitObjects.AnyDevice, r.Destination);
}
