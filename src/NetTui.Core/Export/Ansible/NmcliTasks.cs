using System.Collections.Immutable;
using System.Globalization;
using NetTui.Core.Persisting;

namespace NetTui.Core.Export.Ansible;

/// <summary>
/// A NetworkManager profile as NetTui builds it (<see cref="ProfileBuilder"/>: the same
/// settings `nettui apply` saves) turned into a community.general.nmcli task. What that module
/// has no option for (a bridge's or VXLAN's MTU, a VXLAN's port, learning and parent, a GRETAP
/// tunnel) is set by guarded `nmcli connection modify`/`add` commands; every task notifies the
/// profile's activation handler, flushed right after the profile so what follows finds the device.
/// </summary>
public static class NmcliTasks
{
    public const string Module = "community.general.nmcli";

    public static string ActivateHandler(string id) => $"nettui: activate {id}";

    /// <summary>Keys every profile has that the module derives itself (conn_name, type, ifname) or that a stock module cannot set (uuid, user.data: the "nettui-" id marks it NetTui's).</summary>
    private static readonly ImmutableHashSet<string> Implicit = [
        $"{NmKeys.Connection}.{NmKeys.Id}", $"{NmKeys.Connection}.{NmKeys.Uuid}", $"{NmKeys.Connection}.{NmKeys.Type}",
        $"{NmKeys.Connection}.{NmKeys.InterfaceName}", $"{NmKeys.Connection}.{NmKeys.Autoconnect}", $"{NmKeys.User}.{NmKeys.UserData}"];

    public static AnsibleTasks Present(NmSettings s, Func<string> register)
    {
        var id = s.Id;
        var args = new List<(string, YamlNode?)> { ("conn_name", id), ("ifname", s.InterfaceName ?? ""), ("autoconnect", true) };
        var used = new HashSet<string>(Implicit);
        string? type = s.Type switch
        {
            ProfileBuilder.BridgeType => "bridge",
            ProfileBuilder.EthernetType when s.GetString(NmKeys.Connection, NmKeys.SlaveType) == "bridge" => "bridge-slave",
            ProfileBuilder.IpTunnelType when s.Get(NmKeys.IpTunnel, "mode") is NmUInt32 { Value: ProfileBuilder.ModeGre } => "gre",
            ProfileBuilder.VxlanType => "vxlan",
            _ => null,
        };
        if (type is null) return AddByCommand(s, register);
        args.Insert(1, ("type", type));
        void Take(string section, string key, string option, Func<NmValue, YamlNode>? convert = null)
        {
            if (s.Get(section, key) is not { } v) return;
            args.Add((option, convert is null ? Text(v) : convert(v)));
            used.Add($"{section}.{key}");
        }
        switch (type)
        {
            case "bridge":
                Take(NmKeys.Bridge, NmKeys.Stp, "stp", v => ((NmBool)v).Value);
                break;
            case "bridge-slave":
                Take(NmKeys.Connection, NmKeys.Master, "master");
                used.Add($"{NmKeys.Connection}.{NmKeys.SlaveType}");
                args.Add(("hairpin", false)); // NetworkManager's default; said so the module does not warn
                break;
            case "gre":
                used.Add($"{NmKeys.IpTunnel}.mode");
                Take(NmKeys.IpTunnel, "remote", "ip_tunnel_remote");
                Take(NmKeys.IpTunnel, "local", "ip_tunnel_local");
                Take(NmKeys.IpTunnel, "input-key", "ip_tunnel_input_key");
                Take(NmKeys.IpTunnel, "output-key", "ip_tunnel_output_key");
                break;
            case "vxlan":
                Take(NmKeys.Vxlan, "id", "vxlan_id", v => ((NmUInt32)v).Value);
                Take(NmKeys.Vxlan, "remote", "vxlan_remote");
                Take(NmKeys.Vxlan, "local", "vxlan_local");
                break;
        }
        // The module sends IP settings only for the types it knows carry IP (bridge, gre...), not vxlan or ports.
        if (type is "bridge" or "gre")
            foreach (var v4 in new[] { true, false })
            {
                var section = NmKeys.IpSection(v4);
                var n = v4 ? "4" : "6";
                Take(section, NmKeys.Method, "method" + n);
                Take(section, NmKeys.AddressData, "ip" + n, v => YamlList.Strings(((NmDictArray)v).Items.Select(i => $"{i["address"]}/{i["prefix"]}")));
                Take(section, NmKeys.RouteData, $"routes{n}_extended", v => new YamlList([.. ((NmDictArray)v).Items.Select(Route)]));
            }
        args.Add(("state", "present"));
        var tasks = new List<AnsibleTask>
        {
            new AnsibleTask($"NetworkManager profile {id} ({type} {s.InterfaceName})", Module, YamlMap.Of([.. args])).Notify(ActivateHandler(id)),
        };
        foreach (var (key, value) in Rest(s, used))
            tasks.AddRange(SetProperty(id, key, value, register()));
        tasks.Add(Flush(id));
        return new AnsibleTasks([.. tasks], [Activate(id)], []);
    }

