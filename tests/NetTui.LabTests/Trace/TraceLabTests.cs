using System.Net;
using NetTui.Core.Trace;
using NetTui.Lab;

namespace NetTui.LabTests.Trace;

/// <summary>
/// `nettui trace` on the seed's two hosts with a real dockerd managing iptables on A: all ok
/// and agreeing with `ip route get` when nothing is broken; then one cause at a time, each
/// restored after its test, and the trace names the broken hop and its cause.
/// </summary>
public sealed class TraceLabTests(TraceLabFixture lab) : IClassFixture<TraceLabFixture>
{
    private string PeerContainer => lab.Seed.B.ContainerAddress;

    private static TraceHop Hop(TraceResult t, string name) => t.Hops.Single(h => h.Name == name);

    private static void BrokenAt(TraceResult t, int exit, string hop, string cause)
    {
        var all = string.Join("\n", t.Hops.Select(h => $"{h.Name} {h.Status} {h.Evidence}"));
        Assert.True(exit == 1, $"exit {exit}:\n{all}");
        var broken = t.Hops.First(h => h.Status == HopStatus.Broken);
        Assert.True(broken.Name == hop, $"first broken hop {broken.Name}: {broken.Evidence}; expected {hop}");
        Assert.Contains(cause, broken.Evidence, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(broken.Fix));
    }

