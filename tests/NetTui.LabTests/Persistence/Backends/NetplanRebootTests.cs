using NetTui.Core.Model;
using NetTui.Lab;

namespace NetTui.LabTests.Persistence.Backends;

/// <summary>
/// The netplan backend against the real netplan 0.106 and systemd-networkd (run by hand in the
/// lab namespace): nettui makes br0 with an address, a port, the route to the peer's subnet and
/// a VXLAN, and `persist make` keeps a bridge made runtime only; after a simulated reboot `netplan generate` and networkd alone bring them back from
/// /etc/netplan/90-nettui.yaml; a file netplan rejects refuses a change with netplan's line and
/// writes nothing; undo takes the file away again.
/// </summary>
public sealed class NetplanRebootTests
{
    private const string Own = "90-nettui.yaml";

    [Fact]
    public async Task Layout_made_by_nettui_comes_back_with_netplan_generate_and_networkd_and_undo_removes_the_file()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await LabHost.CreateAsync();
        var netplan = LabNetplan.Create(host);
        await BootNic.MakeAsync(host);
        Task<ExecResult> Nettui(params string[] args) =>
            NettuiCli.RunAsync(host.StateDir, netplan.Environment, [.. args, "--netns", host.Name, "--probe", "none", "--persist-with", "netplan"]);

        var add = await Nettui("bridge", "add", "br0", "--address", "192.168.80.1/24");
        Assert.True(add.Succeeded, add.StandardOutput + add.StandardError);
        Assert.Contains("persistent: netplan, /etc/netplan/90-nettui.yaml", add.StandardOutput, StringComparison.Ordinal);
        foreach (var args in new[]
        {
            new[] { "bridge", "attach", "br0", "vport0" },
            ["route", "add", "10.80.2.0/24", "--via", "192.168.80.2", "--dev", "br0"],
            ["vxlan", "add", "vx0", "--vni", "42", "--remote", "192.168.80.2", "--local", "192.168.80.1"],
        })
        {
            var r = await Nettui(args);
            Assert.True(r.Succeeded, string.Join(' ', args) + ": " + r.StandardOutput + r.StandardError);
        }

        // A bridge made runtime only, then `persist make`: its definition joins the file, nothing is run.
        var runtime = await Nettui("bridge", "add", "br1", "--address", "192.168.90.1/24", "--runtime-only");
        Assert.True(runtime.Succeeded, runtime.StandardOutput + runtime.StandardError);
        var make = await Nettui("persist", "make", "br1");
        Assert.True(make.Succeeded, make.StandardOutput + make.StandardError);
        Assert.Contains("persistent: netplan, /etc/netplan/90-nettui.yaml (bridge br1)", make.StandardOutput, StringComparison.Ordinal);

        var path = Path.Combine(netplan.Directory, Own);
        Assert.Equal([Own], System.IO.Directory.EnumerateFiles(netplan.Directory).Select(Path.GetFileName));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        var text = await File.ReadAllTextAsync(path, ct);
        Assert.Contains("    br0:\n      interfaces: [vport0]\n      addresses: [192.168.80.1/24]\n", text, StringComparison.Ordinal);
        Assert.Contains("        - to: 10.80.2.0/24\n          via: 192.168.80.2\n", text, StringComparison.Ordinal);
        Assert.Contains("    vx0:\n      mode: vxlan\n      id: 42\n", text, StringComparison.Ordinal);
        Assert.Contains("    br1:\n      interfaces: []\n      addresses: [192.168.90.1/24]\n", text, StringComparison.Ordinal);

        // An admin's file netplan rejects: the change is refused with netplan's own line, nothing is written.
        var bad = Path.Combine(netplan.Directory, "10-admin.yaml");
        await File.WriteAllTextAsync(bad, "network:\n  version: 2\n  bridges:\n    br7:\n      interfaces: [nic9]\n", ct);
        File.SetUnixFileMode(bad, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var refused = await Nettui("address", "add", "br0", "192.168.81.1/24");
        Assert.False(refused.Succeeded);
        Assert.Contains("netplan rejects the files: /etc/netplan/10-admin.yaml:5:20: Error in network definition: br7: interface 'nic9' is not defined", refused.StandardOutput + refused.StandardError, StringComparison.Ordinal);
        Assert.Equal(text, await File.ReadAllTextAsync(path, ct));
        Assert.DoesNotContain((await host.IpJsonAsync("addr", "show", "br0")).SelectMany(l => l!["addr_info"]!.AsArray()), a => (string?)a!["local"] == "192.168.81.1");
        File.Delete(bad);

        await netplan.RebootAsync(() => BootNic.MakeAsync(host));
        await LabWait.UntilAsync("netplan and networkd to bring br0 back with its address, port, route and VXLAN", async () =>
            (await host.IpJsonAsync("addr", "show", "br0")).Any(l => l!["addr_info"]!.AsArray().Any(a => (string?)a!["local"] == "192.168.80.1"))
            && (await host.BridgeJsonAsync("link", "show")).Any(l => (string?)l!["ifname"] == "vport0" && (string?)l["master"] == "br0")
            && (await host.IpJsonAsync("route", "show", "10.80.2.0/24")).Any(r => (string?)r!["gateway"] == "192.168.80.2")
            && (await host.IpJsonAsync("-d", "link", "show", "vx0")).Any(l => (int?)l!["linkinfo"]?["info_data"]?["id"] == 42)
            && (await host.IpJsonAsync("addr", "show", "br1")).Any(l => l!["addr_info"]!.AsArray().Any(a => (string?)a!["local"] == "192.168.90.1")),
            TimeSpan.FromSeconds(20));
        Assert.Equal("bridge", (string?)Assert.Single(await host.IpJsonAsync("-d", "link", "show", "br0"))!["linkinfo"]!["info_kind"]);

        // The Boot column reads netplan's files (detected by their presence, no --persist-with).
        var shown = NettuiCli.ParseSnapshot(await NettuiCli.RunAsync(host.StateDir, netplan.Environment, ["show", "all", "--json", "--netns", host.Name]));
        Assert.Equal("netplan", shown.Boot!.Backend);
        Assert.Equal((PersistenceKind.ConfigFile, "/etc/netplan/90-nettui.yaml"), (shown.FindLink("br0")!.Persistence!.Where, shown.FindLink("br0")!.Persistence!.Profile));
        Assert.Equal(PersistenceKind.ConfigFile, shown.FindLink("vport0")!.Persistence!.Where);
        Assert.Equal(PersistenceKind.ConfigFile, shown.Routes.Single(r => r.Destination == "10.80.2.0/24").Persistence!.Where);

        // Undo (newest first): persist make, br1, the VXLAN, the route, the port, then br0: the file is gone.
        await netplan.StopAsync();
        var undo = await NettuiCli.RunAsync(host.StateDir, netplan.Environment, ["undo", "--steps", "6", "--yes", "--netns", host.Name]);
        Assert.True(undo.Succeeded, undo.StandardOutput + undo.StandardError);
        Assert.Empty(System.IO.Directory.EnumerateFiles(netplan.Directory));
    }
}
