using NetTui.Core.Model;

namespace NetTui.Presentation;

/// <summary>How Docker networks, endpoints and published ports read in the Containers and Topology views.</summary>
public static class DockerNetworkText
{
    /// <summary>"172.30.0.0/24 gw 172.30.0.1".</summary>
    public static string Subnets(DockerNetwork n) =>
        string.Join(", ", n.Subnets.Select(s => s.Gateway is null ? s.Subnet : $"{s.Subnet} gw {s.Gateway}"));

    /// <summary>The options that change reachability, only when they differ from dockerd's defaults: "internal, no ICC, no masquerade, mtu 1400".</summary>
    public static string Options(DockerNetwork n) => string.Join(", ", new[]
    {
        n.Internal ? "internal" : null,
        n.Icc ? null : "no ICC",
        n.IpMasquerade || n.Internal ? null : "no masquerade",
        n.Mtu is int mtu and not 1500 ? $"mtu {mtu}" : null,
    }.Where(s => s is not null));

    /// <summary>"bridge br-5f980bafe5dd · 172.30.0.0/24 gw 172.30.0.1 · internal".</summary>
    public static string Summary(DockerNetwork n) => string.Join(" · ", new[]
    {
        n.Device is null ? n.Driver : $"{n.Driver} {n.Device}",
        n.Parent is null ? null : $"parent {n.Parent}",
        Subnets(n),
        Options(n),
    }.Where(s => !string.IsNullOrEmpty(s)));

    /// <summary>"172.30.0.2/24 02:42:ac:1e:00:02 alias db link web:webalias".</summary>
    public static string Endpoint(ContainerNetwork e) => string.Join(" ", new[]
    {
        e.IpAddress is null ? null : e.PrefixLength is int p ? $"{e.IpAddress}/{p}" : e.IpAddress,
        e.Ipv6Address,
        e.MacAddress,
        e.Aliases.IsEmpty ? null : "alias " + string.Join(",", e.Aliases),
        e.Links.IsEmpty ? null : "link " + string.Join(",", e.Links.Select(l => $"{l.Target}:{l.Alias}")),
    }.Where(s => s is not null));

    /// <summary>"0.0.0.0:8080->80/tcp" (docker ps's own form).</summary>
    public static string Port(PublishedPort p) =>
        $"{(p.HostIp is null ? "" : p.HostIp.Contains(':') ? $"[{p.HostIp}]:" : p.HostIp + ":")}{p.HostPort}->{p.ContainerPort}/{p.Protocol}";

    public static string Ports(Container c) => string.Join(" ", c.Ports.Select(Port));

    /// <summary>The network an endpoint is on (by id, else by name).</summary>
    public static DockerNetwork? NetworkOf(HostSnapshot s, ContainerNetwork e) =>
        s.DockerNetworks.FirstOrDefault(n => e.NetworkId is not null && n.Id == e.NetworkId)
        ?? s.DockerNetworks.FirstOrDefault(n => n.Name == e.Name);
}
