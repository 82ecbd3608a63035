using NetTui.Lab;
using NetTui.LabTests.Operations;

namespace NetTui.LabTests.Wizard;

/// <summary>
/// VXLAN made by the native nettui on two real lab hosts joined by a veth underlay: the
/// wizard (`--kind vxlan` / `ovs-vxlan`) on A, its peer plan applied on B, a "container"
/// namespace on a veth into br0 on each side. The containers ping each other, a 1422-byte
/// DF ping (the 1450 MTU the wizard set: 1500 - 50) passes, 1 MB crosses over TCP (busybox
/// nc) unchanged, and `nettui wizard teardown` returns both hosts to their first snapshot.
/// The kernel VXLAN runs on the kernel datapath (the underlay address is on the veth); the
/// OVS one on the userspace datapath, whose tunnels leave through the netdev bridge br-phy
/// that holds the underlay address (LAB-NOTES).
/// </summary>
public sealed class VxlanLabTests
{
    private const string UnderlayA = "10.30.0.1", UnderlayB = "10.30.0.2";

    private sealed record Side(OpsLab Lab, LabHost Container, string Address);

    [Fact]
    public async Task Kernel_vxlan_from_the_wizard_carries_ping_and_1MB_between_containers_and_teardown_restores_both() =>
        await AcrossAsync("vxlan", ovs: false, async (a, _) =>
        {
            // What NetTui verified is what the kernel reports: VNI 42, UDP 4789, the peer as remote.
            var d = (await a.Lab.Host.IpJsonAsync("-d", "link", "show", "vxlan0"))[0]!["linkinfo"]!["info_data"]!;
            Assert.Equal(42, (int)d["id"]!);
            Assert.Equal(4789, (int)d["port"]!);
            Assert.Equal(UnderlayB, (string?)d["remote"]);
        });

    [Fact]
    public async Task Ovs_vxlan_from_the_wizard_carries_ping_and_1MB_between_containers_and_teardown_restores_both() =>
        await AcrossAsync("ovs-vxlan", ovs: true, async (a, _) =>
        {
            var row = (await a.Lab.Ovs!.VsctlCheckedAsync("--columns=type,options,ofport,error", "list", "interface", "vxlan0")).StandardOutput;
            Assert.Contains("vxlan", row, StringComparison.Ordinal);
            Assert.Contains("key=\"42\"", row, StringComparison.Ordinal);
            Assert.Contains($"remote_ip=\"{UnderlayB}\"", row, StringComparison.Ordinal);
        });

