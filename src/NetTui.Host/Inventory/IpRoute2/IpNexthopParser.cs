using System.Collections.Immutable;
using System.Text.Json;
using NetTui.Core.Model;
using NetTui.Host.Inventory.Parsing;

namespace NetTui.Host.Inventory.IpRoute2;

/// <summary>Parses `ip -j nexthop show`: single hops (gateway, dev, onlink, blackhole) and groups with weights.</summary>
public static class IpNexthopParser
{
    public static ImmutableArray<NexthopObject> Parse(string json)
    {
        using var doc = JsonElementExtensions.ParseArray(json);
        var result = ImmutableArray.CreateBuilder<NexthopObject>();
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            if (e.Int("id") is not { } id) continue;
            var gateway = e.Str("gateway");
            result.Add(new NexthopObject(id)
            {
                Gateway = gateway,
                Family = gateway is null ? null : gateway.Contains(':') ? AddressFamily.Inet6 : AddressFamily.Inet,
                Device = e.Str("dev"),
                Blackhole = e.TryGetProperty("blackhole", out _),
                OnLink = e.Arr("flags").Any(f => f.ValueKind == JsonValueKind.String && f.GetString() == "onlink"),
                Group = [.. e.Arr("group").Where(g => g.Int("id") is not null).Select(g => new NexthopGroupMember(g.Int("id")!.Value, g.Int("weight") ?? 1))],
                GroupType = e.TryGetProperty("group", out _) ? e.Str("type") ?? "mpath" : null,
                Protocol = e.Str("protocol"),
            });
        }
        return result.ToImmutable();
    }
}
