using NetTui.Core.Model;
using NetTui.Lab;

namespace NetTui.LabTests.Persistence.Backends;

/// <summary>
/// The ifupdown backend against the real ifupdown: the native nettui binary makes the seed's
/// layout on a host configured by /etc/network/interfaces (no NetworkManager answers), then a
/// simulated reboot (namespace deleted and made again, `ifup -a` over the files) brings it back.
/// </summary>
public sealed class IfupdownRebootTests
{
    private static Task<ExecResult> Nettui(LabHost host, LabIfupdown ifupdown, params string[] args) =>
        NettuiCli.RunAsync(host.StateDir, ifupdown.Environment, [.. args, "--netns", host.Name, "--probe", "none"]);

    private static Task MakeNicAsync(LabHost host) => BootNic.MakeAsync(host);

    [Fact]
    public async Task Bridge_with_address_port_and_route_made_by_nettui_comes_back_with_ifup()
    {
        await using var host = await LabHost.CreateAsync();
        var ifupdown = await LabIfupdown.CreateAsync(host);
        await MakeNicAsync(host);

        // Debian's interfaces as installed configures only lo: ifupdown is asked for by name the first time.
        var add = await Nettui(host, ifupdown, "bridge", "add", "br0", "--address", "192.168.70.1/24", "--persist-with", "ifupdown");
        Assert.True(add.Succeeded, add.StandardOutput + add.StandardError);
        Assert.Contains("persistent: ifupdown, /etc/network/interfaces.d/nettui-br0", add.StandardOutput, StringComparison.Ordinal);
        var attach = await Nettui(host, ifupdown, "bridge", "attach", "br0", "vport0");
        Assert.True(attach.Succeeded, attach.StandardOutput + attach.StandardError);
        var route = await Nettui(host, ifupdown, "route", "add", "10.70.2.0/24", "--via", "192.168.70.2", "--dev", "br0");
        Assert.True(route.Succeeded, route.StandardOutput + route.StandardError);

        var own = await File.ReadAllTextAsync(ifupdown.InDirectory("nettui-br0"), TestContext.Current.CancellationToken);
        Assert.Contains("auto br0\niface br0 inet static\n    address 192.168.70.1/24\n    bridge_ports vport0\n", own, StringComparison.Ordinal);
        Assert.Contains("    up ip route add 10.70.2.0/24 via 192.168.70.2 dev br0\n", own, StringComparison.Ordinal);
        // Debian's interfaces sources interfaces.d already: left as it was.
        Assert.Equal(LabIfupdown.DebianDefault, await File.ReadAllTextAsync(ifupdown.Interfaces, TestContext.Current.CancellationToken));

        var boot = await ifupdown.RebootAsync(() => MakeNicAsync(host));
        Assert.True(boot.Succeeded, boot.StandardOutput + boot.StandardError);
        var br0 = Assert.Single(await host.IpJsonAsync("-d", "addr", "show", "br0"));
        Assert.Equal("bridge", (string?)br0!["linkinfo"]!["info_kind"]);
        Assert.Contains(br0["addr_info"]!.AsArray(), a => (string?)a!["local"] == "192.168.70.1" && (int?)a["prefixlen"] == 24);
        Assert.Contains(await host.BridgeJsonAsync("link", "show"), l => (string?)l!["ifname"] == "vport0" && (string?)l["master"] == "br0");
        Assert.Contains(await host.IpJsonAsync("route", "show", "10.70.2.0/24"), r => (string?)r!["gateway"] == "192.168.70.2" && (string?)r["dev"] == "br0");

        // The Boot column reads ifupdown's files: br0, its address, its port and its route come back with them.
        var shown = NettuiCli.ParseSnapshot(await NettuiCli.RunAsync(host.StateDir, ifupdown.Environment, ["show", "all", "--json", "--netns", host.Name]));
        Assert.Equal("ifupdown", shown.Boot!.Backend);
        var bridge = shown.FindLink("br0")!;
        Assert.Equal((PersistenceKind.ConfigFile, "/etc/network/interfaces.d/nettui-br0"), (bridge.Persistence!.Where, bridge.Persistence.Profile));
        Assert.Equal(PersistenceKind.ConfigFile, bridge.Addresses.Single(a => a.Cidr == "192.168.70.1/24").Persistence!.Where);
        Assert.Equal(PersistenceKind.ConfigFile, shown.FindLink("vport0")!.Persistence!.Where);
        Assert.Equal(PersistenceKind.ConfigFile, shown.Routes.Single(r => r.Destination == "10.70.2.0/24").Persistence!.Where);
        Assert.Equal(PersistenceKind.RuntimeOnly, shown.FindLink("vpeer0")!.Persistence!.Where);

        // Deleting the bridge removes NetTui's file: nothing comes back at the next boot.
        var del = await Nettui(host, ifupdown, "bridge", "del", "br0");
        Assert.True(del.Succeeded, del.StandardOutput + del.StandardError);
        Assert.False(File.Exists(ifupdown.InDirectory("nettui-br0")));
        await ifupdown.RebootAsync(() => MakeNicAsync(host));
        Assert.False((await host.RunAsync("ip", "link", "show", "br0")).Succeeded, "a deleted bridge must not come back");
    }

