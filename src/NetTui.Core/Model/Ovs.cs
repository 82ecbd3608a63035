using System.Collections.Immutable;

namespace NetTui.Core.Model;

/// <summary>Open vSwitch configuration as OVSDB holds it (Bridge -> Port -> Interface).</summary>
public sealed record OvsState(string? Version, ImmutableArray<OvsBridge> Bridges)
{
    /// <summary>
    /// Whether this kernel can hold OVS's kernel datapath ("system"): the openvswitch module is
    /// loaded or installed. False: only the userspace datapath (netdev) works. Null: not known.
    /// </summary>
    public bool? KernelDatapath { get; init; }
}

public sealed record OvsBridge(string Name, string Uuid, string DatapathType, ImmutableArray<OvsPort> Ports);

public sealed record OvsPort(string Name, string Uuid, int? Tag, ImmutableArray<OvsInterface> Interfaces);

public sealed record OvsInterface(
    string Name,
    string Uuid,
    string Type,
    ImmutableSortedDictionary<string, string> Options,
    string? Error,
    int? OfPort,
    string? AdminState,
    string? LinkState,
    ImmutableSortedDictionary<string, long> Statistics)
{
    public bool IsTunnel => Type is "gre" or "vxlan" or "geneve" or "ip6gre" or "erspan" or "stt";
    public string? RemoteIp => Options.TryGetValue("remote_ip", out var v) ? v : null;
}
