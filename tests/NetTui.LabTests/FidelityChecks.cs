using System.Text.Json.Nodes;
using NetTui.Core.Model;
using NetTui.Lab;

namespace NetTui.LabTests;

/// <summary>The field-by-field comparisons of <see cref="FidelityLabTests"/>, one method per tool.</summary>
internal static class FidelityChecks
{
    private static string? S(JsonNode? n, string key) => n?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
    private static int? I(JsonNode? n, string key) => n?[key] is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;
    private static bool B(JsonNode? n, string key) => n?[key] is JsonValue v && (v.TryGetValue<bool>(out var b) ? b : v.TryGetValue<int>(out var i) && i != 0);
    private static bool Has(JsonNode? n, string key) => n is JsonObject o && o.ContainsKey(key);

    public static async Task LinksAsync(LabHost host, HostSnapshot snap, FieldTally t)
    {
        foreach (var l in await host.IpJsonAsync("-d", "link", "show"))
        {
            var name = S(l, "ifname")!;
            var mine = snap.FindLink(name);
            t.Check($"link {name} present", true, mine is not null);
            if (mine is null) continue;
            var info = l!["linkinfo"];
            var kind = S(info, "info_kind");
            t.Check($"{name} mtu", I(l, "mtu"), mine.Mtu);
            t.Check($"{name} mac", S(l, "address"), mine.Mac);
            t.Check($"{name} master", S(l, "master"), mine.Master);
            t.Check($"{name} kind", kind, mine.KindName);
            t.Check($"{name} alias", S(l, "ifalias"), mine.Alias);
            t.CheckSequence($"{name} altnames", (l["altnames"] as JsonArray ?? []).Select(a => a!.GetValue<string>()), mine.AltNames);
            if (kind is not ("veth" or null) && S(l, "link") is { } parent)
                t.Check($"{name} parent", parent, mine.Parent);
            var d = info?["info_data"];
            switch (kind)
            {
                case "vxlan":
                    var v = mine.Details?.Vxlan;
                    t.Check($"{name} vni", I(d, "id"), v?.Vni);
                    t.Check($"{name} remote", S(d, "remote"), v?.Remote);
                    t.Check($"{name} group", S(d, "group"), v?.Group);
                    t.Check($"{name} local", S(d, "local"), v?.Local);
                    t.Check($"{name} dstport", I(d, "port"), v?.Port);
                    t.Check($"{name} dev", S(d, "link"), v?.Device);
                    t.Check($"{name} learning", B(d, "learning"), v?.Learning);
                    t.Check($"{name} external", B(d, "external"), v?.External);
                    var fdb = (await host.BridgeJsonAsync("fdb", "show", "dev", name)).Where(e => Has(e, "dst")).ToList();
                    t.Check($"{name} fdb remotes", fdb.Count, v?.Fdb.Length ?? 0);
                    foreach (var e in fdb)
                        t.Check($"{name} fdb {S(e, "mac")} {S(e, "dst")}", true,
                            v?.Fdb.Any(f => f.Mac == S(e, "mac") && f.Destination == S(e, "dst") && f.Via == S(e, "viaIf")) == true);
                    break;
                case "macvlan" or "macvtap":
                    t.Check($"{name} mode", S(d, "mode"), mine.Details?.Macvlan?.Mode);
                    t.Check($"{name} kind is its own", kind, mine.Kind.ToString().ToLowerInvariant());
                    break;
                case "tun":
                    // OVS's internal ports are taps on the netdev datapath: NetTui names them for what they are.
                    var ovsInternal = snap.Ovs?.Bridges.SelectMany(b => b.Ports).SelectMany(p => p.Interfaces).Any(i => i.Name == name && i.Type == "internal") == true;
                    t.Check($"{name} tun/tap", ovsInternal ? "ovsinternal" : S(d, "type"), mine.Kind.ToString().ToLowerInvariant());
                    t.Check($"{name} multi_queue", B(d, "multi_queue"), mine.Details?.Tun?.MultiQueue);
                    t.Check($"{name} persist", B(d, "persist"), mine.Details?.Tun?.Persist);
                    break;
            }
        }
        foreach (var l in await host.IpJsonAsync("addr", "show"))
        {
            var name = S(l, "ifname")!;
            var mine = snap.FindLink(name);
            foreach (var a in l!["addr_info"] as JsonArray ?? [])
            {
                var local = S(a, "local");
                var m = mine?.Addresses.FirstOrDefault(x => x.Address == local);
                var f = $"{name} {local}";
                t.Check($"{f} present", true, m is not null);
                if (m is null) continue;
                t.Check($"{f} prefixlen", I(a, "prefixlen"), m.PrefixLength);
                t.Check($"{f} scope", S(a, "scope"), m.Scope);
                t.Check($"{f} secondary", B(a, "secondary"), m.Secondary);
                t.Check($"{f} label", S(a, "label") is { } lb && lb != name ? lb : null, m.Label);
                t.Check($"{f} peer", S(a, "address"), m.Peer);
                t.Check($"{f} noprefixroute", B(a, "noprefixroute"), m.NoPrefixRoute);
                t.Check($"{f} deprecated", B(a, "deprecated"), m.Deprecated);
                t.Check($"{f} lifetime forever", I(a, "valid_life_time") is null, m.ValidLifetime is null);
            }
        }
    }

