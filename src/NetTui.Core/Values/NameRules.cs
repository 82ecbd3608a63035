namespace NetTui.Core.Values;

/// <summary>
/// Names NetTui refuses even though the kernel would take them: words that ip or
/// ovs-vsctl read as syntax. NetTui passes names after `dev` / `name`, so these would be
/// safe there, but the same names reach classic commands in previews, other tools and the
/// admin's own shell: `ip link add up type bridge` makes a bridge called bridge0, and
/// `--` is ovs-vsctl's command separator. A name starting with '-' reads as an option.
/// </summary>
public static class NameRules
{
    /// <summary>Words with a meaning of their own in ip link/addr/route or ovs-vsctl argv.</summary>
    public static readonly IReadOnlySet<string> Keywords = new HashSet<string>(StringComparer.Ordinal)
    {
        // ip link / addr / route
        "up", "down", "dev", "name", "type", "help", "link", "add", "del", "delete", "set", "show", "list",
        "change", "replace", "mtu", "master", "nomaster", "address", "addr", "broadcast", "brd", "peer",
        "alias", "netns", "group", "state", "mode", "index", "txqueuelen", "txqlen", "qlen", "multicast",
        "allmulticast", "promisc", "arp", "dynamic", "vf", "vrf", "protodown", "addrgenmode", "all",
        "default", "via", "table", "proto", "scope", "metric", "to", "from", "local", "remote", "nexthop",
        "lladdr", "on", "off",
        // ovs-vsctl
        "br", "port", "iface", "interface", "bridge", "options",
    };

    /// <summary>Why NAME cannot be a name, or null when it can.</summary>
    public static string? Refusal(string name)
    {
        if (name.Length > 0 && name.All(c => c == '-'))
            return $"'{name}' is not a valid name: names made only of '-' are option syntax ('--' separates ovs-vsctl commands)";
        if (name.StartsWith('-'))
            return $"'{name}' is not a valid name: a name starting with '-' reads as an option";
        if (Keywords.Contains(name))
            return $"'{name}' is not a valid name: it is a keyword of ip or ovs-vsctl (`ip link add {name} type bridge` would not create '{name}')";
        return null;
    }
}
