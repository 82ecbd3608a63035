using NetTui.Core.Doctor;

namespace NetTui.LabTests.Doctor;

/// <summary>
/// Issue 17 for real: two hosts joined by OVS GRE, dockerd managing iptables on each, a
/// busybox container on each (<see cref="DockerTunnelFixture"/>). Each test breaks one cause
/// on host A, sees `nettui trace` from A's container to B's and `nettui doctor --json` name it, repairs it with `nettui doctor --fix ID
/// --yes` (journaled), and then moves 1 MiB over TCP from A's container to B's across the
/// tunnel.
/// </summary>
public sealed class ContainerConnectivityLabTests(DockerTunnelFixture lab) : IClassFixture<DockerTunnelFixture>
{
    private const long OneMiB = 1 << 20;

    /// <summary>
    /// The break seen from both sides: `nettui trace` from A's container to B's names
    /// <paramref name="hop"/> as broken and the Doctor finds <paramref name="id"/>; after the
    /// Doctor's fix the finding is gone, every hop of the trace is ok, and 1 MiB gets across.
    /// </summary>
    private async Task BrokenThenFixedAsync(string id, string hop, string? traceTo = null)
    {
        var (exit, trace) = await lab.TraceAsync(traceTo);
        Assert.True(exit == 1 && trace.Hops.Any(h => h.Name == hop && h.Status == NetTui.Core.Trace.HopStatus.Broken),
            $"expected the trace to name {hop} (exit {exit}):\n{Hops(trace)}");
        var found = await lab.FindingsAsync();
        Assert.True(found.Contains(id), $"expected {id}; found: {string.Join(", ", found)}");
        await lab.FixAsync(id);
        Assert.DoesNotContain(id, await lab.FindingsAsync());
        (exit, trace) = await lab.TraceAsync(traceTo);
        Assert.True(exit == 0, $"after the fix the trace is still broken (exit {exit}):\n{Hops(trace)}");
        Assert.Equal(OneMiB, await lab.TransferAsync());
    }

    private static string Hops(NetTui.Core.Trace.TraceResult t) => string.Join("\n", t.Hops.Select(h => $"{h.Name} {h.Status} {h.Evidence}"));

    [Fact]
    public async Task Forwarding_turned_off_is_named_and_turned_on_again()
    {
        await lab.A.CheckedAsync("sysctl", "-q", "-w", "net.ipv4.ip_forward=0");
        await BrokenThenFixedAsync(FindingIds.IpForwardOff, "forwarding");
    }

    [Fact]
    public async Task Forward_drop_without_an_accept_for_the_tunnel_is_named_and_accepted_in_docker_user()
    {
        // dockerd's accept for traffic that comes in and goes out of its bridge (the routed hop
        // between the two hosts' container subnets); without it FORWARD's policy DROP decides.
        await lab.A.CheckedAsync("iptables", "-D", "FORWARD", "-i", "br0", "-o", "br0", "-j", "ACCEPT");
        Assert.True(await lab.TransferAsync(seconds: 6) < OneMiB);
        // With bridge-nf-call-iptables on, even frames bridged between br0's ports (the
        // container to the GRE port) pass FORWARD: the Doctor says so beside the drop.
        await lab.A.CheckedAsync("sysctl", "-q", "-w", "net.bridge.bridge-nf-call-iptables=1");
        Assert.Contains(FindingIds.BridgeNfCallIptables, await lab.FindingsAsync());
        await BrokenThenFixedAsync($"{FindingIds.ForwardBlocksPeer}:192.168.2.0/24", "firewall");
        var user = await lab.A.CheckedAsync("iptables", "-S", "DOCKER-USER");
        Assert.Contains("-A DOCKER-USER -s 192.168.2.0/24 -d 192.168.1.0/24 -j ACCEPT", user.StandardOutput);
    }