    private static async Task AcrossAsync(string kind, bool ovs, Func<Side, Side, Task> inspect)
    {
        await using var labA = await OpsLab.CreateAsync(ovs);
        await using var labB = await OpsLab.CreateAsync(ovs);
        await labA.Host.ConnectAsync("phy-a", labB.Host, "phy-b");
        await UnderlayAsync(labA, "phy-a", UnderlayA);
        await UnderlayAsync(labB, "phy-b", UnderlayB);
        await labA.Host.WaitUntilSettledAsync();
        await labB.Host.WaitUntilSettledAsync();
        var startA = await labA.ReadAsync();
        var startB = await labB.ReadAsync();
        var planA = Path.Combine(labA.Host.StateDir, "vxlan.plan.json");
        var planB = Path.Combine(labA.Host.StateDir, "vxlan.peer.plan.json");

        string[] tunnel = ["wizard", "tunnel", "--kind", kind, "--vni", "42",
            "--local-underlay", UnderlayA, "--peer-underlay", UnderlayB,
            "--local-subnet", "192.168.1.0/24", "--peer-subnet", "192.168.2.0/24"];
        // The firewall check reads this host's INPUT chain: a DROP of UDP 4789 is named before anything is applied.
        await labA.Host.CheckedAsync("iptables", "-I", "INPUT", "-p", "udp", "--dport", "4789", "-j", "DROP");
        var blocked = await NettuiAsync(labA, tunnel);
        Assert.Contains("firewall: BLOCKED: this host drops incoming UDP 4789 (INPUT rule \"INPUT -p udp -m udp --dport 4789 -j DROP\")", blocked.StandardOutput, StringComparison.Ordinal);
        await labA.Host.CheckedAsync("iptables", "-D", "INPUT", "-p", "udp", "--dport", "4789", "-j", "DROP");

        var wizard = await NettuiAsync(labA, [.. tunnel, "--out", planA, "--peer-out", planB, "--apply"]);
        Assert.True(wizard.ExitCode == 0, $"wizard exited {wizard.ExitCode}: {wizard.StandardError}{wizard.StandardOutput}");
        Assert.Contains("MTU 1450 on br0", wizard.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("firewall: this host accepts incoming UDP 4789 (INPUT policy ACCEPT", wizard.StandardOutput, StringComparison.Ordinal);
        var apply = await NettuiAsync(labB, "apply", planB);
        Assert.True(apply.ExitCode == 0, $"apply on B exited {apply.ExitCode}: {apply.StandardError}{apply.StandardOutput}");

        await using var containerA = await LabHost.CreateAsync();
        await using var containerB = await LabHost.CreateAsync();
        var a = await ContainerAsync(labA, containerA, 1);
        var b = await ContainerAsync(labB, containerB, 2);
        await inspect(a, b);

        ExecResult? ping = null;
        for (var i = 0; i < 6 && ping is not { Succeeded: true }; i++)
            ping = await a.Container.RunAsync("ping", "-c", "2", "-W", "2", b.Address);
        Assert.True(ping!.Succeeded, $"container A could not ping container B over {kind}: {ping.StandardOutput}{ping.StandardError}");
        var big = await a.Container.RunAsync("ping", "-M", "do", "-s", "1422", "-c", "2", "-W", "2", b.Address);
        Assert.True(big.Succeeded, $"a 1450-byte DF ping did not cross: {big.StandardOutput}{big.StandardError}");

        await TransferAsync(a, b);

        // Undo: the containers' veths go with their namespaces, then one teardown per host.
        await containerA.RemoveNamespaceAsync();
        await containerB.RemoveNamespaceAsync();
        var downA = await NettuiAsync(labA, "wizard", "teardown", planA);
        Assert.True(downA.ExitCode == 0, $"teardown on A exited {downA.ExitCode}: {downA.StandardError}{downA.StandardOutput}");
        var downB = await NettuiAsync(labB, "wizard", "teardown", planB);
        Assert.True(downB.ExitCode == 0, $"teardown on B exited {downB.ExitCode}: {downB.StandardError}{downB.StandardOutput}");
        await labA.Host.WaitUntilSettledAsync();
        await labB.Host.WaitUntilSettledAsync();
        SnapshotShape.Equal(startA, await labA.ReadAsync(), $"host A after the {kind} teardown");
        SnapshotShape.Equal(startB, await labB.ReadAsync(), $"host B after the {kind} teardown");
    }

    /// <summary>1 MiB of random bytes from container A to container B over TCP, compared byte for byte.</summary>
    private static async Task TransferAsync(Side a, Side b)
    {
        var sent = Path.Combine(a.Container.StateDir, "sent.bin");
        var got = Path.Combine(b.Container.StateDir, "got.bin");
        var fifo = Path.Combine(b.Container.StateDir, "stdin.fifo");
        var bytes = new byte[1 << 20];
        Random.Shared.NextBytes(bytes);
        await File.WriteAllBytesAsync(sent, bytes, TestContext.Current.CancellationToken);
        // busybox nc quits when its stdin ends: the listener reads a FIFO it holds open itself, so it ends only with the connection.
        var listener = b.Container.RunAsync(["sh", "-c", $"mkfifo {fifo} && exec busybox nc -l -p 5001 0<>{fifo} >{got}"], null, TimeSpan.FromSeconds(60));
        await LabWait.UntilAsync("the listener on port 5001", async () =>
            (await b.Container.RunAsync("sh", "-c", "cat /proc/net/tcp /proc/net/tcp6")).StandardOutput.Split('\n').Any(l => l.Contains(":1389 ", StringComparison.Ordinal) && l.Contains(" 0A ", StringComparison.Ordinal)), TimeSpan.FromSeconds(10));
        ExecResult send;
        try { send = await a.Container.RunAsync(["sh", "-c", $"exec busybox nc {b.Address} 5001 <{sent}"], null, TimeSpan.FromSeconds(20)); }
        catch (LabException e)
        {
            var diag = (await a.Container.RunAsync("sh", "-c", "cat /proc/net/tcp; ip -s link show eth0; ip route get " + b.Address)).StandardOutput
                + (await b.Container.RunAsync("sh", "-c", "cat /proc/net/tcp /proc/net/tcp6; ip -s link show eth0")).StandardOutput
                + (await a.Lab.Host.RunAsync("sh", "-c", "ip -s -d link show; nstat -az | grep -i -E 'frag|drop|icmp'")).StandardOutput;
            throw new LabException($"{e.Message}; received {new FileInfo(got).Length} bytes\n{diag}");
        }
        Assert.True(send.Succeeded, $"sending 1 MB failed: {send.StandardError}");
        var done = await listener;
        Assert.True(done.Succeeded, $"the listener failed: {done.StandardError}");
        Assert.Equal(bytes, await File.ReadAllBytesAsync(got, TestContext.Current.CancellationToken));
    }

    private static async Task UnderlayAsync(OpsLab lab, string phy, string address)
    {
        if (lab.Ovs is null)
        {
            await lab.Ip("addr", "add", address + "/24", "dev", phy);
            return;
        }
        await lab.Ovs.AddBridgeAsync("br-phy");
        await lab.Ovs.VsctlCheckedAsync("add-port", "br-phy", phy);
        await lab.Ip("addr", "add", address + "/24", "dev", "br-phy");
        await lab.Ip("link", "set", "br-phy", "up");
    }

    /// <summary>A "container": a namespace whose eth0 is a veth into br0 (.10, default via br0's .1); the host forwards.</summary>
    private static async Task<Side> ContainerAsync(OpsLab lab, LabHost container, int n)
    {
        var address = $"192.168.{n}.10";
        await LabExec.CheckedAsync("ip", "-n", lab.Host.Name, "link", "add", "vct0", "type", "veth", "peer", "name", "eth0", "netns", container.Name);
        await lab.Ip("link", "set", "vct0", "master", "br0");
        await lab.Ip("link", "set", "vct0", "up");
        await container.CheckedAsync("ip", "addr", "add", address + "/24", "dev", "eth0");
        // The two br0s are one Ethernet segment through the tunnel: once a host's ICMP redirect
        // tells a container the peer container is on-link, its frames cross at layer 2 and a
        // 1500-byte one is dropped silently at vxlan0. So the containers use the tunnel's MTU,
        // as Docker's "mtu" in daemon.json would give them.
        await container.CheckedAsync("ip", "link", "set", "eth0", "mtu", "1450", "up");
        await container.CheckedAsync("ip", "route", "add", "default", "via", $"192.168.{n}.1");
        await lab.Host.CheckedAsync("sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
        return new Side(lab, container, address);
    }

    /// <summary>nettui ARGS against <paramref name="lab"/>'s namespace (and its OVSDB when it has one); no dockerd.</summary>
    private static Task<ExecResult> NettuiAsync(OpsLab lab, params string[] args) =>
        NettuiCli.RunAsync(lab.Host.StateDir, new Dictionary<string, string>(),
            [.. args, "--netns", lab.Host.Name, .. lab.Ovs is null ? Array.Empty<string>() : ["--ovs-db", lab.Ovs.DbTarget]]);
}
