using NetTui.Core.Export.Ansible;
using NetTui.Core.Operations;
using NetTui.Core.Plans;
using NetTui.Core.Values;

namespace NetTui.Core.Export.Nmstate;

/// <summary>
/// `nettui export nmstate`: plans as one kubernetes-nmstate NodeNetworkConfigurationPolicy
/// (nmstate.io/v1), its desiredState in nmstate's schema: Linux bridges with their addresses,
/// STP, MTU and ports, OVS bridges with their datapath and plain or internal ports, kernel
/// VXLANs, routes, link state and deletes (state: absent). What nmstate cannot express
/// (GRE: kernel tunnels and OVS GRE/VXLAN ports; Docker's daemon.json) is listed in a comment
/// at the top and left out. Pure, tested as documents (nmstatectl is not available here).
/// </summary>
public static class NmstateExport
{
    public static string Policy(IReadOnlyList<NamedPlan> plans, string name)
    {
        var d = new DesiredState();
        foreach (var op in plans.SelectMany(p => p.Plan.Operations)) d.Add(op);
        var doc = YamlMap.Of(
            ("apiVersion", "nmstate.io/v1"),
            ("kind", "NodeNetworkConfigurationPolicy"),
            ("metadata", YamlMap.Of(("name", name))),
            ("spec", YamlMap.Of(("desiredState", d.ToYaml()))));
        var header = "Written by nettui export nmstate from " + string.Join(", ", plans.Select(p => Path.GetFileName(p.Name))) + "."
            + (d.Notes.Count == 0 ? "" : "\n\nNot expressed (nmstate has no way to say it):\n" + string.Join("\n", d.Notes.Distinct().Select(n => "- " + n)));
        return YamlEmitter.Write(doc, header);
    }

