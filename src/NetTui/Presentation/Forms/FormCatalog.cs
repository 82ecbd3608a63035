using System.Globalization;
using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.Presentation.Forms;

/// <summary>What the admin asked for with a key: a new object, attach/add to one, delete one, edit one.</summary>
public enum FormVerb
{
    New,
    Add,
    Delete,
    Edit,
    /// <summary>Make a runtime-only object persistent (`p`, see <see cref="PersistForms"/>).</summary>
    Persist,
}

/// <summary>
/// The forms of every change the TUI offers, with their defaults and pickers filled from
/// the snapshot. Which form a key opens in which view is the view controllers' (Tui/Controllers/Views).
/// </summary>
public static class FormCatalog
{
    private static readonly string[] OnOff = ["off", "on"];

    private static string V(IReadOnlyDictionary<string, string> v, string name) => v.TryGetValue(name, out var s) ? s.Trim() : "";
    private static string? Opt(IReadOnlyDictionary<string, string> v, string name) => V(v, name) is { Length: > 0 } s ? s : null;

    public static IReadOnlyList<string> BridgeNames(HostSnapshot h) => [.. h.Bridges.Select(b => b.Name)];
    public static IReadOnlyList<string> OvsBridgeNames(HostSnapshot h) => [.. (h.Ovs?.Bridges ?? []).Select(b => b.Name)];
    public static IReadOnlyList<string> LinkNames(HostSnapshot h) => [.. h.Links.Select(l => l.Name)];

    /// <summary>Interfaces that could become a bridge port: not already a port here or in OVS, not a bridge, loopback or OVS's datapath device.</summary>
    public static IReadOnlyList<string> Attachable(HostSnapshot h) =>
        [.. h.Links.Where(l => l.Master is null && l.Kind != LinkKind.Bridge && l.Kind != LinkKind.Loopback && h.NotABridgePort(l) is null).Select(l => l.Name)];

    public static FormSpec BridgeAdd(HostSnapshot h) => new("New Linux bridge",
    [
        new("name", "Name", Default: NextFree(h, "br")),
        new("address", "Address CIDR", Optional: true),
        new("stp", "STP", FieldKind.Choice, "off", OnOff),
    ], v => [new CreateBridge(V(v, "name"), Opt(v, "address"), V(v, "stp") == "on")]);

    public static FormSpec BridgeDel(HostSnapshot h, string name) => new($"Delete Linux bridge {name}",
        [new("name", "Bridge", FieldKind.Picker, name, BridgeNames(h))],
        v => [new DeleteBridge(V(v, "name"))], "Delete");

    public static FormSpec Attach(HostSnapshot h, string? bridge, string? iface) => new("Attach an interface to a bridge",
    [
        new("bridge", "Bridge", FieldKind.Picker, bridge ?? BridgeNames(h).FirstOrDefault() ?? "", BridgeNames(h)),
        new("interface", "Interface", FieldKind.Picker, iface ?? Attachable(h).FirstOrDefault() ?? "", Attachable(h)),
    ], v => [new AttachToBridge(V(v, "bridge"), V(v, "interface"))]);

    public static FormSpec Detach(HostSnapshot h, string iface) => new($"Detach {iface} from its bridge",
        [new("interface", "Interface", FieldKind.Picker, iface, [.. h.Links.Where(l => l.Master is not null).Select(l => l.Name)])],
        v => [new DetachFromBridge(V(v, "interface"))], "Detach");

    public static FormSpec AddressAdd(HostSnapshot h, string? iface) => new("Add an address",
    [
        new("interface", "Interface", FieldKind.Picker, iface ?? "", LinkNames(h)),
        new("address", "Address CIDR"),
    ], v => [new AddAddress(V(v, "interface"), V(v, "address"))]);

