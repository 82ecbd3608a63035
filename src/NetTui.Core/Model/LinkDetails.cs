using System.Collections.Immutable;

namespace NetTui.Core.Model;

/// <summary>
/// What `ip -d -j link` says about a device of one kind (linkinfo.info_data), typed per kind;
/// only the member of the link's kind is set. Bond ports and VRF members are links whose
/// <see cref="Link.Master"/> is the bond or VRF; <see cref="BondPort"/> is set on them.
/// </summary>
public sealed record LinkDetails
{
    public VxlanInfo? Vxlan { get; init; }
    public MacvlanInfo? Macvlan { get; init; }
    public VlanInfo? Vlan { get; init; }
    public BondInfo? Bond { get; init; }
    public BondPortInfo? BondPort { get; init; }
    public VrfInfo? Vrf { get; init; }
    public TunInfo? Tun { get; init; }
    public GeneveInfo? Geneve { get; init; }
}

/// <summary>
/// A VXLAN device: VNI, unicast remote or multicast group, local address, UDP port, underlay
/// device, whether it learns MACs, external (collect-metadata, VNI per packet: then the VNI
/// is 0); <see cref="Fdb"/>: its remote entries from `bridge fdb` (where each MAC is sent).
/// </summary>
public sealed record VxlanInfo(int Vni, string? Remote, string? Group, string? Local, int Port, string? Device, bool Learning, bool External)
{
    public ImmutableArray<VxlanFdbEntry> Fdb { get; init; } = [];
}

/// <summary>One `bridge fdb` entry of a VXLAN device: MAC (00:00:00:00:00:00 = flood), remote, VNI when given, via device.</summary>
public sealed record VxlanFdbEntry(string Mac, string Destination, int? Vni, string? Via, string? State);

/// <summary>macvlan, macvtap or ipvlan: its mode (bridge, vepa, private, passthru, source; l2/l3/l3s for ipvlan).</summary>
public sealed record MacvlanInfo(string Mode);

/// <summary>An 802.1Q or 802.1ad VLAN device: its id and protocol (the parent is <see cref="Link.Parent"/>).</summary>
public sealed record VlanInfo(int Id, string Protocol);

/// <summary>A bond: mode, MII interval, LACP rate (802.3ad), transmit hash policy.</summary>
public sealed record BondInfo(string Mode, int? Miimon, string? LacpRate, string? XmitHashPolicy);

/// <summary>A bond's port: its state (ACTIVE, BACKUP) and link (MII) status.</summary>
public sealed record BondPortInfo(string? State, string? MiiStatus);

/// <summary>A VRF: the routing table it binds its members to.</summary>
public sealed record VrfInfo(int Table);

/// <summary>tun/tap: multi-queue, persistent (outlives the process that made it), owner uid.</summary>
public sealed record TunInfo(bool MultiQueue, bool Persist, int? Owner);

/// <summary>A Geneve device: VNI, remote, UDP port.</summary>
public sealed record GeneveInfo(int Vni, string? Remote, int Port);
