using System.Text.Json.Nodes;
using NetTui.Core.Model;
using NetTui.Lab;
using static NetTui.Lab.FoundationScenario;

namespace NetTui.LabTests;

/// <summary>
/// The foundation issue's "done when": on a real host (bridge, three veths, addresses,
/// routes in two tables, OVS with a GRE and a broken port, two linked containers),
/// `nettui show --json` reports exactly what the independent tools report: `ip -j`,
/// `bridge -j`, `brctl`, `ovs-vsctl --format=json` and `docker inspect`.
/// </summary>
[Collection(FoundationCollection.Name)]
public sealed class FoundationSnapshotTests(FoundationSnapshotFixture fixture)
{
    private FoundationScenario S => fixture.Scenario;
    private HostSnapshot Snap => fixture.Snapshot;
    private LabHost H => fixture.Scenario.Host;

    [Fact]
    public void Show_json_exits_0_names_the_namespace_and_every_source_answers()
    {
        Assert.Equal(0, fixture.Run.ExitCode);
        Assert.Equal(H.Name, Snap.Namespace);
        foreach (var kind in new[] { SourceKind.IpRoute2, SourceKind.Ovs, SourceKind.Docker })
        {
            var status = Snap.Source(kind);
            Assert.NotNull(status);
            Assert.True(status.Available, $"{kind}: {status.Reason}");
        }
    }

    [Fact]
    public async Task Links_match_ip_link_index_name_kind_master_mtu_mac_state_and_veth_peer()
    {
        var ipLinks = await H.IpJsonAsync("-d", "link", "show");
        var ovsInternal = await OvsInterfaceNamesOfTypeAsync("internal");
        Assert.Equal(ipLinks.Select(l => (int)l!["ifindex"]!).Order(), Snap.Links.Select(l => l.Index).Order());

        foreach (var ip in ipLinks)
        {
            var index = (int)ip!["ifindex"]!;
            var name = (string)ip["ifname"]!;
            var link = Snap.FindLink(index)!;
            Assert.Equal(name, link.Name);
            Assert.Equal((int)ip["mtu"]!, link.Mtu);
            Assert.Equal((string?)ip["address"], link.Mac);
            Assert.Equal((string?)ip["master"], link.Master);
            Assert.Equal(ip["flags"]!.AsArray().Any(f => (string?)f == "UP"), link.AdminUp);
            Assert.Equal((string?)ip["operstate"], link.OperState, ignoreCase: true);
            Assert.True(ExpectedKind(ip, ovsInternal) == link.Kind, $"{name}: expected {ExpectedKind(ip, ovsInternal)}, got {link.Kind}");
            if (link.Master is not null)
                Assert.Equal(ipLinks.Single(l => (string?)l!["ifname"] == link.Master)!["ifindex"]!.GetValue<int>(), link.MasterIndex);

            if (link.Kind == LinkKind.Veth)
            {
                Assert.NotNull(link.Peer);
                if (ip["link_netnsid"] is { } nsid)
                {
                    // Peer in another namespace (a container): ifindex there + the netns id.
                    Assert.Equal((int)ip["link_index"]!, link.Peer.Index);
                    Assert.Equal((int)nsid, link.Peer.NetnsId);
                }
                else
                {
                    // Peer here: `ip` names it ("link": "vpeer1"); its index is that link's.
                    var peerName = (string)ip["link"]!;
                    Assert.Equal(ipLinks.Single(l => (string?)l!["ifname"] == peerName)!["ifindex"]!.GetValue<int>(), link.Peer.Index);
                }
            }
        }

        // The scenario itself, spelled out: what an admin would check by eye.
        Assert.Equal(LinkKind.Bridge, Snap.FindLink(Bridge)!.Kind);
        foreach (var (port, peer) in Veths)
        {
            Assert.Equal(LinkKind.Veth, Snap.FindLink(port)!.Kind);
            Assert.Equal(Snap.FindLink(peer)!.Index, Snap.FindLink(port)!.Peer!.Index);
        }
        Assert.Equal([.. AttachedPorts], Snap.Links.Where(l => l.Master == Bridge).Select(l => l.Name).Order());
        Assert.Null(Snap.FindLink("vloose")!.Master);
        Assert.Equal(LinkKind.OvsInternal, Snap.FindLink(OvsBridgeName)!.Kind);
    }

