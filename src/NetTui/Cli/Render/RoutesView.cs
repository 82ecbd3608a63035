using NetTui.Core.Model;

namespace NetTui.Cli.Render;

/// <summary>`nettui show routes`: all tables, IPv4 then IPv6, main table first within a family.</summary>
public static class RoutesView
{
    /// <summary>With a BOOT column when the routes are annotated (`show all`).</summary>
    public static IReadOnlyList<string> Render(HostSnapshot s)
    {
        var boot = s.Routes.Any(r => r.Persistence is not null);
        var more = Presentation.RouteText.AnyDetails(s.Routes);
        IReadOnlyList<string> headers = ["FAMILY", "TABLE", "DESTINATION", "GATEWAY", "DEVICE", "PROTOCOL", "SCOPE", "METRIC", "TYPE",
            .. boot ? ["BOOT"] : Array.Empty<string>(), .. more ? ["DETAILS"] : Array.Empty<string>()];
        return TextTable.Format(headers,
            s.Routes
                .OrderBy(r => r.Family)
                .ThenBy(r => TableRank(r.Table)).ThenBy(r => r.Table, StringComparer.Ordinal)
                .Select(r => (IReadOnlyList<string>)
                [
                    r.Family == AddressFamily.Inet ? "ipv4" : "ipv6",
                    r.Table,
                    r.Destination,
                    Presentation.RouteText.Gateway(r, "-"),
                    r.Device ?? "-",
                    r.Protocol,
                    r.Scope,
                    r.Metric?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                    r.Type,
                    .. boot ? [LinksView.Boot(r.Persistence)] : Array.Empty<string>(),
                    .. more ? [Presentation.RouteText.FlagsAndHops(r) is { Length: > 0 } d ? d : "-"] : Array.Empty<string>(),
                ]));
    }

    private static int TableRank(string table) => table switch { "main" => 0, "local" => 2, _ => 1 };
}