    /// <summary>The profile and, if NetworkManager left it, the device. Deleting a port's profile detaches it.</summary>
    public static ImmutableArray<AnsibleTask> Absent(string iface) =>
        [new AnsibleTask($"remove NetworkManager profile {ProfileBuilder.ProfileId(iface)}", Module,
            YamlMap.Of(("conn_name", ProfileBuilder.ProfileId(iface)), ("state", "absent")))];

    private static YamlNode Route(ImmutableSortedDictionary<string, NmValue> r) => YamlMap.Of(
        ("ip", $"{r["dest"]}/{r["prefix"]}"),
        ("next_hop", r.TryGetValue("next-hop", out var nh) ? Text(nh) : null),
        ("metric", r.TryGetValue("metric", out var m) ? ((NmUInt32)m).Value : null),
        ("table", r.TryGetValue("table", out var t) ? ((NmUInt32)t).Value : null));

    private static IEnumerable<(string Key, NmValue Value)> Rest(NmSettings s, HashSet<string> used) =>
        s.Sections.SelectMany(sec => sec.Value.Select(kv => ($"{sec.Key}.{kv.Key}", kv.Value))).Where(p => !used.Contains(p.Item1));

    private static ImmutableArray<AnsibleTask> SetProperty(string id, string key, NmValue value, string reg)
    {
        var text = NmcliText(key, value);
        var tasks = GuardedCommand.Tasks($"{key}={text} in profile {id}",
            ["nmcli", "-g", key, "connection", "show", id], reg, $"{reg}.stdout != {GuardedCommand.Lit(text)}",
            ["nmcli", "connection", "modify", id, key, text]);
        return [tasks[0], tasks[1].Notify(ActivateHandler(id))];
    }

    /// <summary>A profile the module cannot express (GRETAP, a tap port): `nmcli connection add` with every property, once.</summary>
    private static AnsibleTasks AddByCommand(NmSettings s, Func<string> register)
    {
        var reg = register();
        var argv = new List<string> { "nmcli", "connection", "add", "type", s.Type ?? "", "con-name", s.Id, "ifname", s.InterfaceName ?? "", "autoconnect", "yes" };
        foreach (var (key, value) in Rest(s, [.. Implicit]))
        {
            if (value is NmDictArray) continue; // IP settings of such profiles are empty ("disabled"/"ignore" methods)
            argv.Add(key);
            argv.Add(NmcliText(key, value));
        }
        var tasks = GuardedCommand.Tasks($"NetworkManager profile {s.Id} ({s.Type} {s.InterfaceName})",
            ["nmcli", "-g", "connection.id", "connection", "show", s.Id], reg, $"{reg}.rc != 0", argv);
        return new AnsibleTasks([tasks[0], tasks[1].Notify(ActivateHandler(s.Id)), Flush(s.Id)], [Activate(s.Id)], []);
    }

    /// <summary>A value as nmcli prints it with -g and takes it in `modify`: yes/no, numbers, mode words.</summary>
    private static string NmcliText(string key, NmValue v) => (key, v) switch
    {
        ("ip-tunnel.mode", NmUInt32 { Value: ProfileBuilder.ModeGretap }) => "gretap",
        ("ip-tunnel.mode", NmUInt32 { Value: ProfileBuilder.ModeGre }) => "gre",
        ("tun.mode", NmUInt32 { Value: 2 }) => "tap",
        (_, NmBool b) => b.Value ? "yes" : "no",
        (_, NmUInt32 u) => u.Value.ToString(CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    private static YamlNode Text(NmValue v) => v.ToString() ?? "";

    private static AnsibleTask Activate(string id) =>
        new(ActivateHandler(id), "ansible.builtin.command", YamlMap.Of(("argv", YamlList.Of("nmcli", "connection", "up", id))));

    private static AnsibleTask Flush(string id) => new($"activate {id} now, before what depends on it", "ansible.builtin.meta", "flush_handlers");
}
