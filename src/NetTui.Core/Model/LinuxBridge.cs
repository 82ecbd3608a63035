using System.Collections.Immutable;

namespace NetTui.Core.Model;

/// <summary>A kernel bridge: what `brctl show` prints, plus each port's STP state.</summary>
public sealed record LinuxBridge(
    string Name,
    int Index,
    string BridgeId,
    bool StpEnabled,
    ImmutableArray<BridgePort> Ports);

public sealed record BridgePort(string Name, int Index, string State, int? Cost, int? Priority);