    [Fact]
    public async Task A_drop_placed_before_dockers_chains_is_named_by_both_and_the_doctor_refuses_to_paper_over_it()
    {
        // An admin's rule at the top of FORWARD: it drops before the jump to DOCKER-USER, so
        // an accept there would change nothing. The trace names the rule; the Doctor names the
        // blocked peer, says why it will not fix it, and `--fix` changes nothing.
        await lab.A.CheckedAsync("iptables", "-I", "FORWARD", "1", "-i", "br0", "-o", "br0", "-j", "DROP");
        try
        {
            var (exit, trace) = await lab.TraceAsync();
            var firewall = trace.Hops.Single(h => h.Name == "firewall");
            Assert.True(exit == 1 && firewall.Status == NetTui.Core.Trace.HopStatus.Broken && firewall.Evidence.Contains("FORWARD rule 1", StringComparison.Ordinal),
                $"exit {exit}:\n{Hops(trace)}");
            var id = $"{FindingIds.ForwardBlocksPeer}:192.168.2.0/24";
            var doctor = await lab.DoctorAsync("--json");
            Assert.Contains(id, doctor.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("FORWARD rule 1 drops it before DOCKER-USER is reached", doctor.StandardOutput, StringComparison.Ordinal);
            var before = (await lab.A.CheckedAsync("iptables", "-S")).StandardOutput;
            var fix = await lab.DoctorAsync("--fix", id, "--yes");
            Assert.True(fix.ExitCode != 0 && fix.StandardOutput.Contains("no automatic fix", StringComparison.Ordinal), fix.StandardOutput + fix.StandardError);
            Assert.Equal(before, (await lab.A.CheckedAsync("iptables", "-S")).StandardOutput);
            Assert.True(await lab.TransferAsync(seconds: 6) < OneMiB);
        }
        finally { await lab.A.CheckedAsync("iptables", "-D", "FORWARD", "-i", "br0", "-o", "br0", "-j", "DROP"); }
        Assert.Equal(0, (await lab.TraceAsync()).Exit);
    }

    [Fact]
    public async Task A_drop_in_iptables_legacy_beside_dockers_nf_tables_rules_is_named_as_a_second_firewall()
    {
        // `iptables -S` (nf_tables here) does not show it; the packet must pass both firewalls.
        await lab.A.CheckedAsync("iptables-legacy", "-I", "FORWARD", "1", "-i", "br0", "-o", "br0", "-j", "DROP");
        try
        {
            var (exit, trace) = await lab.TraceAsync();
            // One firewall hop per rule set: nf_tables (Docker's) passes it, iptables-legacy drops it.
            Assert.True(exit == 1 && trace.Hops.Any(h => h.Name == "firewall" && h.Status == NetTui.Core.Trace.HopStatus.Broken && h.Evidence.Contains("legacy", StringComparison.Ordinal)),
                $"exit {exit}:\n{Hops(trace)}");
            Assert.Contains(FindingIds.FirewallBackendsMixed, await lab.FindingsAsync());
            Assert.True(await lab.TransferAsync(seconds: 6) < OneMiB);
        }
        finally { await lab.A.CheckedAsync("iptables-legacy", "-D", "FORWARD", "-i", "br0", "-o", "br0", "-j", "DROP"); }
        Assert.Equal(0, (await lab.TraceAsync()).Exit);
    }

    [Fact]
    public async Task A_resolv_conf_naming_only_the_local_stub_is_named_for_a_host_with_containers()
    {
        // systemd-resolved's stub: containers on the default bridge cannot reach 127.0.0.53.
        var stub = Path.Combine(lab.A.StateDir, "resolv.stub.conf");
        await File.WriteAllTextAsync(stub, "nameserver 127.0.0.53\noptions edns0 trust-ad\n", TestContext.Current.CancellationToken);
        Assert.Contains(FindingIds.DockerDnsLoopbackOnly, await FindingsWithAsync(stub));
        var upstream = Path.Combine(lab.A.StateDir, "resolv.upstream.conf");
        await File.WriteAllTextAsync(upstream, "nameserver 10.10.0.53\n", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(FindingIds.DockerDnsLoopbackOnly, await FindingsWithAsync(upstream));
    }

    private async Task<string> FindingsWithAsync(string resolvConf)
    {
        var r = await lab.DoctorAsync("--json", "--resolv-conf", resolvConf);
        Assert.True(r.ExitCode is 0 or 1, r.StandardOutput + r.StandardError);
        return r.StandardOutput;
    }

    [Fact]
    public async Task Masquerade_lost_by_a_firewall_reload_is_named_and_written_back()
    {
        await lab.A.CheckedAsync("iptables", "-t", "nat", "-D", "POSTROUTING", "-s", "192.168.1.0/24", "!", "-o", "br0", "-j", "MASQUERADE");
        // Between the containers the packets stay on br0 and are never masqueraded: the trace
        // that shows the loss is one leaving by the underlay, to B's underlay address.
        await BrokenThenFixedAsync($"{FindingIds.MasqueradeMissing}:192.168.1.0/24", "nat", traceTo: "10.10.0.2");
        var nat = await lab.A.CheckedAsync("iptables", "-t", "nat", "-S", "POSTROUTING");
        Assert.Contains("-A POSTROUTING -s 192.168.1.0/24 ! -o br0 -j MASQUERADE", nat.StandardOutput);
    }

    [Fact]
    public async Task Container_mtu_1500_over_the_gre_path_stalls_a_transfer_until_the_doctor_fits_it_to_the_tunnel()
    {
        // Docker's default on both hosts, with the bridges the seed left at 1500: full-size frames into obr0 are dropped.
        foreach (var (docker, host, name) in new[] { (lab.DockerA, lab.A, "ca"), (lab.DockerB, lab.B, "cb") })
        {
            await host.CheckedAsync("ip", "link", "set", "dev", "br0", "mtu", "1500");
            await SetContainerMtuAsync(docker, host, name, 1500);
        }
        Assert.True(await lab.TransferAsync(seconds: 8) < OneMiB);
        await BrokenThenFixedAsync($"{FindingIds.ContainerMtuOverTunnel}:br0", "mtu");
        Assert.Contains("mtu 1462", (await lab.A.CheckedAsync("ip", "link", "show", "dev", "br0")).StandardOutput);
        // The fix was one journaled change: `nettui undo` puts the MTUs back, and the Doctor fixes it again.
        var undo = await NettuiCli.RunAsync(lab.A.StateDir, lab.Environment, "undo", "--yes", "--netns", lab.A.Name);
        Assert.True(undo.ExitCode == 0, undo.StandardOutput + undo.StandardError);
        Assert.Contains("mtu 1500", (await lab.A.CheckedAsync("ip", "link", "show", "dev", "br0")).StandardOutput);
        Assert.Contains($"{FindingIds.ContainerMtuOverTunnel}:br0", await lab.FindingsAsync());
        await lab.FixAsync($"{FindingIds.ContainerMtuOverTunnel}:br0");
        // B as the wizard left it again, for the other tests.
        await lab.B.CheckedAsync("ip", "link", "set", "dev", "br0", "mtu", "1462");
        await SetContainerMtuAsync(lab.DockerB, lab.B, "cb", 1462);
    }

    [Fact]
    public async Task A_vpn_route_overlapping_the_peers_containers_is_named_and_deleted()
    {
        await lab.A.CheckedAsync("ip", "link", "add", "vpn0", "type", "veth", "peer", "name", "vpn1");
        await lab.A.CheckedAsync("ip", "link", "set", "vpn0", "up");
        try
        {
            await lab.A.CheckedAsync("ip", "route", "add", "192.168.2.0/25", "dev", "vpn0");
            // The trace follows the more specific route into vpn0 and names it as the egress that cannot carry the packet.
            await BrokenThenFixedAsync($"{FindingIds.DockerSubnetOverlap}:192.168.2.0/24+192.168.2.0/25", "egress");
        }
        finally { await lab.A.CheckedAsync("ip", "link", "del", "vpn0"); } // the other tests' path must not lead into it
    }

    [Fact]
    public async Task The_peer_route_removed_is_named_from_the_wizard_plan_and_added_back()
    {
        await lab.A.CheckedAsync("ip", "route", "del", "192.168.2.0/24", "dev", "br0");
        await BrokenThenFixedAsync($"{FindingIds.PeerRouteMissing}:192.168.2.0/24", "host route");
    }

    private static async Task SetContainerMtuAsync(Lab.LabDocker docker, Lab.LabHost host, string container, int mtu)
    {
        var pid = (await docker.CheckedAsync("inspect", "-f", "{{.State.Pid}}", container)).StandardOutput.Trim();
        await Lab.LabExec.CheckedAsync("nsenter", "--target", pid, "--net", "ip", "link", "set", "dev", "eth0", "mtu", mtu.ToString());
        var veth = (await host.CheckedAsync("ip", "-o", "link", "show", "master", "br0", "type", "veth")).StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(':')[1].Trim().Split('@')[0]).Where(n => n.StartsWith("veth", StringComparison.Ordinal)).ToList();
        foreach (var v in veth) await host.CheckedAsync("ip", "link", "set", "dev", v, "mtu", mtu.ToString());
    }
}