    [Fact]
    public async Task Addresses_match_ip_addr_for_every_link()
    {
        var ipAddrs = await H.IpJsonAsync("addr", "show");
        foreach (var ip in ipAddrs)
        {
            var link = Snap.FindLink((int)ip!["ifindex"]!)!;
            var expected = (ip["addr_info"]?.AsArray() ?? [])
                .Select(a => $"{a!["family"]} {a["local"]}/{a["prefixlen"]} {a["scope"]}").Order().ToList();
            var actual = link.Addresses
                .Select(a => $"{(a.Family == AddressFamily.Inet ? "inet" : "inet6")} {a.Address}/{a.PrefixLength} {a.Scope}").Order().ToList();
            Assert.True(expected.SequenceEqual(actual), $"{link.Name}: ip says [{string.Join(", ", expected)}], nettui [{string.Join(", ", actual)}]");
        }
        var br0 = Snap.FindLink(Bridge)!;
        Assert.Contains(br0.Addresses, a => a.Cidr == BridgeAddress && a.Family == AddressFamily.Inet);
        Assert.Contains(br0.Addresses, a => a.Cidr == BridgeAddress6 && a.Family == AddressFamily.Inet6);
    }

    [Fact]
    public async Task Bridges_match_ip_details_brctl_and_bridge_link_port_states()
    {
        var ipBridges = await H.IpJsonAsync("-d", "link", "show", "type", "bridge");
        Assert.Equal(ipBridges.Select(b => (string)b!["ifname"]!).Order(), Snap.Bridges.Select(b => b.Name).Order());
        // brctl reads sysfs, which only `ip netns exec` remounts for the namespace.
        var brctl = BrctlIds((await LabExec.CheckedAsync("ip", "netns", "exec", H.Name, "brctl", "show")).StandardOutput);
        var ports = await H.BridgeJsonAsync("link", "show");

        foreach (var ip in ipBridges)
        {
            var name = (string)ip!["ifname"]!;
            var bridge = Snap.Bridges.Single(b => b.Name == name);
            var info = ip["linkinfo"]!["info_data"]!;
            Assert.Equal((int)ip["ifindex"]!, bridge.Index);
            Assert.Equal((int)info["stp_state"]! != 0, bridge.StpEnabled);
            Assert.Equal(brctl[name].Id, bridge.BridgeId);
            Assert.Equal(brctl[name].Stp, bridge.StpEnabled);
            Assert.Equal(BrctlForm((string)info["bridge_id"]!), bridge.BridgeId);

            var expected = ports.Where(p => (string?)p!["master"] == name)
                .Select(p => $"{p!["ifname"]}#{p["ifindex"]} {p["state"]}").Order().ToList();
            var actual = bridge.Ports.Select(p => $"{p.Name}#{p.Index} {p.State}").Order().ToList();
            Assert.True(expected.SequenceEqual(actual), $"{name}: bridge link says [{string.Join(", ", expected)}], nettui [{string.Join(", ", actual)}]");
            foreach (var p in bridge.Ports)
            {
                var bp = ports.Single(x => (string?)x!["ifname"] == p.Name)!;
                Assert.Equal((int?)bp["cost"], p.Cost);
                Assert.Equal((int?)bp["priority"], p.Priority);
            }
        }
        var br0 = Snap.Bridges.Single(b => b.Name == Bridge);
        Assert.False(br0.StpEnabled);
        Assert.Equal([.. AttachedPorts], br0.Ports.Select(p => p.Name).Order());
        Assert.All(br0.Ports, p => Assert.Equal("forwarding", p.State));
        // docker0 carries the two containers' host-side veths.
        Assert.Equal(2, Snap.Bridges.Single(b => b.Name == "docker0").Ports.Length);
    }

