using System.Collections.Immutable;

namespace NetTui.Core.Model;

/// <summary>
/// One route from any table. <see cref="Table"/> keeps the kernel's name ("main", "local",
/// or a number as text) so tables without a name in rt_tables still round-trip.
/// </summary>
public sealed record Route(
    AddressFamily Family,
    string Destination,
    string? Gateway,
    string? Device,
    string Protocol,
    string Scope,
    int? Metric,
    string Table,
    string Type,
    string? PreferredSource = null)
{
    /// <summary>Where this route persists; null when not determined.</summary>
    public Persistence? Persistence { get; init; }

    /// <summary>Multipath hops, nexthop object, onlink, metrics, expiry; null when the route has none (nearly all).</summary>
    public RouteDetails? Details { get; init; }

    /// <summary>Added with `onlink`: the gateway is taken as reachable on the device whatever its addresses.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public bool OnLink => Details?.OnLink == true;
}

/// <summary>
/// What `ip route` says beyond the common fields. <see cref="Hops"/>: every hop of a
/// multipath route, in the kernel's order (the route's Gateway/Device are the first hop's);
/// <see cref="NexthopId"/>: the nexthop object (`nhid`) the route uses; <see cref="Mtu"/>,
/// <see cref="AdvMss"/>: the route's metrics; <see cref="Expires"/>: seconds left (IPv6 RA
/// and `expires` routes).
/// </summary>
public sealed record RouteDetails
{
    public ImmutableArray<RouteHop> Hops { get; init; } = [];
    public bool OnLink { get; init; }
    public int? NexthopId { get; init; }
    public int? Mtu { get; init; }
    public int? AdvMss { get; init; }
    public int? Expires { get; init; }

    public bool IsEmpty => Hops.IsDefaultOrEmpty && !OnLink && NexthopId is null && Mtu is null && AdvMss is null && Expires is null;

    /// <summary>Null for an empty one: the route record then carries nothing extra.</summary>
    public RouteDetails? OrNull() => IsEmpty ? null : this;
}

/// <summary>One hop of a multipath route: gateway (may be of the other family), device, weight (1 when not given).</summary>
public sealed record RouteHop(string? Gateway, string? Device, int Weight, bool OnLink = false);