    public static async Task RoutingAsync(LabHost host, HostSnapshot snap, FieldTally t)
    {
        foreach (var (flag, family) in new[] { ("-4", AddressFamily.Inet), ("-6", AddressFamily.Inet6) })
        {
            foreach (var r in await host.IpJsonAsync(flag, "route", "show", "table", "all"))
            {
                var hops = r!["nexthops"] as JsonArray;
                var dev = S(r, "dev") ?? S(hops?[0], "dev");
                var table = S(r, "table") ?? "main";
                var dst = S(r, "dst");
                var f = $"route {dst} dev {dev} table {table}";
                var mine = snap.Routes.FirstOrDefault(x => x.Family == family && x.Destination == dst && x.Device == dev && x.Table == table
                                                           && x.Type == (S(r, "type") ?? "unicast"));
                t.Check($"{f} present", true, mine is not null);
                if (mine is null) continue;
                t.Check($"{f} gateway", S(r, "gateway") ?? S(r["via"], "host") ?? S(hops?[0], "gateway"), mine.Gateway);
                t.Check($"{f} protocol", S(r, "protocol") ?? "boot", mine.Protocol);
                t.Check($"{f} metric", I(r, "metric"), mine.Metric);
                t.Check($"{f} onlink", (r["flags"] as JsonArray)?.Any(x => x!.GetValue<string>() == "onlink") == true, mine.OnLink);
                t.Check($"{f} nhid", I(r, "nhid"), mine.Details?.NexthopId);
                var metrics = (r["metrics"] as JsonArray)?[0];
                t.Check($"{f} mtu", I(metrics, "mtu"), mine.Details?.Mtu);
                t.Check($"{f} advmss", I(metrics, "advmss"), mine.Details?.AdvMss);
                t.CheckSequence($"{f} hops", (hops ?? []).Select(h => $"{S(h, "gateway")}/{S(h, "dev")}/{I(h, "weight")}"),
                    (mine.Details?.Hops ?? []).Select(h => $"{h.Gateway}/{h.Device}/{h.Weight}"));
            }
            foreach (var r in await host.IpJsonAsync(flag, "rule", "show"))
            {
                var prio = I(r, "priority");
                var mine = snap.Rules.FirstOrDefault(x => x.Family == family && x.Priority == prio);
                var f = $"rule {flag} {prio}";
                t.Check($"{f} present", true, mine is not null);
                if (mine is null) continue;
                t.Check($"{f} table", S(r, "table"), mine.Table);
                t.Check($"{f} action", S(r, "action") ?? (S(r, "table") is null ? mine.Action : "lookup"), mine.Action);
                t.Check($"{f} not", Has(r, "not"), mine.Not);
                t.Check($"{f} from", S(r, "src") is { } src && src != "all" ? $"{src}/{I(r, "srclen")}" : "all", mine.From);
                t.Check($"{f} to", S(r, "dst") is { } to ? $"{to}/{I(r, "dstlen")}" : null, mine.To);
                t.Check($"{f} iif", S(r, "iif"), mine.Iif);
                t.Check($"{f} fwmark", S(r, "fwmark") is { } m ? $"{m}/{S(r, "fwmask")}" : null, mine.Fwmark);
                t.Check($"{f} ipproto", S(r, "ipproto"), mine.IpProto);
                t.Check($"{f} dport", I(r, "dport")?.ToString(System.Globalization.CultureInfo.InvariantCulture), mine.DestinationPort);
            }
        }
        foreach (var n in await host.IpJsonAsync("nexthop", "show"))
        {
            var id = I(n, "id");
            var mine = snap.Nexthops.FirstOrDefault(x => x.Id == id);
            t.Check($"nexthop {id} present", true, mine is not null);
            if (mine is null) continue;
            t.Check($"nexthop {id} gateway", S(n, "gateway"), mine.Gateway);
            t.Check($"nexthop {id} dev", S(n, "dev"), mine.Device);
            t.Check($"nexthop {id} blackhole", Has(n, "blackhole"), mine.Blackhole);
            t.CheckSequence($"nexthop {id} group", (n!["group"] as JsonArray ?? []).Select(g => $"{I(g, "id")}x{I(g, "weight") ?? 1}"),
                mine.Group.Select(g => $"{g.Id}x{g.Weight}"));
        }
    }

