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
            new("Gateway", r => r.Gateway ?? ""),
            new("Device", r => r.Device ?? ""),
            new("Proto", r => r.Protocol),
            new("Scope", r => r.Scope),
            new("Metric", r => r.Metric?.ToString() ?? "", r => r.Metric),
            new("Type", r => r.Type),
            new("Src", r => r.PreferredSource ?? ""),
            new(PersistenceText.Column, r => PersistenceText.Short(r.Persistence)),
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
            .Add("preferred source", r.PreferredSource)
            .Add("at boot", PersistenceText.Long(r.Persistence));
        d.Command($"ip {v6}route show table {r.Table} {r.Destination}");
        if (r.Destination != "default")
            d.Command($"ip {v6}route get {FirstAddress(r.Destination)}");
        if (ix.Link(r.Device) is not null)
            d.Related($"device {r.Device}", ViewKind.Interfaces, r.Device);
        return d.Build();
    }

    private static string FirstAddress(string cidr) => cidr.Split('/')[0];
}
