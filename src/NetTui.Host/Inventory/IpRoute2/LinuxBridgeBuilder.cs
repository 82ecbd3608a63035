using System.Collections.Immutable;
using NetTui.Core.Model;

namespace NetTui.Host.Inventory.IpRoute2;

/// <summary>
/// Joins bridges (from `ip -d link`) with their ports: every link whose master is the
/// bridge, with the STP state, cost and priority `bridge link` reports for it.
/// </summary>
public static class LinuxBridgeBuilder
{
    public static ImmutableArray<LinuxBridge> Build(IpLinkData links, IReadOnlyList<BridgePortInfo> ports)
    {
        var portByIndex = ports.ToDictionary(p => p.Index);
        var result = ImmutableArray.CreateBuilder<LinuxBridge>();
        foreach (var b in links.Bridges.OrderBy(b => b.Name, StringComparer.Ordinal))
        {
            var members = links.Links
                .Where(l => l.MasterIndex == b.Index)
                .OrderBy(l => l.Name, StringComparer.Ordinal)
                .Select(l => portByIndex.TryGetValue(l.Index, out var p)
                    ? new BridgePort(l.Name, l.Index, p.State, p.Cost, p.Priority)
                    : new BridgePort(l.Name, l.Index, "unknown", null, null));
            result.Add(new LinuxBridge(b.Name, b.Index, b.BridgeId, b.StpEnabled, [.. members]));
        }
        return result.ToImmutable();
    }
}
