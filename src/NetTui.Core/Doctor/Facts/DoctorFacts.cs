using System.Collections.Immutable;
using NetTui.Core.Model;

namespace NetTui.Core.Doctor.Facts;

/// <summary>
/// Everything the checks look at, gathered once by the host layer. Checks are pure
/// functions of this record, so each can be tested on a hand-made one. A fact that could
/// not be gathered is null / <see cref="UnitState.Unknown"/>, never a guess.
/// </summary>
public sealed record DoctorFacts(
    HostSnapshot Snapshot,
    OvsFacts? Ovs,
    SystemdFacts Systemd,
    ImmutableArray<BootScript> BootScripts,
    DockerConfigFacts? Docker)
{
    public static DoctorFacts Of(HostSnapshot snapshot) =>
        new(snapshot, null, SystemdFacts.Unknown, [], null);

    /// <summary>The host's resolv.conf (what Docker copies into containers on the default bridge); null when not read.</summary>
    public ResolvConfFacts? ResolvConf { get; init; }

    /// <summary>NetworkManager's state of each container's host-side veth; empty when NetworkManager was not asked.</summary>
    public ImmutableArray<NmDeviceFact> NmDevices { get; init; } = [];

    /// <summary>iptables (nf_tables and legacy), nftables and the forwarding sysctls; null when not read.</summary>
    public Firewall.FirewallFacts? Firewall { get; init; }

    /// <summary>Peer container subnets a wizard plan names, with the device their route must use; empty: no peer known.</summary>
    public ImmutableArray<PeerSubnetFact> PeerSubnets { get; init; } = [];
}

/// <summary>
/// A script that runs at boot (/etc/rc.local, /etc/rc.d/rc.local) or one such a script
/// sources (the seed's `source /root/autorun.sh`): <see cref="IncludedFrom"/> says which.
/// </summary>
public sealed record BootScript(string Path, string Content, string? IncludedFrom = null);

/// <summary>What Docker's daemon.json asks for ("bridge", and "mtu" for the containers' MTU).</summary>
public sealed record DockerConfigFacts(string Path, bool Exists, string? Bridge, string? ParseError = null, int? Mtu = null);
