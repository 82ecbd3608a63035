using System.Collections.Immutable;
using NetTui.Core.Operations;
using NetTui.Core.Values;

namespace NetTui.Core.Export.Ansible;

/// <summary>
/// Open vSwitch through the openvswitch.openvswitch collection. ovs-vsctl finds its database
/// through OVS_RUNDIR (the play's environment) or the variable <c>nettui_ovs_db</c>
/// (`unix:/path/db.sock`). A bridge's datapath type and a port's interface type and options
/// go in the module's `set`, which it appends to add-br/add-port as `-- set ...`: one
/// transaction, so a GRE port never exists without its type (the seed's "could not add
/// network device gre0" row).
/// </summary>
public static class OvsTasks
{
    private const string Db = "{{ nettui_ovs_db | default(omit) }}";

    public static AnsibleTask Bridge(CreateOvsBridge b) =>
        new($"OVS bridge {b.Name} (datapath {b.DatapathWord})", "openvswitch.openvswitch.openvswitch_bridge", YamlMap.Of(
            ("bridge", b.Name),
            ("set", $"bridge {b.Name} datapath_type={b.DatapathWord}"),
            ("state", "present"),
            ("database_socket", Db)));

    public static AnsibleTask BridgeAbsent(string name) =>
        new($"remove OVS bridge {name}", "openvswitch.openvswitch.openvswitch_bridge", YamlMap.Of(
            ("bridge", name), ("state", "absent"), ("database_socket", Db)));

    /// <summary>
    /// Under --check the bridge an earlier task would make is not there, and the port and
    /// database modules then fail ("no bridge named obr0"): such a failure is expected there.
    /// </summary>
    private static AnsibleTask NeedsEarlierTasks(AnsibleTask t) => t.With("ignore_errors", "{{ ansible_check_mode }}");

    public static AnsibleTask Port(AddOvsPort p)
    {
        var type = OvsToken.PortType(p.Type).Get();
        var set = type.Length == 0 && p.Options.Count == 0
            ? null
            : YamlList.Of(string.Join(' ', new[] { $"Interface {p.Port}" }
                .Concat(type.Length == 0 ? [] : [$"type={type}"])
                .Concat(p.Options.Select(o => $"options:{o.Key}={o.Value}"))));
        var what = type.Length == 0 ? "port" : $"{type} port";
        var opts = p.Options.Count == 0 ? "" : " (" + string.Join(", ", p.Options.Select(o => $"{o.Key}={o.Value}")) + ")";
        return NeedsEarlierTasks(new($"OVS {what} {p.Port} on {p.Bridge}{opts}", "openvswitch.openvswitch.openvswitch_port", YamlMap.Of(
            ("bridge", p.Bridge), ("port", p.Port), ("set", set), ("state", "present"), ("database_socket", Db))));
    }

    public static AnsibleTask PortAbsent(string bridge, string port) =>
        new($"remove OVS port {port} from {bridge}", "openvswitch.openvswitch.openvswitch_port", YamlMap.Of(
            ("bridge", bridge), ("port", port), ("state", "absent"), ("database_socket", Db)));

    /// <summary>An OVS interface's MTU is OVSDB's mtu_request (ovs-vswitchd sets it and keeps it across restarts).</summary>
    public static AnsibleTask Mtu(string iface, int mtu) => NeedsEarlierTasks(new($"MTU {mtu} on OVS interface {iface}", "openvswitch.openvswitch.openvswitch_db", YamlMap.Of(
            ("table", "Interface"), ("record", iface), ("col", "mtu_request"), ("value", mtu.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("database_socket", Db))));
}
