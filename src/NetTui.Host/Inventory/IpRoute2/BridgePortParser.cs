using NetTui.Host.Inventory.Parsing;

namespace NetTui.Host.Inventory.IpRoute2;

/// <summary>One row of `bridge -j link show`: a bridge port and its STP state.</summary>
public sealed record BridgePortInfo(int Index, string Name, string Master, string State, int? Cost, int? Priority);

/// <summary>Parses `bridge -j link show`.</summary>
public static class BridgePortParser
{
    public static IReadOnlyList<BridgePortInfo> Parse(string json)
    {
        using var doc = JsonElementExtensions.ParseArray(json);
        var ports = new List<BridgePortInfo>();
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            if (e.Int("ifindex") is not { } index || e.Str("ifname") is not { } name || e.Str("master") is not { } master) continue;
            ports.Add(new BridgePortInfo(index, name, master, e.Str("state") ?? "unknown", e.Int("cost"), e.Int("priority")));
        }
        return ports;
    }
}
