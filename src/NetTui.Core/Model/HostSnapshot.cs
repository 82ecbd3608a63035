using System.Collections.Immutable;

namespace NetTui.Core.Model;

/// <summary>
/// Everything NetTui knows about one host (or one network namespace) at one moment.
/// Immutable: a refresh builds a new snapshot, views diff or re-render from it.
/// Each part comes from its own source; a part whose source failed is empty and the
/// reason is in <see cref="Sources"/>.
/// </summary>
public sealed record HostSnapshot(
    string HostName,
    string? Namespace,
    DateTimeOffset TakenAt,
    ImmutableArray<Link> Links,
    ImmutableArray<LinuxBridge> Bridges,
    ImmutableArray<Route> Routes,
    OvsState? Ovs,
    ImmutableArray<Container> Containers,
    ImmutableArray<SourceStatus> Sources)
{
    /// <summary>NetworkManager and its profiles; null when it was not consulted (only for the full picture).</summary>
    public NetworkManagerState? NetworkManager { get; init; }

    /// <summary>systemd and NetTui's boot units; null when not read (only for the full picture).</summary>
    public SystemdState? Systemd { get; init; }
    /// <summary>The configuration system that brings the network up at boot and what its files define; null when not read (only for the full picture).</summary>
    public BootConfiguration? Boot { get; init; }
    /// <summary>Docker's networks (read with the containers): which host devices dockerd makes.</summary>
    public ImmutableArray<DockerNetwork> DockerNetworks { get; init; } = [];

    /// <summary>Policy routing rules, IPv4 then IPv6 (read with the routes).</summary>
    public ImmutableArray<RoutingRule> Rules { get; init; } = [];

    /// <summary>Nexthop objects and groups (read with the routes).</summary>
    public ImmutableArray<NexthopObject> Nexthops { get; init; } = [];

    public static HostSnapshot Empty(string hostName, string? ns) => new(
        hostName, ns, DateTimeOffset.UnixEpoch, [], [], [], null, [], []);

    public Link? FindLink(string name)
    {
        foreach (var link in Links)
            if (link.Name == name) return link;
        return null;
    }

    public Link? FindLink(int index)
    {
        foreach (var link in Links)
            if (link.Index == index) return link;
        return null;
    }

    public SourceStatus? Source(SourceKind kind)
    {
        foreach (var s in Sources)
            if (s.Source == kind) return s;
        return null;
    }
}