    public static async Task OvsAsync(LabOvs ovs, HostSnapshot snap, FieldTally t)
    {
        var bridges = snap.Ovs!.Bridges;
        var controllers = Table(await ovs.VsctlCheckedAsync("--format=json", "list", "Controller"));
        foreach (var b in Table(await ovs.VsctlCheckedAsync("--format=json", "list", "Bridge")))
        {
            var name = (string)Atom(b["name"])!;
            var mine = bridges.FirstOrDefault(x => x.Name == name);
            t.Check($"ovs bridge {name} present", true, mine is not null);
            if (mine is null) continue;
            t.Check($"{name} fail_mode", Atom(b["fail_mode"]) as string, mine.FailMode);
            t.Check($"{name} stp_enable", Atom(b["stp_enable"]) as bool? == true, mine.StpEnabled);
            t.Check($"{name} datapath never created", Atom(b["datapath_id"]) is null, mine.DatapathMissing);
            var targets = Set(b["controller"]).Select(u => controllers.First(c => Equals(Atom(c["_uuid"]), u))).Select(c => (string)Atom(c["target"])!);
            t.CheckSequence($"{name} controllers", targets, mine.Controllers.Select(c => c.Target));
        }
        var ports = bridges.SelectMany(x => x.Ports).ToList();
        foreach (var p in Table(await ovs.VsctlCheckedAsync("--format=json", "list", "Port")))
        {
            var name = (string)Atom(p["name"])!;
            var mine = ports.FirstOrDefault(x => x.Name == name);
            t.Check($"ovs port {name} present", true, mine is not null);
            if (mine is null) continue;
            t.Check($"{name} tag", Atom(p["tag"]) is long tag ? (int?)tag : null, mine.Tag);
            t.CheckSequence($"{name} trunks", Set(p["trunks"]).Select(x => Convert.ToInt32(x, System.Globalization.CultureInfo.InvariantCulture)).Order(), mine.Trunks);
            t.Check($"{name} vlan_mode", Atom(p["vlan_mode"]) as string, mine.VlanMode);
            t.Check($"{name} fake_bridge", Atom(p["fake_bridge"]) as bool? == true, mine.FakeBridge);
            t.Check($"{name} bond_mode", Atom(p["bond_mode"]) as string, mine.BondMode);
            t.Check($"{name} lacp", Atom(p["lacp"]) as string, mine.Lacp);
        }
        var ifaces = ports.SelectMany(x => x.Interfaces).ToList();
        foreach (var i in Table(await ovs.VsctlCheckedAsync("--format=json", "list", "Interface")))
        {
            var name = (string)Atom(i["name"])!;
            var mine = ifaces.FirstOrDefault(x => x.Name == name);
            t.Check($"ovs interface {name} present", true, mine is not null);
            if (mine is null) continue;
            t.Check($"{name} type", Atom(i["type"]) as string ?? "", mine.Type);
            t.Check($"{name} mtu_request", Atom(i["mtu_request"]) is long m ? (int?)m : null, mine.MtuRequest);
            var remote = Map(i["options"]).GetValueOrDefault("remote_ip");
            t.Check($"{name} remote is flow", remote == "flow", mine.RemoteIsFlow);
            t.Check($"{name} remote host", remote == "flow" ? null : remote, mine.RemoteIp);
        }
    }

