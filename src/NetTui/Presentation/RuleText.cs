using System.Globalization;
using NetTui.Core.Model;

namespace NetTui.Presentation;

/// <summary>
/// How views write policy rules and nexthop objects, in `ip rule` / `ip nexthop` words, so
/// an admin recognises what they typed: "not from 10.1.0.0/16 to 10.2.0.0/16 iif a0" and
/// "lookup 101".
/// </summary>
public static class RuleText
{
    public static string Selector(RoutingRule r)
    {
        var parts = new List<string>();
        if (r.Not) parts.Add("not");
        parts.Add($"from {r.From}");
        void Add(string key, string? value) { if (value is not null) parts.Add($"{key} {value}"); }
        Add("to", r.To);
        Add("tos", r.Tos);
        Add("fwmark", r.Fwmark);
        Add("iif", r.Iif);
        Add("oif", r.Oif);
        Add("ipproto", r.IpProto);
        Add("sport", r.SourcePort);
        Add("dport", r.DestinationPort);
        Add("uidrange", r.UidRange);
        if (!r.Unknown.IsDefaultOrEmpty) parts.Add($"(unknown: {string.Join(", ", r.Unknown)})");
        return string.Join(' ', parts);
    }

    public static string Action(RoutingRule r)
    {
        var action = r.Action switch
        {
            "lookup" => $"lookup {r.Table}",
            "goto" => $"goto {r.Goto?.ToString(CultureInfo.InvariantCulture)}",
            _ => r.Action,
        };
        return r.SuppressPrefixLength is { } s ? $"{action} suppress_prefixlength {s.ToString(CultureInfo.InvariantCulture)}" : action;
    }

    /// <summary>A nexthop object as `ip nexthop` writes it: "via 192.0.2.2 dev a0 onlink", "group 10,2/11", "blackhole".</summary>
    public static string Nexthop(NexthopObject n)
    {
        if (n.Blackhole) return "blackhole";
        if (!n.Group.IsDefaultOrEmpty)
        {
            var members = string.Join('/', n.Group.Select(m => m.Weight == 1
                ? m.Id.ToString(CultureInfo.InvariantCulture)
                : $"{m.Id.ToString(CultureInfo.InvariantCulture)},{m.Weight.ToString(CultureInfo.InvariantCulture)}"));
            return n.GroupType is null or "mpath" ? $"group {members}" : $"group {members} type {n.GroupType}";
        }
        var text = string.Join(' ', new[] { n.Gateway is null ? null : $"via {n.Gateway}", n.Device is null ? null : $"dev {n.Device}" }.OfType<string>());
        return n.OnLink ? text + " onlink" : text;
    }
}
