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
                Ipv6Address: Blank(n.Value.GlobalIPv6Address)))],
        Links: ParseLinks(c.HostConfig?.Links),
        HostVeth: null,
        HostVethIndex: null,
        Bridge: null);

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
