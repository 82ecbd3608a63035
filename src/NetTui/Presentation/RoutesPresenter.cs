using NetTui.Core.Model;

namespace NetTui.Presentation;

/// <summary>
/// Routes view: the snapshot's route array itself is the row list (no copy), every cell
/// formatted on demand; this is the view that must stay cheap at 200,000 routes.
/// </summary>
public static class RoutesPresenter
{
    public static string Key(Route r) =>
        $"{r.Table}|{r.Destination}|{r.Metric}|{r.Device}|{r.Gateway}|{r.Type}";

    public static IRowSet Rows(SnapshotIndex ix) => new RowSet<Route>(
        ViewKind.Routes,
        ix.Snapshot.Routes,
        [
            new("Table", r => r.Table),
            new("Fam", r => LinkText.Family(r.Family)),
            new("Destination", r => r.Destination),
            new("Gateway", r => RouteText.Gateway(r)),
            new("Device", r => r.Device ?? ""),
            new("Proto", r => r.Protocol),
            new("Scope", r => r.Scope),
            new("Metric", r => r.Metric?.ToString() ?? "", r => r.Metric),
            new("Type", r => r.Type),
            new("Src", r => r.PreferredSource ?? ""),
            new(PersistenceText.Column, r => PersistenceText.Short(r.Persistence)),
            .. DetailColumns(ix),
        ],
        Key,
        r => Detail(ix, r),
        tone: r => PersistenceText.Tone(RowTone.Normal, r.Persistence));

    public static DetailModel Detail(SnapshotIndex ix, Route r)
    {
        var v6 = r.Family == AddressFamily.Inet6 ? "-6 " : "";
        var d = new DetailBuilder($"Route {r.Destination} (table {r.Table})")
            .Add("family", r.Family == AddressFamily.Inet6 ? "IPv6" : "IPv4")
            .Add("destination", r.Destination)
            .Add("gateway", r.Gateway)
            .Add("device", r.Device)
            .Add("protocol", r.Protocol)
            .Add("scope", r.Scope)
            .Add("metric", r.Metric)
            .Add("table", r.Table)
            .Add("type", r.Type)
            .Add("preferred source", r.PreferredSource);
        AddDetails(d, r);
        AddPolicy(d, ix.Snapshot, r);
        d.Add("at boot", PersistenceText.Long(r.Persistence));
        d.Command($"ip {v6}route show table {r.Table} {r.Destination}");
        if (r.Destination != "default")
            d.Command($"ip {v6}route get {FirstAddress(r.Destination)}");
        if (ix.Link(r.Device) is not null)
            d.Related($"device {r.Device}", ViewKind.Interfaces, r.Device);
        return d.Build();
    }

    /// <summary>The "More" column (onlink, nhid, mtu, ...) only when some route has any of it.</summary>
    private static IEnumerable<Column<Route>> DetailColumns(SnapshotIndex ix) =>
        RouteText.AnyDetails(ix.Snapshot.Routes) ? [new("More", RouteText.Flags)] : [];

    private static void AddDetails(DetailBuilder d, Route r)
    {
        if (r.Details is null) return;
        var i = 0;
        foreach (var hop in RouteText.Hops(r)) d.Add($"hop {++i}", hop);
        d.Add("flags", RouteText.Flags(r) is { Length: > 0 } f ? f : null);
    }

    /// <summary>The policy rules that send packets to this route's table, and the nexthop object it uses.</summary>
    private static void AddPolicy(DetailBuilder d, HostSnapshot s, Route r)
    {
        foreach (var rule in s.Rules.Where(x => x.Family == r.Family && x.Table == r.Table))
            d.Add($"rule {rule.Priority}", $"{RuleText.Selector(rule)} {RuleText.Action(rule)}");
        if (r.Details?.NexthopId is { } id && s.Nexthops.FirstOrDefault(n => n.Id == id) is { } nh)
            d.Add($"nexthop {id}", RuleText.Nexthop(nh));
    }

    private static string FirstAddress(string cidr) => cidr.Split('/')[0];
}
