using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.Core.Persisting;

/// <summary>
/// What an operation makes that a boot unit would have to make again (<see cref="Made"/>), and
/// which objects it takes away, so the units making them go too (<see cref="Removes"/>).
/// Operations that make nothing at boot (deletes, OVS and Docker ones) make no unit.
/// </summary>
public static class UnitObjects
{
    /// <summary>Routes name their device, or "-" when the kernel picks it from the gateway.</summary>
    public const string AnyDevice = "-";

    public static ImmutableArray<UnitObject> Made(Operation op) => op switch
    {
        CreateBridge c => [new(UnitObjectKind.Link, c.Name),
            .. new[] { c.Address }.Concat(c.MoreAddresses).OfType<string>().Select(a => new UnitObject(UnitObjectKind.Address, c.Name, a)),
            .. c.Routes.Select(RouteOf)],
        CreateIpTunnel t => [new(UnitObjectKind.Link, t.Name)],
        AttachToBridge a => [new(UnitObjectKind.Port, a.Interface, a.Bridge)],
        SetLinkState { Up: true } s => [new(UnitObjectKind.Up, s.Interface), .. s.Routes.Select(RouteOf)],
        AddAddress a => [new(UnitObjectKind.Address, a.Interface, a.Address)],
        AddRoute r => [RouteOf(r)],
        SetMtu m => [new(UnitObjectKind.Mtu, m.Interface, m.Mtu)],
        _ => [],
    };

    /// <summary>The devices the boot commands of <paramref name="op"/> act on, which must exist at boot (made by someone).</summary>
    public static IEnumerable<string> Needs(Operation op) => Made(op)
        .SelectMany(o => o.Kind switch
        {
            UnitObjectKind.Link => [],
            UnitObjectKind.Port => new[] { o.Device, o.Value! },
            _ => [o.Device],
        })
        .Where(d => d != AnyDevice && !Made(op).Any(m => m.Kind == UnitObjectKind.Link && m.Device == d))
        .Distinct(StringComparer.Ordinal);

    /// <summary>Does <paramref name="op"/> take away what a unit whose first object is <paramref name="o"/> makes (so the unit goes)?</summary>
    public static bool Removes(Operation op, UnitObject o) => op switch
    {
        DeleteBridge d => o.Device == d.Name || o.Kind == UnitObjectKind.Port && o.Value == d.Name,
        DeleteIpTunnel t => o.Device == t.Name,
        DetachFromBridge d => o.Kind == UnitObjectKind.Port && o.Device == d.Interface,
        SetLinkState { Up: false } s => o.Kind == UnitObjectKind.Up && o.Device == s.Interface,
        RemoveAddress r => o.Kind == UnitObjectKind.Address && o.Device == r.Interface && o.Value == r.Address,
        DeleteRoute r => o.Kind == UnitObjectKind.Route && o.Value == r.Destination && (r.Dev is null || o.Device == r.Dev),
        // A new MTU replaces the one an older unit sets.
        SetMtu m => o.Kind == UnitObjectKind.Mtu && o.Device == m.Interface && o.Value != m.Mtu,
        // Attaching elsewhere replaces the port an older unit makes.
        AttachToBridge a => o.Kind == UnitObjectKind.Port && o.Device == a.Interface && o.Value != a.Bridge,
        _ => false,
    };

    private static UnitObject RouteOf(AddRoute r) => new(UnitObjectKind.Route, r.Dev ?? AnyDevice, r.Destination);
}
