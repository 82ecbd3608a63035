using System.Collections.Immutable;
using Docker.DotNet.Models;
using NetTui.Core.Model;

namespace NetTui.Host.Inventory.Docker;

/// <summary>
/// Turns a Docker Engine API container inspection into a <see cref="Container"/>. The
/// host-side veth is not known here: <see cref="ContainerWiring"/> adds it from the links.
/// </summary>
public static class ContainerMapper
{
    public static Container Map(ContainerInspectResponse c) => new(
        Id: c.ID ?? "",
        Name: (c.Name ?? "").TrimStart('/'),
        State: c.State?.Status ?? "unknown",
        Image: c.Config?.Image ?? c.Image ?? "",
        Pid: c.State is { Pid: > 0 } s ? (int)s.Pid : null,
        Networks: [.. (c.NetworkSettings?.Networks ?? new Dictionary<string, EndpointSettings>())
            .OrderBy(n => n.Key, StringComparer.Ordinal)
            .Select(n => new ContainerNetwork(
                Name: n.Key,
                IpAddress: Blank(n.Value.IPAddress),
                PrefixLength: string.IsNullOrEmpty(n.Value.IPAddress) ? null : (int)n.Value.IPPrefixLen,
                Gateway: Blank(n.Value.Gateway),
                MacAddress: Blank(n.Value.MacAddress),
                Ipv6Address: Blank(n.Value.GlobalIPv6Address))
            {
                NetworkId = Blank(n.Value.NetworkID),
                Aliases = [.. (n.Value.Aliases ?? []).Where(a => a.Length > 0)],
                Links = ParseEndpointLinks(n.Value.Links),
            })],
        Links: ParseLinks(c.HostConfig?.Links),
        HostVeth: null,
        HostVethIndex: null,
        Bridge: null)
    {
        Ports = PublishedPorts(c.NetworkSettings?.Ports),
    };

    /// <summary>"80/tcp" → [{HostIp 0.0.0.0, HostPort 8080}, ...]; an exposed port without a binding is not published.</summary>
    public static ImmutableArray<PublishedPort> PublishedPorts(IDictionary<string, IList<PortBinding>>? ports)
    {
        if (ports is null) return [];
        var result = ImmutableArray.CreateBuilder<PublishedPort>();
        foreach (var (key, bindings) in ports.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var slash = key.IndexOf('/');
            if (!int.TryParse(slash < 0 ? key : key[..slash], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)) continue;
            var proto = slash < 0 ? "tcp" : key[(slash + 1)..];
            foreach (var b in bindings ?? [])
                result.Add(new PublishedPort(port, proto, Blank(b.HostIP),
                    int.TryParse(b.HostPort, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var hp) ? hp : null));
        }
        return result.ToImmutable();
    }

    /// <summary>An endpoint's links on a user-defined network: "web:webalias" = reaches web as webalias.</summary>
    public static ImmutableArray<ContainerLinkAlias> ParseEndpointLinks(IEnumerable<string>? links) =>
        [.. (links ?? []).Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Length > 0)
            .Select(p => new ContainerLinkAlias(p[0].TrimStart('/'), p[1]))];

    /// <summary>
    /// Legacy links as the API reports them: "/cct1:/cct2/webtest" means this container
    /// (cct2) reaches cct1 under the alias "webtest".
    /// </summary>
    public static ImmutableArray<ContainerLinkAlias> ParseLinks(IEnumerable<string>? links)
    {
        if (links is null) return [];
        var result = ImmutableArray.CreateBuilder<ContainerLinkAlias>();
        foreach (var link in links)
        {
            var colon = link.IndexOf(':');
            if (colon < 0) continue;
            var target = link[..colon].TrimStart('/');
            var aliasPath = link[(colon + 1)..];
            var alias = aliasPath[(aliasPath.LastIndexOf('/') + 1)..];
            result.Add(new ContainerLinkAlias(target, alias));
        }
        return result.ToImmutable();
    }

    private static string? Blank(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