    public static FormSpec AddressDel(HostSnapshot h, string iface)
    {
        var addrs = h.FindLink(iface)?.Addresses.Where(a => a.Scope != "link").Select(a => a.Cidr).ToList() ?? [];
        return new($"Remove an address from {iface}",
        [
            new("interface", "Interface", FieldKind.Picker, iface, LinkNames(h)),
            new("address", "Address CIDR", FieldKind.Picker, addrs.FirstOrDefault() ?? "", addrs),
        ], v => [new RemoveAddress(V(v, "interface"), V(v, "address"))], "Remove");
    }

    /// <summary>Edit a link: its state and MTU; only what changed becomes an operation.</summary>
    public static FormSpec LinkEdit(HostSnapshot h, string iface)
    {
        var link = h.FindLink(iface);
        var state = link is null || link.AdminUp ? "up" : "down";
        var mtu = link?.Mtu.ToString(CultureInfo.InvariantCulture) ?? "";
        return new($"Edit link {iface}",
        [
            new("state", "State", FieldKind.Choice, state, ["up", "down"]),
            new("mtu", "MTU", Default: mtu),
        ], v =>
        {
            var ops = new List<Operation>();
            if (V(v, "mtu") != mtu) ops.Add(new SetMtu(iface, V(v, "mtu")));
            if (V(v, "state") != state)
            {
                if (V(v, "state") is not ("up" or "down")) throw new FormError("state", "must be up or down");
                ops.Add(new SetLinkState(iface, V(v, "state") == "up"));
            }
            if (ops.Count == 0) throw new FormError("", "nothing to change");
            return ops;
        });
    }

    public static FormSpec OvsBridgeAdd(HostSnapshot h) => new("New Open vSwitch bridge",
    [
        new("name", "Name", Default: NextFree(h, "obr")),
        new("datapath", "Datapath", FieldKind.Choice, OvsDatapathDefault.For(h).Word, ["system", "netdev"]),
    ], v => [new CreateOvsBridge(V(v, "name"), V(v, "datapath"))]);

    public static FormSpec OvsBridgeDel(HostSnapshot h, string name) => new($"Delete Open vSwitch bridge {name}",
        [new("name", "Bridge", FieldKind.Picker, name, OvsBridgeNames(h))],
        v => [new DeleteOvsBridge(V(v, "name"))], "Delete");

    public static FormSpec OvsGreAdd(HostSnapshot h, string? bridge) => new("New GRE port on an Open vSwitch bridge",
    [
        new("bridge", "Bridge", FieldKind.Picker, bridge ?? OvsBridgeNames(h).FirstOrDefault() ?? "", OvsBridgeNames(h)),
        new("port", "Port name", Default: NextFree(h, "gre")),
        new("remote", "Remote IP"),
        new("local", "Local IP", Optional: true),
        new("key", "Key", Optional: true),
    ], v => [new AddOvsGrePort(V(v, "bridge"), V(v, "port"), V(v, "remote"), Opt(v, "local"), Opt(v, "key"))]);

    /// <summary>The tunnel port types `a` adds in the Open vSwitch view; the form switches as the Kind field cycles.</summary>
    public static readonly string[] OvsTunnelKinds = ["gre", "vxlan"];

    /// <summary>`a` in Open vSwitch: a Kind choice (GRE or VXLAN port) above that port form's fields.</summary>
    public static FormSpec OvsTunnelPortAdd(HostSnapshot h, string? bridge, string kind = "gre") =>
        WithKind(kind == "vxlan" ? OvsVxlanAdd(h, bridge) : OvsGreAdd(h, bridge), kind == "vxlan" ? "vxlan" : "gre", OvsTunnelKinds, k => OvsTunnelPortAdd(h, bridge, k));

    public static FormSpec OvsVxlanAdd(HostSnapshot h, string? bridge) => new("New VXLAN port on an Open vSwitch bridge",
    [
        new("bridge", "Bridge", FieldKind.Picker, bridge ?? OvsBridgeNames(h).FirstOrDefault() ?? "", OvsBridgeNames(h)),
        new("port", "Port name", Default: NextFree(h, "vxlan")),
        new("remote", "Remote IP"),
        new("local", "Local IP", Optional: true),
        new("vni", "VNI", Optional: true),
        new("dstport", "UDP port", Optional: true),
    ], v => [new AddOvsVxlanPort(V(v, "bridge"), V(v, "port"), V(v, "remote"), Opt(v, "local"), Opt(v, "vni"), Opt(v, "dstport"))]);

