using NetTui.Lab;
using NetTui.LabTests.Persistence;

namespace NetTui.LabTests.Wizard;

/// <summary>
/// The seed's flow where NetworkManager runs: `nettui wizard tunnel --apply` on a host with
/// NetworkManager on its bus and its own OVS. It was refused before anything ran
/// ("operations[3] (persisted).bridge: there is no bridge br0"): the persisted plan was
/// checked against the host without the bridge its first operation makes.
/// </summary>
public sealed class WizardNetworkManagerLabTests
{
    [Fact]
    public async Task Wizard_applies_with_NetworkManager_on_the_bus_and_saves_the_bridge_profile()
    {
        await using var lab = await PersistLab.CreateAsync();
        var ovs = await LabOvs.StartAsync(lab.Host);
        await ovs.AddBridgeAsync("br-phy");
        await lab.Host.CheckedAsync("ip", "addr", "add", "10.10.0.1/24", "dev", "br-phy");
        await lab.Host.CheckedAsync("ip", "link", "set", "br-phy", "up");

        var env = new Dictionary<string, string>(lab.Nm.ClientEnvironment) { ["DOCKER_HOST"] = "unix://" + Path.Combine(lab.Host.StateDir, "no-docker.sock") };
        var planA = Path.Combine(lab.Host.StateDir, "tunnel.plan.json");
        var planB = Path.Combine(lab.Host.StateDir, "tunnel.peer.plan.json");
        var wizard = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["wizard", "tunnel",
            "--local-underlay", "10.10.0.1", "--peer-underlay", "10.10.0.2",
            "--local-subnet", "192.168.1.0/24", "--peer-subnet", "192.168.2.0/24",
            "--out", planA, "--peer-out", planB, "--apply",
            "--netns", lab.Host.Name, "--ovs-db", ovs.DbTarget]);
        Assert.True(wizard.ExitCode == 0, $"wizard exited {wizard.ExitCode}: {wizard.StandardError}{wizard.StandardOutput}");
        Assert.DoesNotContain("there is no bridge", wizard.StandardOutput + wizard.StandardError, StringComparison.Ordinal);

        // br0 is NetworkManager's (saved to disk), with the wizard's address; obr0 is its port; the route is there.
        Assert.True(await lab.ProfileExistsAsync("nettui-br0"), "no NetworkManager profile for br0:\n" + wizard.StandardOutput);
        var links = await lab.Host.IpJsonAsync("-d", "link", "show");
        string? Master(string name) => (string?)links.Single(l => (string?)l!["ifname"] == name)!["master"];
        Assert.Equal("br0", Master("obr0"));
        var addr = await lab.Host.IpJsonAsync("addr", "show", "dev", "br0");
        Assert.Contains(addr[0]!["addr_info"]!.AsArray(), a => (string?)a!["local"] == "192.168.1.1");
        var routes = await lab.Host.IpJsonAsync("route", "show", "192.168.2.0/24");
        Assert.Equal("br0", (string?)Assert.Single(routes)!["dev"]);
        var gre = await ovs.VsctlCheckedAsync("get", "interface", "gre0", "type");
        Assert.Equal("gre", gre.StandardOutput.Trim());
    }
}
