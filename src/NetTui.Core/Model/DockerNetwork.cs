using System.Collections.Immutable;
using System.Text.Json.Serialization;
using NetTui.Core.Values;

namespace NetTui.Core.Model;

/// <summary>
/// A Docker network as the Engine API lists it. <see cref="Device"/>: the host device dockerd
/// makes for it (a bridge network's bridge: com.docker.network.bridge.name, else
/// br-&lt;first 12 of the id&gt;; null for the default "bridge" network on an admin's
/// bridge, which dockerd only uses); <see cref="Parent"/>: a macvlan/ipvlan network's parent
/// device (the admin's, not Docker's). The IPAM subnets with their gateways, and the options
/// that decide reachability: <see cref="Internal"/> (no way out), <see cref="Icc"/>
/// (containers on it may talk to each other), <see cref="IpMasquerade"/> (dockerd adds a
/// MASQUERADE rule for its subnets), <see cref="Mtu"/> (com.docker.network.driver.mtu).
/// </summary>
public sealed record DockerNetwork(string Id, string Name, string Driver, string? Device, string? Parent)
{
    public ImmutableArray<DockerSubnet> Subnets { get; init; } = [];
    public bool Internal { get; init; }
    public bool Icc { get; init; } = true;
    public bool IpMasquerade { get; init; } = true;
    public int? Mtu { get; init; }

    /// <summary>The IPv4 subnets, parsed (IPAM text that is not a prefix is left out).</summary>
    [JsonIgnore]
    public IEnumerable<IpPrefix> Ipv4Prefixes => Subnets.Select(s => s.Prefix).OfType<IpPrefix>().Where(p => p.IsV4);
}

/// <summary>One IPAM subnet ("172.30.0.0/24") and its gateway (null when IPAM leaves it empty and no endpoint names it).</summary>
public sealed record DockerSubnet(string Subnet, string? Gateway)
{
    [JsonIgnore]
    public IpPrefix? Prefix => IpPrefix.Parse(Subnet) is { Ok: true } p ? p.Get() : null;
}