    [Fact]
    public async Task Routes_match_ip_route_show_table_all_v4_and_v6()
    {
        var expected = new List<string>();
        foreach (var (flag, family) in new[] { ("-4", AddressFamily.Inet), ("-6", AddressFamily.Inet6) })
            foreach (var r in await H.IpJsonAsync(flag, "route", "show", "table", "all"))
                expected.Add(RouteKey(family,
                    (string)r!["dst"]!,
                    (string?)r["gateway"] ?? (string?)r["via"]?["host"],
                    (string?)r["dev"],
                    // iproute2 leaves out defaults: no table = main, no protocol = boot, ...
                    (string?)r["protocol"] ?? "boot",
                    (string?)r["scope"] ?? "global",
                    (int?)r["metric"],
                    (string?)r["table"] ?? "main",
                    (string?)r["type"] ?? "unicast",
                    (string?)r["prefsrc"]));
        var actual = Snap.Routes.Select(r => RouteKey(r.Family, r.Destination, r.Gateway, r.Device, r.Protocol, r.Scope, r.Metric, r.Table, r.Type, r.PreferredSource)).ToList();
        expected.Sort(StringComparer.Ordinal);
        actual.Sort(StringComparer.Ordinal);
        Assert.Equal(expected, actual);

        Assert.Contains(Snap.Routes, r => r.Destination == MainRouteDestination && r.Gateway == MainRouteGateway && r.Table == "main" && r.Device == Bridge);
        Assert.Contains(Snap.Routes, r => r.Destination == TableRouteDestination && r.Gateway == TableRouteGateway && r.Table == SecondTable && r.Metric == 50);
        Assert.Contains(Snap.Routes, r => r.Family == AddressFamily.Inet6 && r.Destination == TableRoute6Destination && r.Gateway == TableRoute6Gateway && r.Table == SecondTable);
    }

    [Fact]
    public async Task Ovs_matches_ovs_vsctl_bridges_ports_and_interfaces_with_options_error_and_ofport()
    {
        Assert.NotNull(Snap.Ovs);
        var bridges = OvsdbJson.Rows((await S.Ovs.VsctlCheckedAsync("--format=json", "list", "bridge")).StandardOutput);
        var ports = OvsdbJson.Rows((await S.Ovs.VsctlCheckedAsync("--format=json", "list", "port")).StandardOutput);
        var ifaces = OvsdbJson.Rows((await S.Ovs.VsctlCheckedAsync("--format=json", "list", "interface")).StandardOutput);
        var portByUuid = ports.ToDictionary(p => OvsdbJson.Scalar(p["_uuid"])!);
        var ifaceByUuid = ifaces.ToDictionary(i => OvsdbJson.Scalar(i["_uuid"])!);

        Assert.Equal(bridges.Select(b => OvsdbJson.Scalar(b["name"])!).Order(), Snap.Ovs.Bridges.Select(b => b.Name).Order());
        foreach (var b in bridges)
        {
            var bridge = Snap.Ovs.Bridges.Single(x => x.Name == OvsdbJson.Scalar(b["name"]));
            Assert.Equal(OvsdbJson.Scalar(b["_uuid"]), bridge.Uuid);
            Assert.Equal(OvsdbJson.Scalar(b["datapath_type"]), bridge.DatapathType);
            var bridgePorts = OvsdbJson.Uuids(b["ports"]).Select(u => portByUuid[u]).ToList();
            Assert.Equal(bridgePorts.Select(p => OvsdbJson.Scalar(p["name"])!).Order(), bridge.Ports.Select(p => p.Name).Order());
            foreach (var p in bridgePorts)
            {
                var port = bridge.Ports.Single(x => x.Name == OvsdbJson.Scalar(p["name"]));
                Assert.Equal(OvsdbJson.Scalar(p["_uuid"]), port.Uuid);
                var tag = OvsdbJson.Scalar(p["tag"]);
                Assert.Equal(tag is null ? null : int.Parse(tag), port.Tag);
                var portIfaces = OvsdbJson.Uuids(p["interfaces"]).Select(u => ifaceByUuid[u]).ToList();
                Assert.Equal(portIfaces.Select(i => OvsdbJson.Scalar(i["name"])!).Order(), port.Interfaces.Select(i => i.Name).Order());
                foreach (var i in portIfaces)
                {
                    var iface = port.Interfaces.Single(x => x.Name == OvsdbJson.Scalar(i["name"]));
                    Assert.Equal(OvsdbJson.Scalar(i["_uuid"]), iface.Uuid);
                    Assert.Equal(OvsdbJson.Scalar(i["type"]) ?? "", iface.Type);
                    Assert.Equal(OvsdbJson.Map(i["options"]), new SortedDictionary<string, string>(iface.Options, StringComparer.Ordinal));
                    Assert.Equal(OvsdbJson.Scalar(i["error"]), iface.Error);
                    Assert.Equal(OvsdbJson.Scalar(i["admin_state"]), iface.AdminState);
                    Assert.Equal(OvsdbJson.Scalar(i["link_state"]), iface.LinkState);
                    var ofport = OvsdbJson.Scalar(i["ofport"]);
                    Assert.Equal(ofport is null ? null : int.Parse(ofport), iface.OfPort);
                }
            }
        }

        var root = OvsdbJson.Rows((await S.Ovs.VsctlCheckedAsync("--format=json", "list", "Open_vSwitch")).StandardOutput).Single();
        Assert.Equal(OvsdbJson.Scalar(root["ovs_version"]), Snap.Ovs.Version);

        var ovsbr0 = Snap.Ovs.Bridges.Single(b => b.Name == OvsBridgeName);
        Assert.Equal("netdev", ovsbr0.DatapathType);
        var gre = ovsbr0.Ports.Single(p => p.Name == GrePort).Interfaces.Single();
        Assert.Equal("gre", gre.Type);
        Assert.Equal(GreRemoteIp, gre.RemoteIp);
        Assert.Equal(GreKey, gre.Options["key"]);
        Assert.Null(gre.Error);
        var broken = ovsbr0.Ports.Single(p => p.Name == BrokenPort).Interfaces.Single();
        Assert.Contains($"could not open network device {BrokenPort}", broken.Error);
        Assert.Equal(-1, broken.OfPort);
    }

