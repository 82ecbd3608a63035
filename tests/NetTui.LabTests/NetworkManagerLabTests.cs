using NetTui.Core.Model;
using NetTui.Lab;

namespace NetTui.LabTests;

/// <summary>NetworkManager on a private bus inside a lab namespace, driven by nmcli.</summary>
public sealed class NetworkManagerLabTests
{
    [Fact]
    public async Task A_bridge_profile_is_saved_as_a_keyfile_activated_and_survives_a_reboot()
    {
        await using var host = await LabHost.CreateAsync();
        var nm = await LabNetworkManager.StartAsync(host);
        Assert.StartsWith(host.StateDir, nm.BusAddress["unix:path=".Length..]);

        await nm.NmcliCheckedAsync("connection", "add", "type", "bridge", "ifname", "br0", "con-name", "br0",
            "bridge.stp", "no", "ipv4.method", "manual", "ipv4.addresses", "192.168.50.1/24", "ipv6.method", "disabled");
        await nm.NmcliCheckedAsync("connection", "up", "br0");

        var keyfile = Path.Combine(nm.KeyfileDir, "br0.nmconnection");
        Assert.True(File.Exists(keyfile));
        Assert.Contains("type=bridge", await File.ReadAllTextAsync(keyfile, TestContext.Current.CancellationToken));
        await AssertBridgeWithAddressAsync(host);

        // Reboot: NetworkManager stops, the namespace (kernel state) goes, both come back.
        await nm.StopAsync();
        await host.RemoveNamespaceAsync();
        await host.RecreateNamespaceAsync();
        Assert.Empty((await host.IpJsonAsync("link", "show", "type", "bridge")));
        await nm.StartAsync();
        await LabWait.UntilAsync("br0 to come back with its address", async () =>
        {
            // Throws (and LabWait retries) while br0 does not exist yet.
            var addrs = await host.IpJsonAsync("addr", "show", "dev", "br0");
            return addrs.Any(a => a!["addr_info"]!.AsArray().Any(i => (string?)i!["local"] == "192.168.50.1"));
        }, TimeSpan.FromSeconds(30));
        await AssertBridgeWithAddressAsync(host);
    }

    [Fact]
    public async Task Nettui_sources_say_whether_NetworkManager_answers_on_the_bus()
    {
        await using var host = await LabHost.CreateAsync();
        var nm = await LabNetworkManager.StartAsync(host);
        var env = new Dictionary<string, string>(nm.ClientEnvironment);

        var up = await ShowNetworkManagerSourceAsync(host, env);
        Assert.True(up.Available, up.Reason);

        await nm.StopAsync(keepBus: true);
        var noDaemon = await ShowNetworkManagerSourceAsync(host, env);
        Assert.False(noDaemon.Available);
        Assert.Contains("NetworkManager is not running", noDaemon.Reason);

        await nm.StopAsync();
        var noBus = await ShowNetworkManagerSourceAsync(host, env);
        Assert.False(noBus.Available);
        Assert.Contains(nm.BusAddress["unix:path=".Length..], noBus.Reason);
    }

    private static async Task<SourceStatus> ShowNetworkManagerSourceAsync(LabHost host, Dictionary<string, string> env)
    {
        var snap = NettuiCli.ParseSnapshot(await NettuiCli.RunAsync(host.StateDir, env, "show", "all", "--json", "--netns", host.Name));
        return snap.Source(SourceKind.NetworkManager) ?? throw new Xunit.Sdk.XunitException("no NetworkManager source in the snapshot");
    }

    private static async Task AssertBridgeWithAddressAsync(LabHost host)
    {
        var br = Assert.Single(await host.IpJsonAsync("-d", "addr", "show", "dev", "br0"));
        Assert.Equal("bridge", (string?)br!["linkinfo"]!["info_kind"]);
        Assert.Contains(br["addr_info"]!.AsArray(), a => (string?)a!["local"] == "192.168.50.1" && (int)a["prefixlen"]! == 24);
    }
}
