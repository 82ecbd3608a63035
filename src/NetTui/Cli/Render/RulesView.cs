using System.Globalization;
using NetTui.Core.Model;
using NetTui.Presentation;

namespace NetTui.Cli.Render;

/// <summary>`nettui show routes`, after the routes: policy rules (IPv4 then IPv6, by priority) and nexthop objects.</summary>
public static class RulesView
{
    public static IReadOnlyList<string> Render(HostSnapshot s) => TextTable.Format(
        ["FAMILY", "PRIORITY", "SELECTOR", "ACTION", "PROTOCOL"],
        s.Rules.OrderBy(r => r.Family).ThenBy(r => r.Priority).Select(r => (IReadOnlyList<string>)
        [
            r.Family == AddressFamily.Inet ? "ipv4" : "ipv6",
            r.Priority.ToString(CultureInfo.InvariantCulture),
            RuleText.Selector(r),
            RuleText.Action(r),
            r.Protocol ?? "-",
        ]));

    public static IReadOnlyList<string> RenderNexthops(HostSnapshot s) => TextTable.Format(
        ["ID", "NEXTHOP", "USED BY"],
        s.Nexthops.OrderBy(n => n.Id).Select(n => (IReadOnlyList<string>)
        [
            n.Id.ToString(CultureInfo.InvariantCulture),
            RuleText.Nexthop(n),
            UsedBy(s, n.Id),
        ]));

    private static string UsedBy(HostSnapshot s, int id)
    {
        var routes = s.Routes.Count(r => r.Details?.NexthopId == id);
        var groups = s.Nexthops.Where(n => n.Group.Any(m => m.Id == id)).Select(n => n.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var parts = new List<string>();
        if (routes > 0) parts.Add($"{routes} route{(routes == 1 ? "" : "s")}");
        if (groups.Count > 0) parts.Add("group " + string.Join(",", groups));
        return parts.Count == 0 ? "-" : string.Join("; ", parts);
    }
}