    public static async Task NetworkManagerAsync(LabNetworkManager nm, HostSnapshot snap, FieldTally t)
    {
        var lines = (await nm.NmcliCheckedAsync("-t", "-f", "NAME,UUID,TYPE,DEVICE,AUTOCONNECT,FILENAME", "connection", "show")).StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in lines)
        {
            var f = line.Split(':');
            // NetworkManager's own generated profiles for devices configured outside it (named after
            // the device, held in /run) are its view of them, not configuration: NetTui leaves them out.
            if (f[0] == f[3] && (f[5].Length == 0 || f[5].StartsWith("/run/", StringComparison.Ordinal))) continue;
            var mine = snap.NetworkManager?.Profiles.FirstOrDefault(p => p.Uuid == f[1]);
            t.Check($"profile {f[0]} present", true, mine is not null);
            if (mine is null) continue;
            t.Check($"{f[0]} name", f[0], mine.Id);
            t.Check($"{f[0]} type", f[2], mine.Type);
            t.Check($"{f[0]} active device", f[3].Length == 0 ? null : f[3], mine.ActiveDevice);
            t.Check($"{f[0]} autoconnect", f[4] == "yes", mine.Autoconnect);
        }
    }

    /// <summary>Who recreates each object at boot: facts of how the host was built, not a tool's JSON.</summary>
    public static void Boot(HostSnapshot snap, FieldTally t)
    {
        PersistenceKind? Where(string name) => snap.FindLink(name)?.Persistence?.Where;
        t.Check("boot vo0 (veth added to OVS)", PersistenceKind.RuntimeOnly, Where("vo0"));
        t.Check("boot br5 (autoconnect=no profile)", PersistenceKind.RuntimeOnly, Where("br5"));
        t.Check("boot ovs-netdev", PersistenceKind.OvsVswitchd, Where("ovs-netdev"));
        t.Check("boot acc0 (OVS internal port)", PersistenceKind.Ovsdb, Where("acc0"));
        t.Check("boot mv0 (hand-made macvlan)", PersistenceKind.RuntimeOnly, Where("mv0"));
        t.Check("boot a0 (no profile)", PersistenceKind.RuntimeOnly, Where("a0"));
        if (snap.FindLink("br6") is not null) t.Check("boot br6 (autoconnect=yes profile)", PersistenceKind.NetworkManager, Where("br6"));
    }

    private static List<Dictionary<string, JsonNode?>> Table(ExecResult r)
    {
        var doc = JsonNode.Parse(r.StandardOutput)!;
        var headings = doc["headings"]!.AsArray().Select(h => h!.GetValue<string>()).ToList();
        return [.. doc["data"]!.AsArray().Select(row => headings.Select((h, i) => (h, row![i])).ToDictionary(x => x.h, x => x.Item2))];
    }

    /// <summary>An OVSDB atom as a CLR value (string, long, bool, uuid text), or null for an empty set.</summary>
    private static object? Atom(JsonNode? n)
    {
        if (n is JsonArray a && a.Count == 2 && a[0]!.GetValue<string>() is var tag)
        {
            if (tag == "set") return a[1]!.AsArray().Count == 1 ? Atom(a[1]!.AsArray()[0]) : null;
            if (tag == "uuid") return a[1]!.GetValue<string>();
            return null;
        }
        return n is JsonValue v ? v.TryGetValue<string>(out var s) ? s : v.TryGetValue<bool>(out var b) ? b : v.TryGetValue<long>(out var l) ? l : null : null;
    }

    private static IEnumerable<object> Set(JsonNode? n) =>
        n is JsonArray a && a.Count == 2 && a[0]!.GetValue<string>() == "set" ? a[1]!.AsArray().Select(Atom).OfType<object>()
        : Atom(n) is { } single ? [single] : [];

    private static Dictionary<string, string> Map(JsonNode? n) =>
        n is JsonArray a && a.Count == 2 && a[0]!.GetValue<string>() == "map"
            ? a[1]!.AsArray().ToDictionary(p => p![0]!.GetValue<string>(), p => p![1]!.ToString())
            : [];
}
