using NetTui.Host.Inventory.Parsing;

namespace NetTui.Host.Inventory.Docker;

/// <summary>
/// Reads `ip -j link show` run inside a container's network namespace: eth0's
/// "link_index" is the ifindex of its veth peer on the host side (the kernel's iflink).
/// </summary>
public static class ContainerNetnsParser
{
    public static int? HostPeerIndex(string json, string interfaceName = "eth0")
    {
        using var doc = JsonElementExtensions.ParseArray(json);
        foreach (var e in doc.RootElement.EnumerateArray())
            if (e.Str("ifname") == interfaceName)
                return e.Int("link_index");
        return null;
    }
}
