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
}
