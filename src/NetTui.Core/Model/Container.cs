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
    string? Bridge);

public sealed record ContainerNetwork(
    string Name,
    string? IpAddress,
    int? PrefixLength,
    string? Gateway,
    string? MacAddress,
    string? Ipv6Address);

/// <summary>A legacy link: this container reaches <see cref="Target"/> under <see cref="Alias"/>.</summary>
public sealed record ContainerLinkAlias(string Target, string Alias);
