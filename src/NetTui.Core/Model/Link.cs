using System.Collections.Immutable;

namespace NetTui.Core.Model;

/// <summary>A network interface as the kernel reports it (`ip -d link` + `ip addr`).</summary>
public sealed record Link(
    int Index,
    string Name,
    LinkKind Kind,
    string OperState,
    bool AdminUp,
    int Mtu,
    string? Mac,
    string? Master,
    int? MasterIndex,
    VethPeer? Peer,
    ImmutableArray<LinkAddress> Addresses,
    string? Label = null,
    TunnelInfo? Tunnel = null)
{
    public bool IsBridgePort => MasterIndex is not null;

    /// <summary>Where the link's configuration persists (what recreates it at boot); null when not determined.</summary>
    public Persistence? Persistence { get; init; }

    /// <summary>The kernel's own kind name (linkinfo.info_kind: "macvtap", "ip6gre", "ifb"); null for a plain device.</summary>
    public string? KindName { get; init; }

    /// <summary>The device this one is made on (`link`: a VLAN's, macvlan's or ipvlan's parent, a VXLAN's underlay device).</summary>
    public string? Parent { get; init; }

    /// <summary>`ip link set dev X alias TEXT` (ifalias).</summary>
    public string? Alias { get; init; }

    /// <summary>Alternative names (`ip link property add dev X altname NAME`).</summary>
    public ImmutableArray<string> AltNames { get; init; } = [];

    /// <summary>Per-kind details (VXLAN, macvlan, VLAN, bond, VRF, tun/tap, Geneve); null when the kind has none.</summary>
    public LinkDetails? Details { get; init; }
    /// <summary>Traffic counters (IFLA_STATS64); null when they were not read (a fake runner, a single-link patch).</summary>
    public LinkCounters? Counters { get; init; }
}

/// <summary>
/// Kinds NetTui distinguishes. <see cref="OvsInternal"/> covers OVS internal ports
/// (including netdev-datapath taps that OVS owns); <see cref="Other"/> keeps the kernel's
/// own kind name in <see cref="Link.Label"/> when nothing better is known.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(NetTui.Core.Model.CamelCaseEnumConverter<LinkKind>))]
public enum LinkKind
{
    Loopback,
    Ethernet,
    Bridge,
    Veth,
    Vxlan,
    Tun,
    Tap,
    Gre,
    Gretap,
    IpTunnel,
    OvsInternal,
    OvsSystem,
    Dummy,
    Vlan,
    Bond,
    Macvlan,
    Other,
    Macvtap,
    Ipvlan,
    Vrf,
    Geneve,
    Wireguard,
    Ifb,
}

/// <summary>
/// A kernel tunnel's parameters (`ip -d -j link`: linkinfo.info_data remote, local, ikey/okey,
/// ttl), so deleting a tunnel can be undone. Null fields were not set on the tunnel.
/// </summary>
public sealed record TunnelInfo(string? Remote, string? Local, uint? Key, int? Ttl)
{
    // VXLAN only (Key holds the VNI); null for GRE tunnels.
    /// <summary>VXLAN: the multicast group it floods to (instead of a remote).</summary>
    public string? Group { get; init; }
    /// <summary>VXLAN: the UDP destination port.</summary>
    public int? DstPort { get; init; }
    /// <summary>VXLAN: whether the device learns remote MACs from received packets.</summary>
    public bool? Learning { get; init; }
    /// <summary>VXLAN: the underlay device it is bound to ("dev"), by name.</summary>
    public string? Underlay { get; init; }
}

/// <summary>The other end of a veth: its ifindex and, where the kernel says, its namespace.</summary>
public sealed record VethPeer(int Index, int? NetnsId, string? Namespace);

[System.Text.Json.Serialization.JsonConverter(typeof(NetTui.Core.Model.CamelCaseEnumConverter<AddressFamily>))]
public enum AddressFamily { Inet, Inet6 }

public sealed record LinkAddress(AddressFamily Family, string Address, int PrefixLength, string Scope)
{
    public string Cidr => $"{Address}/{PrefixLength}";

    /// <summary>A secondary address (another in a subnet the device already has; removed with the primary).</summary>
    public bool Secondary { get; init; }
    /// <summary>The address label (IPv4: "eth0:1"); null when it is the device's own name (ip's default).</summary>
    public string? Label { get; init; }
    /// <summary>The peer of a point-to-point address (`peer`).</summary>
    public string? Peer { get; init; }
    /// <summary>Added with `noprefixroute`: the kernel makes no route for its subnet.</summary>
    public bool NoPrefixRoute { get; init; }
    /// <summary>Preferred lifetime over (IPv6): not used for new connections.</summary>
    public bool Deprecated { get; init; }
    /// <summary>Seconds left, null = forever.</summary>
    public uint? ValidLifetime { get; init; }
    public uint? PreferredLifetime { get; init; }

    /// <summary>Where this address persists; null when not determined.</summary>
    public Persistence? Persistence { get; init; }
}
