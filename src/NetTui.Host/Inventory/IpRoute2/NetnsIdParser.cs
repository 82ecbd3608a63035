using NetTui.Host.Inventory.Parsing;

namespace NetTui.Host.Inventory.IpRoute2;

/// <summary>Parses `ip -j netns list-id`: nsid → name, for the nsids that have a name under /run/netns.</summary>
public static class NetnsIdParser
{
    public static IReadOnlyDictionary<int, string> Parse(string json)
    {
        using var doc = JsonElementExtensions.ParseArray(json);
        var map = new Dictionary<int, string>();
        foreach (var e in doc.RootElement.EnumerateArray())
            if (e.Int("nsid") is { } id && e.Str("name") is { } name) map[id] = name;
        return map;
    }
}
