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

public sealed record OvsBridge(string Name, string Uuid, string DatapathType, ImmutableArray<OvsPort> Ports)
{
    /// <summary>fail_mode: "standalone" or "secure"; null = not set (standalone).</summary>
    public string? FailMode { get; init; }
    public bool StpEnabled { get; init; }
    public bool RstpEnabled { get; init; }
    /// <summary>Its controllers' targets ("tcp:10.0.0.1:6653") and whether each is connected.</summary>
    public ImmutableArray<OvsController> Controllers { get; init; } = [];
    /// <summary>datapath_id, set by ovs-vswitchd once it made the bridge's datapath.</summary>
    public string? DatapathId { get; init; }
    /// <summary>OVSDB knows the bridge but ovs-vswitchd never created its datapath (datapath_id empty when read).</summary>
    public bool DatapathMissing { get; init; }
}

public sealed record OvsController(string Target, bool? Connected);

/// <summary>
/// An OVS port. <see cref="Tag"/>: access VLAN; <see cref="Trunks"/>: the VLANs a trunk port
/// carries (empty = all when untagged); <see cref="VlanMode"/>: access, trunk, native-tagged,
/// native-untagged, dot1q-tunnel (null = OVS's default from tag/trunks); <see cref="FakeBridge"/>:
/// the port is a fake bridge (`ovs-vsctl add-br CHILD PARENT VLAN`); bond ports (more than
/// one interface) have <see cref="BondMode"/> and <see cref="Lacp"/>.
/// </summary>
public sealed record OvsPort(string Name, string Uuid, int? Tag, ImmutableArray<OvsInterface> Interfaces)
{
    public ImmutableArray<int> Trunks { get; init; } = [];
    public string? VlanMode { get; init; }
    public bool FakeBridge { get; init; }
    public string? BondMode { get; init; }
    /// <summary>lacp: "active", "passive" or "off"; null = not set.</summary>
    public string? Lacp { get; init; }
    public bool IsBond => Interfaces.Length > 1;
}

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

    /// <summary>The tunnel's remote host; null when not set or when it is "flow" (set per flow by OpenFlow, not a host).</summary>
    public string? RemoteIp => Options.TryGetValue("remote_ip", out var v) && v != "flow" ? v : null;

    /// <summary>remote_ip=flow: the remote is chosen per packet by the flow table.</summary>
    public bool RemoteIsFlow => Options.TryGetValue("remote_ip", out var v) && v == "flow";

    /// <summary>mtu_request (what was asked for) and mtu (what the device has).</summary>
    public int? MtuRequest { get; init; }
    public int? Mtu { get; init; }
}