    [Fact]
    public async Task A_hand_written_interfaces_file_is_edited_line_by_line_and_undo_puts_it_back_byte_for_byte()
    {
        const string handWritten =
            "# Hand-written by the admin: keep this comment.\n" +
            "source /etc/network/interfaces.d/*\n" +
            "\n" +
            "auto lo\n" +
            "iface lo inet loopback\n" +
            "\n" +
            "# The LAN bridge\n" +
            "auto br0\n" +
            "iface br0 inet static\n" +
            "\taddress 192.168.71.1/24\n" +
            "\tbridge_ports none\n" +
            "\tbridge_stp off   # no loops here\n" +
            "\tbridge_maxwait 0\n" +
            "\n" +
            "# trailing comment, no newline at the end";
        await using var host = await LabHost.CreateAsync();
        var ifupdown = await LabIfupdown.CreateAsync(host, handWritten);
        await MakeNicAsync(host);
        var boot = await ifupdown.IfupAllAsync();
        Assert.True(boot.Succeeded, boot.StandardOutput + boot.StandardError);

        foreach (var args in new[]
                 {
                     new[] { "address", "add", "br0", "192.168.72.1/24" },
                     ["bridge", "attach", "br0", "vport0"],
                     ["route", "add", "10.71.2.0/24", "--via", "192.168.71.2", "--dev", "br0"],
                 })
        {
            var r = await Nettui(host, ifupdown, args);
            Assert.True(r.Succeeded, r.StandardOutput + r.StandardError);
            Assert.Contains("the stanza of br0 in", r.StandardOutput, StringComparison.Ordinal);
        }

        // Only br0's own lines changed (tabs kept), never a second definition in interfaces.d.
        Assert.Equal(
            handWritten.Replace("\tbridge_ports none\n", "\tbridge_ports vport0\n", StringComparison.Ordinal)
                .Replace("\tbridge_maxwait 0\n", "\tbridge_maxwait 0\n\tup ip addr add 192.168.72.1/24 dev br0\n\tup ip route add 10.71.2.0/24 via 192.168.71.2 dev br0\n", StringComparison.Ordinal),
            await File.ReadAllTextAsync(ifupdown.Interfaces, TestContext.Current.CancellationToken));
        Assert.Empty(Directory.EnumerateFiles(ifupdown.InterfacesD));

        var reboot = await ifupdown.RebootAsync(() => MakeNicAsync(host));
        Assert.True(reboot.Succeeded, reboot.StandardOutput + reboot.StandardError);
        var addresses = Assert.Single(await host.IpJsonAsync("addr", "show", "br0"))!["addr_info"]!.AsArray().Select(a => (string?)a!["local"]).ToList();
        Assert.Contains("192.168.71.1", addresses);
        Assert.Contains("192.168.72.1", addresses);
        Assert.Contains(await host.BridgeJsonAsync("link", "show"), l => (string?)l!["ifname"] == "vport0" && (string?)l["master"] == "br0");
        Assert.Contains(await host.IpJsonAsync("route", "show", "10.71.2.0/24"), r => (string?)r!["gateway"] == "192.168.71.2");

        // Undo takes back all three, newest first: the admin's file is exactly as written.
        var undo = await NettuiCli.RunAsync(host.StateDir, ifupdown.Environment, ["undo", "--steps", "3", "--yes", "--netns", host.Name]);
        Assert.True(undo.Succeeded, undo.StandardOutput + undo.StandardError);
        Assert.Equal(handWritten, await File.ReadAllTextAsync(ifupdown.Interfaces, TestContext.Current.CancellationToken));
        Assert.DoesNotContain(Assert.Single(await host.IpJsonAsync("addr", "show", "br0"))!["addr_info"]!.AsArray(), a => (string?)a!["local"] == "192.168.72.1");
    }

    [Fact]
    public async Task An_interfaces_file_NetTui_cannot_read_refuses_the_change_naming_file_and_line_and_nothing_is_written()
    {
        const string broken = "auto lo\niface lo inet loopback\n\nsource /etc/network/interfaces.d/*\niface br0\n";
        await using var host = await LabHost.CreateAsync();
        var ifupdown = await LabIfupdown.CreateAsync(host, broken);

        var add = await Nettui(host, ifupdown, "bridge", "add", "br5", "--address", "192.168.75.1/24");
        Assert.False(add.Succeeded);
        var line = Assert.Single(add.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(ifupdown.Interfaces + ":5:", line, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(ifupdown.InterfacesD));
        Assert.Equal(broken, await File.ReadAllTextAsync(ifupdown.Interfaces, TestContext.Current.CancellationToken));
        Assert.False((await host.RunAsync("ip", "link", "show", "br5")).Succeeded, "nothing ran");
    }
}