    [Fact]
    public async Task Nothing_broken_every_hop_is_ok_and_the_host_route_agrees_with_ip_route_get()
    {
        var (exit, t, err) = await lab.TraceAsync(TraceLabFixture.Container, PeerContainer, "--proto", "tcp", "--port", "5000", "--peer", lab.Seed.B.Host.Name);
        Assert.True(exit == 0, string.Join("\n", t.Hops.Select(h => $"{h.Name} {h.Status} {h.Evidence}")) + err);
        Assert.Equal(["container route", "veth", "bridge", "host route", "forwarding", "firewall", "nat", "egress", "peer route", "mtu"], t.Hops.Select(h => h.Name));
        Assert.All(t.Hops, h => Assert.Equal(HopStatus.Ok, h.Status));
        var src = (await lab.Docker.InspectAsync(TraceLabFixture.Container))["NetworkSettings"]!["Networks"]!["bridge"]!["IPAddress"]!.GetValue<string>();
        var kernel = (await lab.A.CheckedAsync("ip", "-j", "route", "get", PeerContainer, "from", src, "iif", SeedScenario.LinuxBridge)).StandardOutput;
        var dev = RouteLookup.Parse(kernel).Device;
        Assert.Contains($"dev {dev} (snapshot: {lab.Seed.A.Subnet.Replace(".1.", ".2.", StringComparison.Ordinal)} dev {dev})", Hop(t, "host route").Evidence, StringComparison.Ordinal);
        Assert.Contains("GRE tunnel gre0 to 10.10.0.2", Hop(t, "egress").Evidence, StringComparison.Ordinal);
        Assert.Contains("mtu 1462 <= path mtu 1462", Hop(t, "mtu").Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_json_carries_docker_networks_endpoints_aliases_and_published_ports()
    {
        await lab.Docker.CheckedAsync("network", "create", "--subnet", "172.30.0.0/24", "--internal", "-o", "com.docker.network.driver.mtu=1400", "appnet");
        await lab.Docker.RunBusyboxAsync("web", "--network", "appnet", "--network-alias", "db", "-p", "8080:80");
        try
        {
            var r = await NettuiCli.ShowAsync(lab.A, lab.Seed.A.Ovs.DbTarget, lab.Docker.DockerHost, json: true);
            var s = NettuiCli.ParseSnapshot(r);
            var appnet = s.DockerNetworks.Single(n => n.Name == "appnet");
            Assert.Equal(("172.30.0.0/24", true, 1400), (appnet.Subnets.Single().Subnet, appnet.Internal, appnet.Mtu));
            var bridge = s.DockerNetworks.Single(n => n.Name == "bridge");
            Assert.Equal(lab.Seed.A.Subnet, bridge.Subnets.Single().Subnet);
            Assert.Equal(lab.Seed.A.BridgeAddress, bridge.Subnets.Single().Gateway);
            var web = s.Containers.Single(c => c.Name == "web");
            var endpoint = web.Networks.Single();
            Assert.Equal(appnet.Id, endpoint.NetworkId);
            Assert.Contains("db", endpoint.Aliases);
            Assert.Contains(new NetTui.Core.Model.PublishedPort(80, "tcp", "0.0.0.0", 8080), web.Ports);
        }
        finally
        {
            await lab.Docker.CheckedAsync("rm", "-f", "web");
            await lab.Docker.CheckedAsync("network", "rm", "appnet");
        }
    }

    [Fact]
    public async Task Forwarding_off_is_named()
    {
        await lab.A.CheckedAsync("sysctl", "-q", "-w", "net.ipv4.ip_forward=0");
        try
        {
            var (exit, t, _) = await lab.TraceAsync(TraceLabFixture.Container, PeerContainer);
            BrokenAt(t, exit, "forwarding", "net.ipv4.ip_forward = 0");
        }
        finally { await lab.A.CheckedAsync("sysctl", "-q", "-w", "net.ipv4.ip_forward=1"); }
    }

    [Fact]
    public async Task Forward_policy_drop_with_no_accept_names_the_policy()
    {
        // Policy DROP (dockerd sets it only when it turned forwarding on itself; here it was on
        // already) and Docker's accepts for its bridge gone, as after a firewall reload.
        await lab.A.CheckedAsync("iptables", "-P", "FORWARD", "DROP");
        await lab.A.CheckedAsync("iptables", "-D", "FORWARD", "-i", SeedScenario.LinuxBridge, "-o", SeedScenario.LinuxBridge, "-j", "ACCEPT");
        await lab.A.CheckedAsync("iptables", "-D", "FORWARD", "-i", SeedScenario.LinuxBridge, "!", "-o", SeedScenario.LinuxBridge, "-j", "ACCEPT");
        try
        {
            var (exit, t, _) = await lab.TraceAsync(TraceLabFixture.Container, PeerContainer, "--proto", "tcp", "--port", "5000");
            BrokenAt(t, exit, "firewall", "FORWARD policy drop");
            Assert.Contains("iptables -I DOCKER-USER -i br0 -o br0 -j ACCEPT", Hop(t, "firewall").Fix, StringComparison.Ordinal);
        }
        finally { await lab.RestoreRulesAsync(); }
    }

    [Fact]
    public async Task A_drop_in_docker_user_names_the_rule()
    {
        await lab.A.CheckedAsync("iptables", "-I", "DOCKER-USER", "-d", lab.Seed.B.Subnet, "-p", "tcp", "-j", "DROP");
        try
        {
            var (exit, t, _) = await lab.TraceAsync(TraceLabFixture.Container, PeerContainer, "--proto", "tcp", "--port", "5000");
            BrokenAt(t, exit, "firewall", $"DOCKER-USER rule 1: DOCKER-USER -d {lab.Seed.B.Subnet} -p tcp -j DROP");
            // udp is not matched by that rule.
            Assert.Equal(HopStatus.Ok, Hop((await lab.TraceAsync(TraceLabFixture.Container, PeerContainer, "--proto", "udp", "--port", "5000")).Trace, "firewall").Status);
        }
        finally { await lab.RestoreRulesAsync(); }
    }

    [Fact]
    public async Task Masquerade_removed_is_named_for_traffic_leaving_by_the_underlay()
    {
        var underlayPeer = "10.10.0.2";
        var (okExit, ok, _) = await lab.TraceAsync(TraceLabFixture.Container, underlayPeer);
        Assert.Contains("MASQUERADE", Hop(ok, "nat").Evidence, StringComparison.Ordinal);
        await lab.A.CheckedAsync("iptables", "-t", "nat", "-D", "POSTROUTING", "-s", lab.Seed.A.Subnet, "!", "-o", SeedScenario.LinuxBridge, "-j", "MASQUERADE");
        try
        {
            var (exit, t, _) = await lab.TraceAsync(TraceLabFixture.Container, underlayPeer);
            BrokenAt(t, exit, "nat", "has ip masquerade on but no MASQUERADE rule matches");
        }
        finally { await lab.RestoreRulesAsync(); }
    }

    [Fact]
    public async Task The_peers_route_removed_is_named()
    {
        var b = lab.Seed.B.Host;
        await b.CheckedAsync("ip", "route", "del", lab.Seed.A.Subnet, "dev", SeedScenario.LinuxBridge);
        try
        {
            var (exit, t, _) = await lab.TraceAsync(TraceLabFixture.Container, PeerContainer, "--peer", b.Name);
            BrokenAt(t, exit, "peer route", "replies cannot come back");
        }
        finally { await b.CheckedAsync("ip", "route", "add", lab.Seed.A.Subnet, "dev", SeedScenario.LinuxBridge); }
    }

    [Fact]
    public async Task A_container_mtu_of_1500_over_the_gre_path_is_named()
    {
        var pid = (await lab.Docker.InspectAsync(TraceLabFixture.Container))["State"]!["Pid"]!.GetValue<int>();
        await LabExec.CheckedAsync("nsenter", $"--net=/proc/{pid}/ns/net", "ip", "link", "set", "eth0", "mtu", "1500");
        try
        {
            var (exit, t, _) = await lab.TraceAsync(TraceLabFixture.Container, PeerContainer);
            BrokenAt(t, exit, "mtu", "has mtu 1500 > path mtu 1462");
            Assert.Contains("\"mtu\": 1462", Hop(t, "mtu").Fix, StringComparison.Ordinal);
        }
        finally { await LabExec.CheckedAsync("nsenter", $"--net=/proc/{pid}/ns/net", "ip", "link", "set", "eth0", "mtu", "1462"); }
    }

    [Fact]
    public async Task A_docker_network_overlapping_the_peers_subnet_is_named()
    {
        await lab.Docker.CheckedAsync("network", "create", "--subnet", lab.Seed.B.Subnet, "--gateway", "192.168.2.254", "overlap");
        try
        {
            var (exit, t, _) = await lab.TraceAsync(TraceLabFixture.Container, PeerContainer);
            BrokenAt(t, exit, "overlap", $"lies in docker network overlap ({lab.Seed.B.Subnet}");
        }
        finally { await lab.Docker.CheckedAsync("network", "rm", "overlap"); }
    }
}