    [Fact]
    public async Task Containers_match_docker_inspect_with_links_and_host_side_veth_and_bridge()
    {
        var ids = (await S.Docker.CheckedAsync("ps", "-aq", "--no-trunc")).StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(ids.Order(), Snap.Containers.Select(c => c.Id).Order());
        var hostLinks = await H.IpJsonAsync("link", "show");

        foreach (var id in ids)
        {
            var inspect = await S.Docker.InspectAsync(id);
            var c = Snap.Containers.Single(x => x.Id == id);
            Assert.Equal(((string)inspect["Name"]!).TrimStart('/'), c.Name);
            Assert.Equal((string?)inspect["State"]!["Status"], c.State);
            Assert.Equal((int)inspect["State"]!["Pid"]!, c.Pid);
            Assert.Equal((string?)inspect["Config"]!["Image"], c.Image);

            var networks = inspect["NetworkSettings"]!["Networks"]!.AsObject();
            Assert.Equal(networks.Select(n => n.Key).Order(), c.Networks.Select(n => n.Name).Order());
            foreach (var (netName, ep) in networks)
            {
                var n = c.Networks.Single(x => x.Name == netName);
                Assert.Equal((string?)ep!["IPAddress"], n.IpAddress);
                Assert.Equal((int?)ep["IPPrefixLen"], n.PrefixLength);
                Assert.Equal((string?)ep["Gateway"], n.Gateway);
                Assert.Equal((string?)ep["MacAddress"], n.MacAddress);
                Assert.Equal(Blank((string?)ep["GlobalIPv6Address"]), n.Ipv6Address);
            }

            // Legacy links: "/cct1:/cct2/webtest" = this container reaches cct1 as "webtest".
            var links = (inspect["HostConfig"]!["Links"] as JsonArray ?? [])
                .Select(l => (string)l!).Select(l => (Target: l.Split(':')[0].TrimStart('/'), Alias: l.Split(':')[1].Split('/')[^1]))
                .Select(l => $"{l.Target}:{l.Alias}").Order().ToList();
            Assert.Equal(links, c.Links.Select(l => $"{l.Target}:{l.Alias}").Order().ToList());

            // Host-side veth: the link here whose ifindex is the container eth0's iflink.
            var sandbox = (string)inspect["NetworkSettings"]!["SandboxKey"]!;
            var eth0 = JsonNode.Parse((await LabExec.CheckedAsync("nsenter", $"--net={sandbox}", "ip", "-j", "link", "show", "eth0")).StandardOutput)!.AsArray().Single()!;
            var iflink = (int)eth0["link_index"]!;
            var veth = hostLinks.Single(l => (int)l!["ifindex"]! == iflink)!;
            Assert.Equal((string)veth["ifname"]!, c.HostVeth);
            Assert.Equal(iflink, c.HostVethIndex);
            Assert.Equal((string?)veth["master"], c.Bridge);
        }

        var cct2 = Snap.Containers.Single(c => c.Name == Container2);
        Assert.Equal(new ContainerLinkAlias(Container1, LinkAlias), Assert.Single(cct2.Links));
        Assert.Empty(Snap.Containers.Single(c => c.Name == Container1).Links);
        Assert.All(Snap.Containers, c => Assert.Equal("docker0", c.Bridge));
        Assert.All(Snap.Containers, c => Assert.Equal("running", c.State));
    }

