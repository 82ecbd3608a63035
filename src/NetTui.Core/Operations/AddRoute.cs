using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Operations;

/// <summary>
/// Add a route (the seed's `ip route add 192.168.2.0/24 via 192.168.42.131 dev ens33`):
/// a destination with a gateway and/or a device, optional metric and table.
/// </summary>
public sealed record AddRoute(string Destination, string? Via = null, string? Dev = null, string? Metric = null, string? Table = null) : Operation
{
    public const string KindName = "route.add";
    public override string Kind => KindName;

    public override string Describe() => "add route " + RouteText.Describe(Destination, Via, Dev, Metric, Table);

    public override IReadOnlyList<ValueError> CheckFields() => RouteText.CheckFields(Destination, Via, Dev, Metric, Table, needNextHop: true);

    protected override IEnumerable<ValueError> CheckHost(HostSnapshot host, OperationContext ctx)
    {
        var f = RouteText.Parse(Destination, Via, Dev, Metric, Table);
        if (Dev is not null && host.LinkMustExist(Dev, "dev") is { } missing) { yield return missing; yield break; }
        if (f.Via is not null && !host.IsOnLink(f.Via.Value, Dev))
            yield return new("via", $"gateway {f.Via} is not reachable on-link{(Dev is null ? "" : $" on {Dev}")}: no address or route of this host covers it");
        var same = host.Routes.Where(r => HostQueries.TableName(r.Table) == (f.Table?.Name ?? "main")
                                           && HostQueries.DestinationOf(r) is { } d && d.SameAs(f.Destination.Prefix)
                                           && (uint)(r.Metric ?? 0) == (f.Metric?.Value ?? 0)).FirstOrDefault();
        if (same is not null)
            yield return new("destination", $"a route to {f.Destination} already exists in table {f.Table?.Name ?? "main"} ({Show(same)})");
    }

    private static string Show(Route r) => r.Gateway is not null ? $"via {r.Gateway}" : $"dev {r.Device}";

    /// <summary>Everything after `ip route add|del`.</summary>
    internal string[] RouteArgs()
    {
        var f = RouteText.Parse(Destination, Via, Dev, Metric, Table);
        return [f.Destination.ToString(), .. Steps.Pair("via", f.Via), .. Steps.Pair("dev", Dev),
                .. Steps.Pair("metric", f.Metric), .. Steps.Pair("table", f.Table is { IsMain: false } t ? t.Name : null)];
    }

    public override ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx)
    {
        RequireValid();
        return [Steps.Run($"add route to {Destination}", ctx.Ip(["route", "add", .. RouteArgs()]), ctx.Ip(["route", "del", .. RouteArgs()]),
            RouteText.Classic("add", Destination, Via, Dev, Metric, Table))];
    }

    public override Operation Inverse(HostSnapshot before, OperationContext ctx) => new DeleteRoute(Destination, Via, Dev, Metric, Table);

    public override IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx)
    {
        var f = RouteText.Parse(Destination, Via, Dev, Metric, Table);
        return after.MatchingRoutes(f.Destination, f.Via, Dev, f.Metric, f.Table).Any()
            ? [] : [$"no route {RouteText.Describe(Destination, Via, Dev, Metric, Table)}"];
    }
}

/// <summary>The parsing and wording shared by <see cref="AddRoute"/> and <see cref="DeleteRoute"/>.</summary>
internal static class RouteText
{
    public sealed record Fields(RouteDestination Destination, IpAddress? Via, Metric? Metric, RouteTable? Table);

    public static IReadOnlyList<ValueError> CheckFields(string destination, string? via, string? dev, string? metric, string? table, bool needNextHop)
    {
        var c = new FieldCheck();
        var d = c.Need(RouteDestination.Parse(destination, "destination"));
        var v = c.Maybe(via, IpAddress.Parse, "via");
        c.Maybe(dev, InterfaceName.Parse, "dev");
        c.Maybe(metric, Values.Metric.Parse, "metric");
        c.Maybe(table, RouteTable.Parse, "table");
        if (needNextHop && via is null && dev is null) c.Add("via", "give a gateway (--via) or a device (--dev)");
        if (d is not null && v is not null && d.Prefix.IsV4 != v.IsV4)
            c.Add("via", $"gateway {v} is IPv{(v.IsV4 ? 4 : 6)} but destination {d} is IPv{(d.Prefix.IsV4 ? 4 : 6)}");
        return c.Errors;
    }

    public static Fields Parse(string destination, string? via, string? dev, string? metric, string? table) => new(
        RouteDestination.Parse(destination).Get(),
        via is null ? null : IpAddress.Parse(via).Get(),
        metric is null ? null : Values.Metric.Parse(metric).Get(),
        table is null ? null : RouteTable.Parse(table).Get());

    public static string Describe(string destination, string? via, string? dev, string? metric, string? table) =>
        string.Join(' ', new[] { destination, via is null ? null : $"via {via}", dev is null ? null : $"dev {dev}",
            metric is null ? null : $"metric {metric}", table is null ? null : $"table {table}" }.Where(s => s is not null));

    /// <summary>net-tools' `route` form, for the preview; it knows only the main table and IPv4.</summary>
    public static string? Classic(string verb, string destination, string? via, string? dev, string? metric, string? table)
    {
        if (table is not null && table != "main") return null;
        var d = RouteDestination.Parse(destination);
        if (!d.Ok || !d.Get().Prefix.IsV4) return null;
        var p = d.Get().Prefix;
        var target = p.PrefixLength == 0 ? "default" : p.PrefixLength == 32 ? $"-host {p.Address}" : $"-net {p.Address} netmask {AddAddress.NetmaskOf(p.PrefixLength)}";
        return string.Join(' ', new[] { "route", verb, target, via is null ? null : $"gw {via}", metric is null ? null : $"metric {metric}",
            dev is null ? null : $"dev {dev}" }.Where(s => s is not null));
    }
}