    /// <summary>A Kubernetes object name from a plan file name: lowercase letters, digits and '-'.</summary>
    public static string PolicyName(string planPath)
    {
        var stem = Path.GetFileName(planPath).Replace(".plan.json", "", StringComparison.Ordinal).Replace(".json", "", StringComparison.Ordinal);
        var clean = new string([.. stem.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        return "nettui-" + (clean.Length == 0 ? "plan" : clean);
    }

    private sealed class Iface(string name, string? type)
    {
        public string Name { get; } = name;
        public string? Type { get; set; } = type;
        public string State { get; set; } = "up";
        public int? Mtu { get; set; }
        public List<IpPrefix>? Addresses { get; set; }
        public List<string> Ports { get; } = [];
        public YamlMap? Extra { get; set; }
        public bool Stp { get; set; }
        public string? Datapath { get; set; }
    }

    private sealed class DesiredState
    {
        private readonly List<Iface> ifaces = [];
        private readonly List<YamlNode> routes = [];
        public List<string> Notes { get; } = [];

        private Iface Get(string name, string? type = null)
        {
            var i = ifaces.FirstOrDefault(x => x.Name == name && (type is null || x.Type is null || x.Type == type));
            if (i is null) ifaces.Add(i = new Iface(name, type));
            else if (type is not null) i.Type = type;
            return i;
        }

        public void Add(Operation op)
        {
            switch (op)
            {
                case CreateBridge c:
                    var br = Get(c.Name, "linux-bridge");
                    br.Stp = c.Stp;
                    br.Mtu = c.Mtu is null ? null : Mtu.Parse(c.Mtu).Get().Value;
                    br.Addresses = [.. new[] { c.Address }.Concat(c.MoreAddresses).OfType<string>().Select(a => IpPrefix.Parse(a).Get())];
                    br.Ports.AddRange(c.Ports);
                    if (!c.Up) br.State = "down";
                    foreach (var r in c.Routes) Add(r);
                    break;
                case AttachToBridge a:
                    var target = ifaces.FirstOrDefault(x => x.Name == a.Bridge && x.Type == "linux-bridge") ?? Get(a.Bridge, "linux-bridge");
                    target.Ports.Add(a.Interface);
                    break;
                case AddAddress a:
                    var withAddr = ifaces.LastOrDefault(x => x.Name == a.Interface && x.Type != "ovs-bridge") ?? Get(a.Interface);
                    if (withAddr.Addresses is null && withAddr.Type is null)
                        Notes.Add($"nmstate sets the whole address list of {a.Interface}: addresses it has now and the plan does not name are removed");
                    (withAddr.Addresses ??= []).Add(IpPrefix.Parse(a.Address).Get());
                    foreach (var r in a.Routes) Add(r);
                    break;
                case AddRoute r: routes.Add(Route(r.Destination, r.Via, r.Dev, r.Metric, r.Table, absent: false)); break;
                case DeleteRoute r: routes.Add(Route(r.Destination, r.Via, r.Dev, r.Metric, r.Table, absent: true)); break;
                case SetMtu m: (ifaces.LastOrDefault(x => x.Name == m.Interface && x.Type != "ovs-bridge") ?? Get(m.Interface)).Mtu = Mtu.Parse(m.Mtu).Get().Value; break;
                case SetLinkState s: (ifaces.LastOrDefault(x => x.Name == s.Interface && x.Type != "ovs-bridge") ?? Get(s.Interface)).State = s.Up ? "up" : "down"; break;
                case CreateOvsBridge b:
                    var ovs = Get(b.Name, "ovs-bridge");
                    ovs.Datapath = b.DatapathWord;
                    // OVS's own internal port of the same name: nmstate's ovs-interface.
                    ovs.Ports.Add(b.Name);
                    Get(b.Name, "ovs-interface");
                    foreach (var p in b.Ports) OvsPort(p);
                    break;
                case AddOvsPort p: OvsPort(p); break;
                case AddOvsGrePort g: Notes.Add($"OVS GRE port {g.Port} on {g.Bridge} (remote {g.Remote}): nmstate has no GRE; add it with ovs-vsctl"); break;
                case AddOvsVxlanPort v: Notes.Add($"OVS VXLAN port {v.Port} on {v.Bridge} (remote {v.Remote}): nmstate has no OVS tunnel ports; add it with ovs-vsctl"); break;
                case CreateIpTunnel t: Notes.Add($"{t.Mode.ToUpperInvariant()} tunnel {t.Name} to {t.Remote}: nmstate has no GRE"); break;
                case CreateVxlan v:
                    var vx = Get(v.Name, "vxlan");
                    vx.Mtu = v.Mtu is null ? null : Mtu.Parse(v.Mtu).Get().Value;
                    vx.Extra = YamlMap.Of(("vxlan", YamlMap.Of(
                        ("id", (long)Vni.Parse(v.Vni).Get().Value),
                        ("base-iface", v.Underlay),
                        ("remote", v.Remote ?? v.Group),
                        ("local", v.Local),
                        ("destination-port", (long)v.Port),
                        ("learning", v.Learning))));
                    if (!v.Up) vx.State = "down";
                    break;
                case DeleteBridge d: Get(d.Name, "linux-bridge").State = "absent"; break;
                case DeleteOvsBridge d: Get(d.Name, "ovs-bridge").State = "absent"; break;
                case DeleteVxlan d: Get(d.Name, "vxlan").State = "absent"; break;
                case DeleteIpTunnel d: Notes.Add($"deleting tunnel {d.Name}: nmstate has no GRE"); break;
                case DeleteOvsPort p: Notes.Add($"deleting OVS port {p.Port} from {p.Bridge}: leave it out of the bridge's port list in a later policy"); break;
                case DetachFromBridge d: Notes.Add($"detaching {d.Interface}: leave it out of its bridge's port list in a later policy"); break;
                case RemoveAddress r: Notes.Add($"removing {r.Address} from {r.Interface}: leave it out of the interface's address list in a later policy"); break;
                case SetDockerDefaultBridge s: Notes.Add($"Docker's default bridge{(s.Bridge is null ? "" : $" {s.Bridge}")} (daemon.json) is not network state"); break;
                default: Notes.Add($"{op.Describe()}: not expressed"); break;
            }
        }

        private void OvsPort(AddOvsPort p)
        {
            var type = OvsToken.PortType(p.Type).Get();
            if (type is not ("" or "internal"))
            {
                Notes.Add($"OVS {type} port {p.Port} on {p.Bridge}: nmstate has no OVS tunnel ports; add it with ovs-vsctl");
                return;
            }
            Get(p.Bridge, "ovs-bridge").Ports.Add(p.Port);
            if (type == "internal") Get(p.Port, "ovs-interface");
        }

        private static YamlNode Route(string destination, string? via, string? dev, string? metric, string? table, bool absent)
        {
            var dest = RouteDestination.Parse(destination).Get().Prefix;
            long? tableId = table is null ? null : RouteTable.Parse(table).Get() is { IsMain: false } t ? t.Id : null;
            return YamlMap.Of(
                ("destination", $"{dest.Network.BaseAddress}/{dest.PrefixLength}"),
                ("next-hop-interface", dev),
                ("next-hop-address", via is null ? null : IpAddress.Parse(via).Get().ToString()),
                ("metric", metric is null ? null : (long)Metric.Parse(metric).Get().Value),
                ("table-id", tableId is { } id ? id : null),
                ("state", absent ? "absent" : null));
        }

        public YamlMap ToYaml() => YamlMap.Of(
            ("interfaces", new YamlList([.. ifaces.Select(Interface)])),
            ("routes", routes.Count == 0 ? null : YamlMap.Of(("config", new YamlList([.. routes])))));

        private static YamlNode Interface(Iface i)
        {
            if (i.State == "absent") return YamlMap.Of(("name", i.Name), ("type", i.Type), ("state", "absent"));
            var m = YamlMap.Of(("name", i.Name), ("type", i.Type), ("state", i.State), ("mtu", i.Mtu is { } mtu ? mtu : null));
            if (i.Type is "linux-bridge" or "ovs-interface" or "vxlan" || i.Addresses is not null)
            {
                var v4 = i.Addresses?.Where(a => a.IsV4).ToList() ?? [];
                var v6 = i.Addresses?.Where(a => !a.IsV4).ToList() ?? [];
                m = m.With("ipv4", Ip(v4, v6: false)).With("ipv6", Ip(v6, v6: true));
            }
            if (i.Type == "linux-bridge")
                m = m.With("bridge", YamlMap.Of(
                    ("options", YamlMap.Of(("stp", YamlMap.Of(("enabled", i.Stp))))),
                    ("port", new YamlList([.. i.Ports.Distinct().Select(p => (YamlNode)YamlMap.Of(("name", p)))]))));
            if (i.Type == "ovs-bridge")
                m = m.With("bridge", YamlMap.Of(
                    ("options", i.Datapath is null ? null : YamlMap.Of(("datapath", i.Datapath))),
                    ("port", new YamlList([.. i.Ports.Distinct().Select(p => (YamlNode)YamlMap.Of(("name", p)))]))));
            foreach (var (k, v) in i.Extra?.Entries ?? []) m = m.With(k, v);
            return m;
        }

        private static YamlMap Ip(List<IpPrefix> addresses, bool v6) => addresses.Count == 0
            ? YamlMap.Of(("enabled", false))
            : YamlMap.Of(("enabled", true), ("dhcp", false), ("autoconf", v6 ? false : null),
                ("address", new YamlList([.. addresses.Select(a => (YamlNode)YamlMap.Of(("ip", a.Address.ToString()), ("prefix-length", (long)a.PrefixLength)))])));
    }
}
