using NetTui.Core.Model;
using NetTui.Lab;

namespace NetTui.LabTests.Persistence.Backends;

/// <summary>
/// The systemd-networkd backend against the real networkd (run by hand in the lab namespace):
/// the native nettui binary makes br0 with an address, a port and a route; after a simulated
/// reboot networkd alone brings them back from NetTui's files; undo takes the files away again.
/// </summary>
public sealed class NetworkdRebootTests
{
    private static Task MakeNicAsync(LabHost host) => BootNic.MakeAsync(host);

    [Fact]
    public async Task Bridge_with_address_port_and_route_made_by_nettui_comes_back_with_networkd_and_undo_removes_the_files()
    {
        await using var host = await LabHost.CreateAsync();
        var networkd = LabNetworkd.Create(host);
        await MakeNicAsync(host);
        Task<ExecResult> Nettui(params string[] args) =>
            NettuiCli.RunAsync(host.StateDir, networkd.Environment, [.. args, "--netns", host.Name, "--probe", "none", "--persist-with", "networkd"]);

        var add = await Nettui("bridge", "add", "br0", "--address", "192.168.80.1/24");
        Assert.True(add.Succeeded, add.StandardOutput + add.StandardError);
        Assert.Contains("persistent: systemd-networkd", add.StandardOutput, StringComparison.Ordinal);
        var attach = await Nettui("bridge", "attach", "br0", "vport0");
        Assert.True(attach.Succeeded, attach.StandardOutput + attach.StandardError);
        var route = await Nettui("route", "add", "10.80.2.0/24", "--via", "192.168.80.2", "--dev", "br0");
        Assert.True(route.Succeeded, route.StandardOutput + route.StandardError);

        Assert.Equal(["50-nettui-br0.netdev", "50-nettui-br0.network", "50-nettui-vport0.network"],
            System.IO.Directory.EnumerateFiles(networkd.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var network = await File.ReadAllTextAsync(Path.Combine(networkd.Directory, "50-nettui-br0.network"), TestContext.Current.CancellationToken);
        Assert.Contains("Address=192.168.80.1/24\n", network, StringComparison.Ordinal);
        Assert.Contains("[Route]\nDestination=10.80.2.0/24\nGateway=192.168.80.2\n", network, StringComparison.Ordinal);

        await networkd.RebootAsync(() => MakeNicAsync(host));
        await LabWait.UntilAsync("networkd to bring br0 back with its address, port and route", async () =>
            (await host.IpJsonAsync("addr", "show", "br0")).Any(l => l!["addr_info"]!.AsArray().Any(a => (string?)a!["local"] == "192.168.80.1"))
            && (await host.BridgeJsonAsync("link", "show")).Any(l => (string?)l!["ifname"] == "vport0" && (string?)l["master"] == "br0")
            && (await host.IpJsonAsync("route", "show", "10.80.2.0/24")).Any(r => (string?)r!["gateway"] == "192.168.80.2"),
            TimeSpan.FromSeconds(20));
        Assert.Equal("bridge", (string?)Assert.Single(await host.IpJsonAsync("-d", "link", "show", "br0"))!["linkinfo"]!["info_kind"]);

        // The Boot column reads networkd's files (detected by their presence, no --persist-with).
        var shown = NettuiCli.ParseSnapshot(await NettuiCli.RunAsync(host.StateDir, networkd.Environment, ["show", "all", "--json", "--netns", host.Name]));
        Assert.Equal("networkd", shown.Boot!.Backend);
        Assert.Equal((PersistenceKind.ConfigFile, "/etc/systemd/network/50-nettui-br0.network"), (shown.FindLink("br0")!.Persistence!.Where, shown.FindLink("br0")!.Persistence!.Profile));
        Assert.Equal(PersistenceKind.ConfigFile, shown.FindLink("vport0")!.Persistence!.Where);
        Assert.Equal(PersistenceKind.ConfigFile, shown.Routes.Single(r => r.Destination == "10.80.2.0/24").Persistence!.Where);

        // Undo (newest first): the route's lines, the port's file, then the bridge's files.
        await networkd.StopAsync();
        var undo = await NettuiCli.RunAsync(host.StateDir, networkd.Environment, ["undo", "--steps", "3", "--yes", "--netns", host.Name]);
        Assert.True(undo.Succeeded, undo.StandardOutput + undo.StandardError);
        Assert.Empty(System.IO.Directory.EnumerateFiles(networkd.Directory));
    }
}
