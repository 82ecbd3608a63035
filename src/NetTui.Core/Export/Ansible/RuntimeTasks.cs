using System.Collections.Immutable;
using NetTui.Core.Values;
using static NetTui.Core.Export.Ansible.GuardedCommand;

namespace NetTui.Core.Export.Ansible;

/// <summary>
/// Changes no module makes idempotently, as guarded `ip` commands (<see cref="GuardedCommand"/>):
/// each reads the link, address or route first and changes it only when it differs. They are
/// runtime changes on the target, as `nettui apply` makes them where NetworkManager cannot
/// hold the object (an OVS internal port as a Linux bridge's port).
/// </summary>
public static class RuntimeTasks
{
    private static string[] Link(string iface) => ["ip", "-o", "link", "show", "dev", iface];

    public static ImmutableArray<AnsibleTask> Attach(string bridge, string iface, string reg) =>
        Tasks($"attach {iface} to bridge {bridge}", Link(iface), reg, $"not ({Contains(reg, $" master {bridge} ")})",
            ["ip", "link", "set", "dev", iface, "master", bridge]);

    public static ImmutableArray<AnsibleTask> Detach(string iface, string reg) =>
        Tasks($"detach {iface} from its bridge", Link(iface), reg, $"{reg}.rc == 0 and {Contains(reg, " master ")}",
            ["ip", "link", "set", "dev", iface, "nomaster"]);

    public static ImmutableArray<AnsibleTask> State(string iface, bool up, string reg) =>
        Tasks($"bring {iface} {(up ? "up" : "down")}", Link(iface), reg, up ? $"not {AdminUp(reg)}" : AdminUp(reg),
            ["ip", "link", "set", "dev", iface, up ? "up" : "down"]);

    public static ImmutableArray<AnsibleTask> Mtu(string iface, int mtu, string reg) =>
        Tasks($"MTU {mtu} on {iface}", Link(iface), reg, $"not ({Contains(reg, $" mtu {mtu} ")})",
            ["ip", "link", "set", "dev", iface, "mtu", mtu.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    public static ImmutableArray<AnsibleTask> DeleteLink(string iface, string reg) =>
        Tasks($"delete {iface} if it is still there", Link(iface), reg, $"{reg}.rc == 0", ["ip", "link", "del", "dev", iface]);

    public static ImmutableArray<AnsibleTask> Address(string iface, IpPrefix a, bool add, string reg)
    {
        var check = new[] { "ip", "-o", "addr", "show", "dev", iface };
        var present = Contains(reg, $" {a} ");
        return add
            ? Tasks($"address {a} on {iface}", check, reg, $"not ({present})", ["ip", "addr", "add", a.ToString(), "dev", iface])
            : Tasks($"remove address {a} from {iface}", check, reg, present, ["ip", "addr", "del", a.ToString(), "dev", iface]);
    }

    /// <summary>`ip route show to exact DEST [table T]` lists the routes for exactly that prefix; a gateway or device given must be among them.</summary>
    public static ImmutableArray<AnsibleTask> Route(string destination, string? via, string? dev, string? metric, string? table, bool add, string reg)
    {
        var dest = RouteDestination.Parse(destination).Get().ToString();
        var where = table is null ? Array.Empty<string>() : ["table", table];
        var check = new[] { "ip", "-o", "route", "show", "to", "exact", dest }.Concat(where);
        var conds = new List<string> { $"{reg}.stdout != ''" };
        if (via is not null) conds.Add(Contains(reg, $"via {IpAddress.Parse(via).Get()} "));
        if (dev is not null) conds.Add(Contains(reg, $"dev {dev} "));
        var present = string.Join(" and ", conds);
        var spec = new List<string> { dest };
        if (via is not null) spec.AddRange(["via", IpAddress.Parse(via).Get().ToString()]);
        if (dev is not null) spec.AddRange(["dev", dev]);
        if (metric is not null) spec.AddRange(["metric", metric]);
        spec.AddRange(where);
        var text = string.Join(' ', spec);
        return add
            ? Tasks($"route {text}", check, reg, $"not ({present})", ["ip", "route", "add", .. spec])
            : Tasks($"remove route {text}", check, reg, present, ["ip", "route", "del", .. spec]);
    }
}
