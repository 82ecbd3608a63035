using System.Globalization;
using System.Text.RegularExpressions;
using NetTui.Lab;
using NetTui.LabTests.Operations;

namespace NetTui.LabTests.Wizard;

/// <summary>
/// The tunnel wizard proven on two real hosts: `nettui wizard tunnel --apply` on A writes and
/// applies A's plan and writes the peer's; `nettui apply` of that file on B; then a container
/// on A pings a container on B by address, the packets cross gre0 (OVS counts them), a
/// 1400-byte packet with DF passes and a 1500-byte one is refused with "fragmentation
/// needed" (the MTU the wizard set), and `nettui wizard teardown` on both hosts returns
/// them to their starting snapshots.
/// </summary>
public sealed partial class TunnelWizardLabTests(TwoHostFixture lab) : IClassFixture<TwoHostFixture>
{
    [Fact]
    public async Task Wizard_plans_join_containers_on_two_hosts_over_gre_and_teardown_restores_both()
    {
        var a = lab.A;
        var b = lab.B;
        var startA = await a.ReadAsync();
        var startB = await b.ReadAsync();
        var planA = Path.Combine(a.Host.StateDir, "tunnel.plan.json");
        var planB = Path.Combine(a.Host.StateDir, "tunnel.peer.plan.json");

        // A: the wizard checks, writes both plans and applies A's (one change-set).
        var wizard = await TwoHostFixture.NettuiAsync(a, "wizard", "tunnel",
            "--local-underlay", TwoHostFixture.UnderlayA, "--peer-underlay", TwoHostFixture.UnderlayB,
            "--local-subnet", "192.168.1.0/24", "--peer-subnet", "192.168.2.0/24",
            "--docker-bridge", "--daemon-json", lab.DockerA.ConfigFile,
            "--out", planA, "--peer-out", planB, "--apply");
        Assert.True(wizard.ExitCode == 0, $"wizard exited {wizard.ExitCode}: {wizard.StandardError}{wizard.StandardOutput}");
        Assert.Contains("MTU 1462 on br0 and obr0", wizard.StandardOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(planA + ".teardown.json"), "no teardown written next to A's plan");

        // B: the carried-over peer plan, applied by file.
        var apply = await TwoHostFixture.NettuiAsync(b, "apply", planB, "--daemon-json", lab.DockerB.ConfigFile);
        Assert.True(apply.ExitCode == 0, $"apply on B exited {apply.ExitCode}: {apply.StandardError}{apply.StandardOutput}");

        // The seed's "systemctl restart docker": containers land on br0 of each host.
        await lab.DockerA.RestartAsync();
        await lab.DockerB.RestartAsync();
        var ipA = await ContainerAsync(lab.DockerA, "ca", "192.168.1.");
        var ipB = await ContainerAsync(lab.DockerB, "cb", "192.168.2.");
        // The MTU trap closed: both plans set daemon.json's "mtu", so the containers fit the tunnel.
        Assert.Contains("Docker: daemon.json gets \"mtu\": 1462", wizard.StandardOutput, StringComparison.Ordinal);
        foreach (var (docker, name) in new[] { (lab.DockerA, "ca"), (lab.DockerB, "cb") })
            Assert.Equal("1462", (await docker.CheckedAsync("exec", name, "cat", "/sys/class/net/eth0/mtu")).StandardOutput.Trim());

        // Containers reach each other through their hosts: IPv4 forwarding must be on (dockerd sets it).
        foreach (var host in new[] { a, b })
            Assert.Equal("1", (await host.Host.CheckedAsync("sysctl", "-n", "net.ipv4.ip_forward")).StandardOutput.Trim());

        var txBefore = await GreTxPacketsAsync(a);
        ExecResult? ping = null;
        for (var i = 0; i < 6 && ping is not { Succeeded: true }; i++)
            ping = await lab.DockerA.DockerAsync("exec", "ca", "ping", "-c", "3", "-W", "2", ipB);
        Assert.True(ping!.Succeeded, $"container ca ({ipA}) could not ping cb ({ipB}): {ping.StandardOutput}{ping.StandardError}");

        // OVS refreshes interface statistics every 5 s: poll until gre0 counted the pings.
        long txAfter = txBefore;
        await LabWait.UntilAsync("gre0's tx_packets to grow", async () => (txAfter = await GreTxPacketsAsync(a)) >= txBefore + 3, TimeSpan.FromSeconds(20));
        Assert.True(txAfter >= txBefore + 3, $"gre0 tx_packets {txBefore} -> {txAfter}");

        // DF pings from inside container ca's network namespace. Busybox ping has no -M (no way
        // to ask for DF), so iputils ping from the machine runs in the container's namespace.
        var pidA = (string?)(await lab.DockerA.InspectAsync("ca"))["State"]!["Pid"]!.ToString();
        var big = await LabExec.RunAsync(["nsenter", $"--net=/proc/{pidA}/ns/net", "ping", "-M", "do", "-s", "1372", "-c", "2", "-W", "2", ipB], null, TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        Assert.True(big.Succeeded, $"1400-byte DF ping failed: {big.StandardOutput}{big.StandardError}");
        // A 1500-byte DF packet from the host itself is refused with the MTU the wizard set on br0.
        var tooBig = await a.Host.RunAsync("ping", "-M", "do", "-s", "1472", "-c", "1", "-W", "2", ipB);
        Assert.False(tooBig.Succeeded, "a 1500-byte DF packet crossed a 1462-byte path");
        Assert.True(MtuReported().IsMatch(tooBig.StandardOutput + tooBig.StandardError), $"no MTU 1462 in: {tooBig.StandardOutput}{tooBig.StandardError}");

        // Teardown: containers off br0, then one command per host removes what the wizard made.
        await lab.DockerA.CheckedAsync("rm", "-f", "ca");
        await lab.DockerB.CheckedAsync("rm", "-f", "cb");
        var downA = await TwoHostFixture.NettuiAsync(a, "wizard", "teardown", planA, "--daemon-json", lab.DockerA.ConfigFile);
        Assert.True(downA.ExitCode == 0, $"teardown on A exited {downA.ExitCode}: {downA.StandardError}{downA.StandardOutput}");
        var downB = await TwoHostFixture.NettuiAsync(b, "wizard", "teardown", planB, "--daemon-json", lab.DockerB.ConfigFile);
        Assert.True(downB.ExitCode == 0, $"teardown on B exited {downB.ExitCode}: {downB.StandardError}{downB.StandardOutput}");

        // dockerd goes back to docker0 on restart (daemon.json no longer names br0).
        await lab.DockerA.RestartAsync();
        await lab.DockerB.RestartAsync();
        await a.Host.WaitUntilSettledAsync();
        await b.Host.WaitUntilSettledAsync();
        var endA = await a.ReadAsync();
        var endB = await b.ReadAsync();
        SnapshotShape.Equal(startA, endA, "host A after teardown");
        SnapshotShape.Equal(startB, endB, "host B after teardown");
        Assert.Empty(endA.Containers);
        Assert.Empty(endB.Containers);
    }

    [Fact]
    public async Task Wizard_refuses_overlapping_subnets_on_a_real_host_and_changes_nothing()
    {
        var before = await lab.A.ReadAsync();
        var r = await TwoHostFixture.NettuiAsync(lab.A, "wizard", "tunnel",
            "--local-underlay", TwoHostFixture.UnderlayA, "--peer-underlay", TwoHostFixture.UnderlayB,
            "--local-subnet", "192.168.1.0/24", "--peer-subnet", "192.168.1.128/25", "--apply",
            "--out", Path.Combine(lab.A.Host.StateDir, "refused.plan.json"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("peer-subnet", r.StandardError, StringComparison.Ordinal);
        Assert.Contains("overlaps", r.StandardError, StringComparison.Ordinal);
        SnapshotShape.Equal(before, await lab.A.ReadAsync(), "host A after a refused wizard");
    }

    private static async Task<string> ContainerAsync(LabDocker docker, string name, string expectedPrefix)
    {
        await docker.RunBusyboxAsync(name);
        var ip = (string?)(await docker.InspectAsync(name))["NetworkSettings"]!["IPAddress"];
        Assert.True(ip is not null && ip.StartsWith(expectedPrefix, StringComparison.Ordinal), $"{name} got {ip}, expected {expectedPrefix}x on br0");
        return ip;
    }

    private static async Task<long> GreTxPacketsAsync(OpsLab host)
    {
        var stats = (await host.Ovs!.VsctlCheckedAsync("get", "interface", "gre0", "statistics")).StandardOutput;
        var m = TxPackets().Match(stats);
        return m.Success ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"mtu ?= ?1462")]
    private static partial Regex MtuReported();

    [GeneratedRegex(@"\btx_packets=(\d+)")]
    private static partial Regex TxPackets();
}
