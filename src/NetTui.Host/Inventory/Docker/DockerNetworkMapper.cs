using Docker.DotNet.Models;
using NetTui.Core.Model;

namespace NetTui.Host.Inventory.Docker;

/// <summary>
/// A network from the Engine API's list as <see cref="DockerNetwork"/>: which host device
/// dockerd makes for it. A bridge network's device is its com.docker.network.bridge.name
/// option, else "br-" + the id's first 12 characters (dockerd's own rule); the default
/// network ("bridge") counts only as docker0: with daemon.json "bridge" set, dockerd attaches
/// to the admin's bridge instead of making one.
/// </summary>
public static class DockerNetworkMapper
{
    public const string BridgeNameOption = "com.docker.network.bridge.name";
    private const string DefaultBridgeOption = "com.docker.network.bridge.default_bridge";

    public static DockerNetwork Map(NetworkResponse n) => Map(n.ID ?? "", n.Name ?? "", n.Driver ?? "", n.Options);

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
        return new DockerNetwork(id, name, driver, device, parent);
    }
}
