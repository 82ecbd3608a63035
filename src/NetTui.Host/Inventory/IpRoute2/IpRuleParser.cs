using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using NetTui.Core.Model;
using NetTui.Host.Inventory.Parsing;

namespace NetTui.Host.Inventory.IpRoute2;

/// <summary>
/// Parses `ip -j -4|-6 rule show` (iproute2 6.1's keys: priority, not, src/srclen, dst/dstlen,
/// tos, fwmark/fwmask, iif, oif, ipproto, sport/dport or sport_start/_end, uid_start/_end,
/// table, suppress_prefixlen, goto, action, protocol). Keys it does not know are kept by name
/// in <see cref="RoutingRule.Unknown"/>: the row says so rather than dropping them.
/// </summary>
public static class IpRuleParser
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "priority", "not", "src", "srclen", "dst", "dstlen", "tos", "fwmark", "fwmask", "iif", "oif", "ipproto",
        "sport", "dport", "sport_start", "sport_end", "dport_start", "dport_end", "uid_start", "uid_end",
        "table", "suppress_prefixlen", "goto", "action", "protocol", "flags",
    };

    public static ImmutableArray<RoutingRule> Parse(string json, AddressFamily family)
    {
        using var doc = JsonElementExtensions.ParseArray(json);
        var rules = ImmutableArray.CreateBuilder<RoutingRule>();
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            var action = e.Str("action") ?? (e.Int("goto") is not null ? "goto" : e.Str("table") is not null ? "lookup" : "nop");
            rules.Add(new RoutingRule(family, e.Int("priority") ?? 0, action, e.Str("table"))
            {
                Not = e.TryGetProperty("not", out _),
                From = Prefix(e.Str("src"), e.Int("srclen")) ?? "all",
                To = Prefix(e.Str("dst"), e.Int("dstlen")),
                Iif = e.Str("iif"),
                Oif = e.Str("oif"),
                Fwmark = e.Str("fwmark") is { } m ? e.Str("fwmask") is { } k ? $"{m}/{k}" : m : null,
                Tos = e.Str("tos"),
                IpProto = e.Str("ipproto"),
                SourcePort = Range(e, "sport"),
                DestinationPort = Range(e, "dport"),
                UidRange = e.Int("uid_start") is { } u0 ? $"{u0.ToString(CultureInfo.InvariantCulture)}-{(e.Int("uid_end") ?? u0).ToString(CultureInfo.InvariantCulture)}" : null,
                Goto = e.Int("goto"),
                SuppressPrefixLength = e.Int("suppress_prefixlen"),
                Protocol = e.Str("protocol"),
                Unknown = [.. e.EnumerateObject().Select(p => p.Name).Where(n => !Known.Contains(n))],
            });
        }
        return rules.ToImmutable();
    }

    /// <summary>"all" stays "all"; "10.0.0.0" with srclen 8 is "10.0.0.0/8"; a host address has no length.</summary>
    private static string? Prefix(string? address, int? length) =>
        address is null ? null : address == "all" ? "all" : length is { } l ? $"{address}/{l.ToString(CultureInfo.InvariantCulture)}" : address;

    private static string? Range(JsonElement e, string key)
    {
        if (e.Int(key) is { } single) return single.ToString(CultureInfo.InvariantCulture);
        if (e.Int(key + "_start") is not { } start) return null;
        var end = e.Int(key + "_end") ?? start;
        return start == end ? start.ToString(CultureInfo.InvariantCulture) : $"{start.ToString(CultureInfo.InvariantCulture)}-{end.ToString(CultureInfo.InvariantCulture)}";
    }
}
