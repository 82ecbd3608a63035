using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Host.Inventory.Parsing;

namespace NetTui.Host.Inventory.IpRoute2;

/// <summary>Parses `ip -j addr show` into addresses per ifindex, and merges them into links.</summary>
public static class IpAddrParser
{
    public static IReadOnlyDictionary<int, ImmutableArray<LinkAddress>> Parse(string json)
    {
        using var doc = JsonElementExtensions.ParseArray(json);
        var result = new Dictionary<int, ImmutableArray<LinkAddress>>();
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            if (e.Int("ifindex") is not { } index) continue;
            var addrs = ImmutableArray.CreateBuilder<LinkAddress>();
            foreach (var a in e.Arr("addr_info"))
            {
                var family = a.Str("family") switch
                {
                    "inet" => AddressFamily.Inet,
                    "inet6" => AddressFamily.Inet6,
                    _ => (AddressFamily?)null,
                };
                if (family is null || a.Str("local") is not { } local) continue;
                addrs.Add(new LinkAddress(family.Value, local, a.Int("prefixlen") ?? 0, a.Str("scope") ?? "global")
                {
                    Secondary = Flag(a, "secondary"),
                    Label = a.Str("label") is { } label && label != e.Str("ifname") ? label : null,
                    Peer = a.Str("address"),
                    NoPrefixRoute = Flag(a, "noprefixroute"),
                    Deprecated = Flag(a, "deprecated"),
                    ValidLifetime = Lifetime(a, "valid_life_time"),
                    PreferredLifetime = Lifetime(a, "preferred_life_time"),
                });
            }
            result[index] = addrs.ToImmutable();
        }
        return result;
    }

    private static bool Flag(System.Text.Json.JsonElement a, string name) =>
        a.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.True;

    /// <summary>Seconds left; 4294967295 (INFINITY_LIFE_TIME) is forever, kept as null.</summary>
    private static uint? Lifetime(System.Text.Json.JsonElement a, string name) =>
        a.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.Number && v.TryGetUInt32(out var n) && n != uint.MaxValue ? n : null;

    public static ImmutableArray<Link> Merge(ImmutableArray<Link> links, IReadOnlyDictionary<int, ImmutableArray<LinkAddress>> addresses) =>
        [.. links.Select(l => addresses.TryGetValue(l.Index, out var a) ? l with { Addresses = a } : l)];
}
