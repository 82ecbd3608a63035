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
                addrs.Add(new LinkAddress(family.Value, local, a.Int("prefixlen") ?? 0, a.Str("scope") ?? "global"));
            }
            result[index] = addrs.ToImmutable();
        }
        return result;
    }

    public static ImmutableArray<Link> Merge(ImmutableArray<Link> links, IReadOnlyDictionary<int, ImmutableArray<LinkAddress>> addresses) =>
        [.. links.Select(l => addresses.TryGetValue(l.Index, out var a) ? l with { Addresses = a } : l)];
}