    public static FormSpec OvsPortDel(HostSnapshot h, string bridge, string port) => new($"Delete port {port} of {bridge}",
    [
        new("bridge", "Bridge", FieldKind.Picker, bridge, OvsBridgeNames(h)),
        new("port", "Port", Default: port),
    ], v => [new DeleteOvsPort(V(v, "bridge"), V(v, "port"))], "Delete");

    public static FormSpec RouteAdd(HostSnapshot h) => new("New route",
    [
        new("destination", "Destination"),
        new("via", "Gateway", Optional: true),
        new("dev", "Device", FieldKind.Picker, "", LinkNames(h), Optional: true),
        new("metric", "Metric", Optional: true),
        new("table", "Table", Optional: true),
    ], v => [new AddRoute(V(v, "destination"), Opt(v, "via"), Opt(v, "dev"), Opt(v, "metric"), Opt(v, "table"))]);

    public static FormSpec RouteDel(HostSnapshot h, Route r) => new($"Delete route {r.Destination}",
    [
        new("destination", "Destination", Default: r.Destination),
        new("via", "Gateway", Default: r.Gateway ?? "", Optional: true),
        new("dev", "Device", FieldKind.Picker, r.Device ?? "", LinkNames(h), Optional: true),
        new("metric", "Metric", Default: r.Metric?.ToString(CultureInfo.InvariantCulture) ?? "", Optional: true),
        new("table", "Table", Default: r.Table == "main" ? "" : r.Table, Optional: true),
    ], v => [new DeleteRoute(V(v, "destination"), Opt(v, "via"), Opt(v, "dev"), Opt(v, "metric"), Opt(v, "table"))], "Delete");

    /// <summary>Kernel GRE tunnels (gre/gretap links) on the host, for the delete picker.</summary>
    public static IReadOnlyList<string> TunnelNames(HostSnapshot h) =>
        [.. h.Links.Where(l => l.Kind is LinkKind.Gre or LinkKind.Gretap).Select(l => l.Name)];

    public static FormSpec IpTunnelAdd(HostSnapshot h) => new("New GRE tunnel (ip tunnel)",
    [
        new("name", "Name", Default: NextFree(h, "gre")),
        new("mode", "Mode", FieldKind.Choice, "gre", ["gre", "gretap"]),
        new("remote", "Remote IP"),
        new("local", "Local IP", Optional: true),
        new("key", "Key", Optional: true),
        new("ttl", "TTL", Optional: true),
    ], v => [new CreateIpTunnel(V(v, "name"), V(v, "mode"), V(v, "remote"), Opt(v, "local"), Opt(v, "key"), Opt(v, "ttl"))]);

    public static FormSpec IpTunnelDel(HostSnapshot h, string name) => new($"Delete GRE tunnel {name}",
        [new("name", "Tunnel", FieldKind.Picker, name, TunnelNames(h))],
        v => [new DeleteIpTunnel(V(v, "name"))], "Delete");

    /// <summary>Kernel VXLAN devices: `ip link add NAME type vxlan id VNI remote|group ... dstport P`.</summary>
    public static FormSpec VxlanAdd(HostSnapshot h) => new("New VXLAN device",
    [
        new("name", "Name", Default: NextFree(h, "vxlan")),
        new("vni", "VNI"),
        new("remote", "Remote IP", Optional: true),
        new("group", "Group", Optional: true),
        new("local", "Local IP", Optional: true),
        new("dstport", "UDP port", Default: "4789"),
        new("underlay", "Underlay", FieldKind.Picker, "", LinkNames(h), Optional: true),
        new("learning", "Learning", FieldKind.Choice, "on", OnOff),
        new("mtu", "MTU", Optional: true),
    ], v => [new CreateVxlan(V(v, "name"), V(v, "vni"), Opt(v, "remote"), Opt(v, "group"), Opt(v, "local"), Opt(v, "dstport"), Opt(v, "underlay"), Opt(v, "mtu"))
        { Learning = V(v, "learning") != "off" }]);

