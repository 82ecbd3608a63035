using NetTui.Core.Operations;
using NetTui.Lab;

namespace NetTui.LabTests.Operations;

/// <summary>
/// The seed's Docker-across-hosts-with-Open-vSwitch steps, done by NetTui instead of brctl,
/// ifconfig, vim and ovs-vsctl by hand. Host A through the `nettui` CLI (a separate process,
/// as an admin would), host B through the executor: bridge br0, Docker's default bridge br0
/// (a container gets 192.168.1.x), OVS bridge obr0 with gre0 to the peer's underlay address,
/// obr0 in br0, a route to the peer's subnet. Then a container on A pings B's br0 through
/// the tunnel. The underlay (the seed's ens33) is set up by the lab: an OVS bridge br-phy
/// holding a veth between the hosts, as the userspace datapath needs.
/// </summary>
public sealed class SeedScenarioLabTests
{
    [Fact]
    public async Task Seed_steps_through_nettui_connect_a_container_across_the_gre_tunnel()
    {
        await using var a = await OpsLab.CreateAsync(ovs: true);
        await using var b = await OpsLab.CreateAsync(ovs: true);
        await a.Host.ConnectAsync("phy-a", b.Host, "phy-b");
        await UnderlayAsync(a, "phy-a", "10.10.0.1/24");
        await UnderlayAsync(b, "phy-b", "10.10.0.2/24");
        var docker = await a.StartDockerAsync();

        // Host A, by the CLI. Each verb exits 0, or the test shows its stderr.
        string[][] stepsA =
        [
            ["bridge", "add", "br0", "--address", "192.168.1.1/255.255.255.0"],
            ["docker", "bridge", "br0", "--daemon-json", docker.ConfigFile],
            ["ovs", "bridge", "add", "obr0", "--datapath", "netdev"],
            ["ovs", "gre", "add", "obr0", "gre0", "--remote", "10.10.0.2"],
            ["bridge", "attach", "br0", "obr0"],
            ["link", "set", "obr0", "up"],
            ["route", "add", "192.168.2.0/24", "--dev", "br0"],
        ];
        foreach (var args in stepsA)
        {
            var run = await NettuiCli.RunAsync(a.Host.StateDir, docker.ClientEnvironment, [.. args, "--netns", a.Host.Name, "--ovs-db", a.Ovs!.DbTarget]);
            Assert.True(run.ExitCode == 0, $"nettui {string.Join(' ', args)} exited {run.ExitCode}: {run.StandardError}{run.StandardOutput}");
        }

        // Host B, through the executor.
        foreach (var op in new Operation[]
        {
            new CreateBridge("br0", "192.168.2.1/24"),
            new CreateOvsBridge("obr0", "netdev"),
            new AddOvsGrePort("obr0", "gre0", "10.10.0.1"),
            new AttachToBridge("br0", "obr0"),
            new SetLinkState("obr0", true),
            new AddRoute("192.168.1.0/24", Dev: "br0"),
        })
            await b.ApplyAsync(op);

        // The seed's "systemctl restart docker", then a container: it lands on br0.
        await docker.RestartAsync();
        await docker.RunBusyboxAsync("cct1");
        var inspect = await docker.InspectAsync("cct1");
        var ip = (string?)inspect["NetworkSettings"]!["IPAddress"];
        Assert.StartsWith("192.168.1.", ip, StringComparison.Ordinal);
        Assert.Equal("192.168.1.1", (string?)inspect["NetworkSettings"]!["Gateway"]);

        // Independent checks of what NetTui made on A.
        Assert.Equal("gre", (await a.Ovs!.VsctlCheckedAsync("get", "interface", "gre0", "type")).StandardOutput.Trim());
        Assert.Equal("[]", (await a.Ovs.VsctlCheckedAsync("get", "interface", "gre0", "error")).StandardOutput.Trim());
        Assert.Contains(await a.Host.BridgeJsonAsync("link", "show"), p => (string?)p!["ifname"] == "obr0" && (string?)p["master"] == "br0");
        Assert.Equal("br0", (string?)Assert.Single(await a.Host.IpJsonAsync("route", "show", "192.168.2.0/24"))!["dev"]);

        // A forwards between the container and the tunnel; then the container reaches B's br0.
        await a.Host.CheckedAsync("sysctl", "-w", "net.ipv4.ip_forward=1");
        ExecResult? ping = null;
        for (var i = 0; i < 6 && ping is not { Succeeded: true }; i++)
            ping = await docker.DockerAsync("exec", "cct1", "ping", "-c", "1", "-W", "2", "192.168.2.1");
        Assert.True(ping!.Succeeded, $"container ping across the tunnel failed: {ping.StandardOutput}{ping.StandardError}");
    }

    private static async Task UnderlayAsync(OpsLab lab, string phy, string address)
    {
        await lab.Ovs!.AddBridgeAsync("br-phy");
        await lab.Ovs.VsctlCheckedAsync("add-port", "br-phy", phy);
        await lab.Ip("addr", "add", address, "dev", "br-phy");
        await lab.Ip("link", "set", "br-phy", "up");
    }
}
