using System.Collections.Immutable;

namespace NetTui.Core.Model;

/// <summary>
/// A Docker container and how it is wired: its networks and addresses, legacy `--link`
/// aliases, and the host-side veth (matched by the container eth0's iflink) with the bridge
/// that veth is attached to.
/// </summary>
public sealed record Container(
    string Id,
    string Name,
    string State,
    string Image,
    int? Pid,
    ImmutableArray<ContainerNetwork> Networks,
    ImmutableArray<ContainerLinkAlias> Links,
    string? HostVeth,
    int? HostVethIndex,
    string? Bridge)
{
    /// <summary>Published ports (`-p`): one entry per host binding.</summary>
    public ImmutableArray<PublishedPort> Ports { get; init; } = [];
}

public sealed record ContainerNetwork(
    string Name,
    string? IpAddress,
    int? PrefixLength,
    string? Gateway,
    string? MacAddress,
    string? Ipv6Address)
{
    /// <summary>The network's id (the endpoint's NetworkID), to find its <see cref="DockerNetwork"/>.</summary>
    public string? NetworkId { get; init; }

    /// <summary>DNS aliases on this network (`--network-alias`, and the short id dockerd adds).</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];

    /// <summary>`--link` aliases on a user-defined network (the endpoint's Links: target reached as alias).</summary>
    public ImmutableArray<ContainerLinkAlias> Links { get; init; } = [];

    // Value equality over the lists too (ImmutableArray compares by reference): an endpoint
    // read twice is the same endpoint.
    public bool Equals(ContainerNetwork? other) =>
        other is not null && Name == other.Name && IpAddress == other.IpAddress && PrefixLength == other.PrefixLength
        && Gateway == other.Gateway && MacAddress == other.MacAddress && Ipv6Address == other.Ipv6Address
        && NetworkId == other.NetworkId && Aliases.SequenceEqual(other.Aliases) && Links.SequenceEqual(other.Links);

    public override int GetHashCode() => HashCode.Combine(Name, IpAddress, MacAddress, NetworkId);
}

/// <summary>A published port: <see cref="HostIp"/>:<see cref="HostPort"/> on the host to <see cref="ContainerPort"/>/<see cref="Protocol"/>.</summary>
public sealed record PublishedPort(int ContainerPort, string Protocol, string? HostIp, int? HostPort);

/// <summary>A legacy link: this container reaches <see cref="Target"/> under <see cref="Alias"/>.</summary>
public sealed record ContainerLinkAlias(string Target, string Alias);