    [Fact]
    public async Task The_tables_show_the_scenario_the_broken_port_error_and_the_container_wiring()
    {
        var run = await NettuiCli.ShowAsync(H, S.Ovs.DbTarget, S.Docker.DockerHost, json: false);
        Assert.True(run.ExitCode == 0, run.StandardError);
        var text = run.StandardOutput;
        foreach (var expected in new[] { Bridge, "vport1", "vloose", BridgeAddress, MainRouteDestination, TableRouteDestination,
                     OvsBridgeName, GrePort, GreRemoteIp, BrokenPort, $"could not open network device {BrokenPort}", Container1, Container2, LinkAlias })
            Assert.True(text.Contains(expected), $"`nettui show` does not mention {expected}:\n{text}");
        // Each container's line names its host-side veth (from the JSON read of the same host).
        foreach (var c in Snap.Containers)
            Assert.Contains(text.Split('\n'), l => l.Contains(c.Name) && l.Contains(c.HostVeth!));
    }

    /// <summary>docker inspect says "" for an unset address; the snapshot says null.</summary>
    private static string? Blank(string? s) => string.IsNullOrEmpty(s) ? null : s;

    private static string RouteKey(AddressFamily family, string dst, string? gw, string? dev, string proto, string scope, int? metric, string table, string type, string? prefsrc) =>
        $"{family} {dst} via={gw} dev={dev} proto={proto} scope={scope} metric={metric} table={table} type={type} src={prefsrc}";

    /// <summary>The kind an admin would name, from the kernel's linkinfo (and OVS for its taps).</summary>
    private static LinkKind ExpectedKind(JsonNode ip, IReadOnlySet<string> ovsInternal)
    {
        var info = ip["linkinfo"];
        var kind = (string?)info?["info_kind"];
        return kind switch
        {
            "bridge" => LinkKind.Bridge,
            "veth" => LinkKind.Veth,
            "tun" when ovsInternal.Contains((string)ip["ifname"]!) => LinkKind.OvsInternal,
            "tun" => (string?)info!["info_data"]?["type"] == "tap" ? LinkKind.Tap : LinkKind.Tun,
            null when (string?)ip["link_type"] == "loopback" => LinkKind.Loopback,
            _ => throw new InvalidOperationException($"the foundation host has no link of kind {kind} ({ip["ifname"]})"),
        };
    }

    private async Task<IReadOnlySet<string>> OvsInterfaceNamesOfTypeAsync(string type)
    {
        var rows = OvsdbJson.Rows((await S.Ovs.VsctlCheckedAsync("--format=json", "list", "interface")).StandardOutput);
        return rows.Where(r => OvsdbJson.Scalar(r["type"]) == type).Select(r => OvsdbJson.Scalar(r["name"])!).ToHashSet();
    }

    /// <summary>`brctl show`: "br0\t\t8000.aabbccddeeff\tno\t\tvport1" (+ continuation lines for more ports).</summary>
    private static Dictionary<string, (string Id, bool Stp)> BrctlIds(string output)
    {
        var result = new Dictionary<string, (string, bool)>();
        foreach (var line in output.Split('\n').Skip(1))
        {
            if (line.Length == 0 || char.IsWhiteSpace(line[0])) continue;
            var f = line.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            result[f[0]] = (f[1], f[2] == "yes");
        }
        return result;
    }

    /// <summary>"8000.6:6d:59:7c:eb:8d" (iproute2) to "8000.066d597ceb8d" (brctl).</summary>
    private static string BrctlForm(string ipForm)
    {
        var dot = ipForm.IndexOf('.');
        return ipForm[..(dot + 1)] + string.Concat(ipForm[(dot + 1)..].Split(':').Select(p => p.PadLeft(2, '0'))).ToLowerInvariant();
    }
}
