using System.Collections.Immutable;
using System.Globalization;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Operations;

/// <summary>
/// Delete one route. The fields select it; if they match several routes the admin must say
/// more (metric, device), so NetTui never removes a route they did not mean. The plan
/// deletes exactly the matched route and its undo adds it back with all its fields.
/// </summary>
public sealed record DeleteRoute(string Destination, string? Via = null, string? Dev = null, string? Metric = null, string? Table = null) : Operation
{
    public const string KindName = "route.del";
    public override string Kind => KindName;
    public override bool IsDestructive => true;

    public override string Describe() => "delete route " + RouteText.Describe(Destination, Via, Dev, Metric, Table);

    public override IReadOnlyList<ValueError> CheckFields() => RouteText.CheckFields(Destination, Via, Dev, Metric, Table, needNextHop: false);

    private List<Route> Matches(HostSnapshot host)
    {
        var f = RouteText.Parse(Destination, Via, Dev, Metric, Table);
        return [.. host.MatchingRoutes(f.Destination, f.Via, Dev, f.Metric, f.Table)];
    }

    protected override IEnumerable<ValueError> CheckHost(HostSnapshot host, OperationContext ctx)
    {
        var m = Matches(host);
        if (m.Count == 0)
            yield return new("destination", $"no route {RouteText.Describe(Destination, Via, Dev, Metric, Table)} in table {Table ?? "main"}");
        else if (m.Count > 1)
            yield return new("destination", $"{m.Count} routes to {Destination} match; say which with --via, --dev or --metric");
    }

    /// <summary>The route as an <see cref="AddRoute"/> carrying every field the kernel reported.</summary>
    public static AddRoute FromModel(Route r) => new(
        HostQueries.DestinationOf(r) is { } p && p.PrefixLength > 0 ? $"{p.Address}/{p.PrefixLength}"
            : r.Family == Model.AddressFamily.Inet6 ? "::/0" : "default",
        r.Gateway,
        r.Device,
        r.Metric is null or 0 ? null : ((uint)r.Metric.Value).ToString(CultureInfo.InvariantCulture),
        HostQueries.IsMainTable(r.Table) ? null : HostQueries.TableName(r.Table));

    public override ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx)
    {
        RequireValid();
        var exact = FromModel(Matches(host).Single());
        return [Steps.Run($"delete route to {Destination}", ctx.Ip(["route", "del", .. exact.RouteArgs()]), ctx.Ip(["route", "add", .. exact.RouteArgs()]),
            RouteText.Classic("del", exact.Destination, exact.Via, exact.Dev, exact.Metric, exact.Table))];
    }

    public override Operation Inverse(HostSnapshot before, OperationContext ctx) => FromModel(Matches(before).Single());

    public override IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx) =>
        Matches(after).Count == 0 ? [] : [$"route {RouteText.Describe(Destination, Via, Dev, Metric, Table)} still exists"];
}
