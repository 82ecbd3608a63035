using System.Collections.Immutable;

namespace NetTui.Core.Doctor.Facts;

/// <summary>The nameservers of the host's resolv.conf, in order.</summary>
public sealed record ResolvConfFacts(string Path, ImmutableArray<string> Nameservers);

/// <summary>
/// NetworkManager's view of one device (NMDeviceState: 10 unmanaged, 20 unavailable, 30
/// disconnected, 100 activated...). Anything above unmanaged means NetworkManager tracks it.
/// </summary>
public sealed record NmDeviceFact(string Interface, uint State)
{
    public const uint Unmanaged = 10;
    public bool Managed => State > Unmanaged;
}

/// <summary>
/// A peer's container subnet and the device this host must route it through, as a wizard
/// plan says (its route operation); <see cref="Source"/> names the plan.
/// </summary>
public sealed record PeerSubnetFact(string Subnet, string Device, string Source);
