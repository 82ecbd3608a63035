using System.Collections.Immutable;
using System.Globalization;
using Docker.DotNet.Models;
using NetTui.Core.Model;

namespace NetTui.Host.Inventory.Docker;

/// <summary>
/// A network from the Engine API's list as <see cref="DockerNetwork"/>: which host device
/// dockerd makes for it. A bridge network's device is its com.docker.network.bridge.name
/// option, else "br-" + the id's first 12 characters (dockerd's own rule); the default
/// network ("bridge") counts only as docker0: with daemon.json "bridge" set, dockerd attaches
/// to the admin's bridge instead of making one. Subnets and gateways from IPAM; the bridge
/// options (ICC, IP masquerade, MTU) default to on / unset as dockerd does when absent.
/// </summary>
public static class DockerNetworkMapper
{
    public const string BridgeNameOption = "com.docker.network.bridge.name";
    private const string DefaultBridgeOption = "com.docker.network.bridge.default_bridge";
    private const string IccOption = "com.docker.network.bridge.enable_icc";
    private const string MasqueradeOption = "com.docker.network.bridge.enable_ip_masquerade";
    private const string MtuOption = "com.docker.network.driver.mtu";

    public static DockerNetwork Map(NetworkResponse n) => Map(n.ID ?? "", n.Name ?? "", n.Driver ?? "", n.Options) with
    {
        Subnets = [.. (n.IPAM?.Config ?? []).Where(c => !string.IsNullOrEmpty(c.Subnet))
            .Select(c => new DockerSubnet(c.Subnet!, string.IsNullOrEmpty(c.Gateway) ? null : c.Gateway))],
        Internal = n.Internal,
    };

    public static DockerNetwork Map(string id, string name, string driver, IDictionary<string, string>? options)
    {
        options ??= new Dictionary<string, string>();
        string? device = null, parent = null;
        if (driver == "bridge")
        {
            var named = options.TryGetValue(BridgeNameOption, out var b) && b.Length > 0 ? b : null;
            var isDefault = options.TryGetValue(DefaultBridgeOption, out var d) && d == "true";
            device = isDefault ? named == "docker0" || named is null ? "docker0" : null
                : named ?? (id.Length >= 12 ? "br-" + id[..12] : null);
        }
        else if (driver is "macvlan" or "ipvlan" && options.TryGetValue("parent", out var p) && p.Length > 0)
            parent = p;
        return new DockerNetwork(id, name, driver, device, parent)
        {
            Icc = !options.TryGetValue(IccOption, out var icc) || icc != "false",
            IpMasquerade = !options.TryGetValue(MasqueradeOption, out var masq) || masq != "false",
            Mtu = options.TryGetValue(MtuOption, out var mtu) && int.TryParse(mtu, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m > 0 ? m : null,
        };
    }

    /// <summary>
    /// IPAM leaves the gateway empty on some daemons (the default network): take it from an
    /// endpoint on that network, which always names it.
    /// </summary>
    public static DockerNetwork WithEndpointGateways(DockerNetwork n, IEnumerable<Container> containers)
    {
        if (n.Subnets.All(s => s.Gateway is not null)) return n;
        var gateways = containers.SelectMany(c => c.Networks).Where(e => e.NetworkId == n.Id || e.Name == n.Name)
            .Select(e => e.Gateway).OfType<string>().Distinct().ToList();
        return n with
        {
            Subnets = [.. n.Subnets.Select(s => s.Gateway is not null ? s
                : s with { Gateway = gateways.FirstOrDefault(g => s.Prefix is { } p && System.Net.IPAddress.TryParse(g, out var a) && p.Contains(a)) })],
        };
    }
}
