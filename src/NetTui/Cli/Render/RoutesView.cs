using NetTui.Core.Model;

namespace NetTui.Cli.Render;

/// <summary>`nettui show routes`: all tables, IPv4 then IPv6, main table first within a family.</summary>
public static class RoutesView
{
    public static IReadOnlyList<string> Render(HostSnapshot s) => TextTable.Format(
        ["FAMILY", "TABLE", "DESTINATION", "GATEWAY", "DEVICE", "PROTOCOL", "SCOPE", "METRIC", "TYPE"],
        s.Routes
            .OrderBy(r => r.Family)
            .ThenBy(r => TableRank(r.Table)).ThenBy(r => r.Table, StringComparer.Ordinal)
            .Select(r => (IReadOnlyList<string>)
            [
                r.Family == AddressFamily.Inet ? "ipv4" : "ipv6",
                r.Table,
                r.Destination,
                r.Gateway ?? "-",
                r.Device ?? "-",
                r.Protocol,
                r.Scope,
                r.Metric?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                r.Type,
            ]));

    private static int TableRank(string table) => table switch { "main" => 0, "local" => 2, _ => 1 };
}