    public static FormSpec VxlanDel(HostSnapshot h, string name) => new($"Delete VXLAN {name}",
        [new("name", "VXLAN", FieldKind.Picker, name, [.. h.Links.Where(l => l.Kind == LinkKind.Vxlan).Select(l => l.Name)])],
        v => [new DeleteVxlan(V(v, "name"))], "Delete");

    /// <summary>The kinds `n` creates in Interfaces; the form switches as the Kind field cycles.</summary>
    public static readonly string[] NewKinds = ["bridge", "tunnel", "vxlan"];

    /// <summary>
    /// `n` in Interfaces: a Kind choice (bridge, GRE tunnel or VXLAN) above the fields of that kind's
    /// form; changing the kind switches the form (<see cref="FormSpec.KindSwitch"/>).
    /// </summary>
    public static FormSpec NewInterface(HostSnapshot h, string kind = "bridge")
    {
        var own = NewKinds.Contains(kind) ? kind : "bridge";
        var inner = own switch { "tunnel" => IpTunnelAdd(h), "vxlan" => VxlanAdd(h), _ => BridgeAdd(h) };
        return WithKind(inner, own, NewKinds, k => NewInterface(h, k));
    }

    /// <summary>A Kind choice above <paramref name="inner"/>'s fields; changing it switches to <paramref name="other"/>'s form.</summary>
    private static FormSpec WithKind(FormSpec inner, string own, string[] kinds, Func<string, FormSpec> other) => inner with
    {
        Fields = [new("kind", "Kind", FieldKind.Choice, own, kinds), .. inner.Fields],
        Build = v => V(v, "kind") == own ? inner.Build(v) : throw new FormError("kind", "press ↑/↓ to choose: " + string.Join(" or ", kinds)),
        KindSwitch = k => kinds.Contains(k) ? other(k) : null,
    };

    /// <summary>The Docker form's field asking for `systemctl restart docker` after the change (the CLI's --restart).</summary>
    public const string RestartField = "restart";

    /// <summary>Docker's default bridge ("bridge" in daemon.json), the TUI's `nettui docker bridge`.</summary>
    public static FormSpec DockerBridge(HostSnapshot h, string? bridge)
    {
        // Docker's own docker0 is what "bridge" replaces, so a bridge of the admin's is the better guess.
        var pick = bridge ?? BridgeNames(h).FirstOrDefault(b => b != "docker0") ?? BridgeNames(h).FirstOrDefault() ?? "";
        return new("Docker's default bridge (daemon.json)",
        [
            new("bridge", "Bridge", FieldKind.Picker, pick, BridgeNames(h)),
            new("daemon-json", "daemon.json", Default: OperationContext.DefaultDaemonJson),
            // Not part of the change (it has no undo): the main window restarts dockerd after a successful Apply.
            new(RestartField, "Restart dockerd", FieldKind.Choice, "no", ["no", "yes"]),
        ], v => V(v, RestartField) is "no" or "yes"
            ? [new SetDockerDefaultBridge(V(v, "bridge"), V(v, "daemon-json"))]
            : throw new FormError(RestartField, "must be no or yes"));
    }

    private static HashSet<string> OvsNames(HostSnapshot h) =>
        [.. (h.Ovs?.Bridges ?? []).SelectMany(b => b.Ports.SelectMany(p => p.Interfaces.Select(i => i.Name).Append(p.Name)).Append(b.Name))];

    /// <summary>The first free name prefix0, prefix1, ... on the host.</summary>
    public static string NextFree(HostSnapshot h, string prefix)
    {
        for (var i = 0; ; i++)
        {
            var n = prefix + i.ToString(CultureInfo.InvariantCulture);
            if (h.FindLink(n) is null && !OvsNames(h).Contains(n)) return n;
        }
    }
}
