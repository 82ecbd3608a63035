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
}

/// <summary>
/// A kernel tunnel's parameters (`ip -d -j link`: linkinfo.info_data remote, local, ikey/okey,
/// ttl), so deleting a tunnel can be undone. Null fields were not set on the tunnel.
/// </summary>
public sealed record TunnelInfo(string? Remote, string? Local, uint? Key, int? Ttl);

/// <summary>The other end of a veth: its ifindex and, where the kernel says, its namespace.</summary>
public sealed record VethPeer(int Index, int? NetnsId, string? Namespace);

[System.Text.Json.Serialization.JsonConverter(typeof(NetTui.Core.Model.CamelCaseEnumConverter<AddressFamily>))]
public enum AddressFamily { Inet, Inet6 }

public sealed record LinkAddress(AddressFamily Family, string Address, int PrefixLength, string Scope)
{
    public string Cidr => $"{Address}/{PrefixLength}";

    /// <summary>Where this address persists; null when not determined.</summary>
    public Persistence? Persistence { get; init; }
}
