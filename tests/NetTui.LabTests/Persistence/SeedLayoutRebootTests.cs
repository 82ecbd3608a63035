using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Persisting;
using NetTui.Core.Plans;
using NetTui.Lab;

namespace NetTui.LabTests.Persistence;

/// <summary>
/// Issue 15: the seed's whole layout, applied with the nettui program, survives a reboot where NetworkManager has no OVS support.
/// br0 with its address and the route to the peer's subnet are NetworkManager's, obr0 and gre0
/// OVSDB's, and "attach obr0 to br0" and "obr0 up" (which nothing else holds) systemd units'.
/// The reboot is simulated honestly: the daemons stop, the namespace (all kernel state) goes,
/// OVS and NetworkManager start again with their saved state, and the enabled units' commands
/// run as systemd runs them at boot. The systemd directories are a test root, never the machine's.
/// </summary>
public sealed class SeedLayoutRebootTests
{
    [Fact]
    public async Task The_seed_layout_made_through_the_one_change_path_is_back_after_a_simulated_reboot()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await PersistLab.CreateAsync();
        await using var ovs = await LabOvs.StartAsync(lab.Host);
        var root = Path.Combine(lab.Host.StateDir, "sysroot");
        Directory.CreateDirectory(Path.Combine(root, "run/systemd/system")); // "systemd manages this host"
        Directory.CreateDirectory(Path.Combine(root, "etc/systemd/system"));
        await UnderlayAsync(lab, ovs);

        // Through the program admins run (the native binary under CI), as `nettui apply` of a plan
        // file; NETTUI_CONFIG_ROOT puts systemd's directories in the test root.
        var env = new Dictionary<string, string>(lab.Nm.ClientEnvironment)
        {
            ["NETTUI_CONFIG_ROOT"] = root,
            ["DOCKER_HOST"] = "unix://" + Path.Combine(lab.Host.StateDir, "no-docker.sock"),
        };
        string[] target = ["--netns", lab.Host.Name, "--ovs-db", ovs.DbTarget];
        Operation[] seed =
        [
            new CreateBridge("br0", "192.168.1.1/24"),
            new CreateOvsBridge("obr0", "netdev"),
            new AddOvsGrePort("obr0", "gre0", "10.10.0.2"),
            new AttachToBridge("br0", "obr0"),
            new SetLinkState("obr0", true),
            new AddRoute("192.168.2.0/24", Dev: "br0"),
        ];
        var plan = Path.Combine(lab.Host.StateDir, "seed.plan.json");
        await File.WriteAllTextAsync(plan, PlanFileJson.Write(PlanFile.Create(new PlanMetadata("SeedLayoutRebootTests"), seed)), ct);
        var apply = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["apply", plan, "--probe", "none", .. target]);
        Assert.True(apply.ExitCode == 0, $"apply exited {apply.ExitCode}: {apply.StandardError}{apply.StandardOutput}");
        Assert.Contains("persistent: NetworkManager profile nettui-br0", apply.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("persistent: systemd unit nettui-port-obr0-br0.service runs it at boot", apply.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("persistent: systemd unit nettui-up-obr0.service runs it at boot", apply.StandardOutput, StringComparison.Ordinal);
        Assert.True(await lab.ProfileExistsAsync("nettui-br0"));

        // The units are enabled (wanted by multi-user.target) and systemd's own checker finds nothing wrong.
        var unitDir = Path.Combine(root, "etc/systemd/system");
        string[] units = ["nettui-port-obr0-br0.service", "nettui-up-obr0.service"];
        foreach (var unit in units)
        {
            Assert.True(File.Exists(Path.Combine(unitDir, "multi-user.target.wants", unit)), $"{unit} is not enabled");
            var verify = await LabExec.RunAsync(["systemd-analyze", "verify", Path.Combine(unitDir, unit)], null, TimeSpan.FromSeconds(30), ct);
            Assert.True(verify.ExitCode == 0 && verify.StandardError.Trim().Length == 0, $"systemd-analyze verify {unit}: {verify.StandardError}");
        }
        // The Boot column tells it (show --json of the same program).
        var before = NettuiCli.ParseSnapshot(await NettuiCli.RunAsync(lab.Host.StateDir, env, ["show", "all", "--json", .. target]));
        Assert.Equal("nettui-port-obr0-br0.service", before.FindLink("obr0")!.Persistence!.Unit);
        Assert.Equal(PersistenceKind.NetworkManager, before.FindLink("br0")!.Persistence!.Where);
        Assert.DoesNotContain(DriftFinder.Find(before), d => d.Kind == DriftKind.UnitObjectMissing);

        await lab.Nm.StopAsync();
        await ovs.StopVswitchdAsync();
        await ovs.StopServerAsync();
        await lab.Host.RemoveNamespaceAsync();
        await lab.Host.RecreateNamespaceAsync();
        Assert.Empty(await lab.Host.IpJsonAsync("link", "show", "type", "bridge"));
        await ovs.StartServerAsync();
        await ovs.StartVswitchdAsync();
        await lab.Nm.StartAsync();
        await lab.WaitForAddressAsync("br0", "192.168.1.1/24");
        await LabWait.UntilAsync("ovs-vswitchd to make obr0 again", async () => (await lab.Host.RunAsync("ip", "link", "show", "obr0")).Succeeded, TimeSpan.FromSeconds(20));
        foreach (var unit in BootOrder(unitDir, units))
            foreach (var command in BootUnitFile.Parse(unit, await File.ReadAllTextAsync(Path.Combine(unitDir, unit), ct))!.Commands)
                await lab.Host.CheckedAsync([.. BootUnitFile.Words(command)]);

        var obr0 = Assert.Single(await lab.Host.IpJsonAsync("link", "show", "obr0"))!;
        Assert.Equal("br0", (string?)obr0["master"]);
        Assert.Contains("UP", obr0["flags"]!.AsArray().Select(f => (string?)f));
        Assert.Equal("br0", (string?)Assert.Single(await lab.Host.IpJsonAsync("route", "show", "192.168.2.0/24"))!["dev"]);
        Assert.Contains("gre0", (await ovs.VsctlCheckedAsync("list-ports", "obr0")).StandardOutput.Split('\n'));
        Assert.Equal("\"10.10.0.2\"", (await ovs.VsctlCheckedAsync("get", "interface", "gre0", "options:remote_ip")).StandardOutput.Trim());
        var bridge = await lab.Host.BridgeJsonAsync("link", "show");
        Assert.Contains(bridge, p => (string?)p!["ifname"] == "obr0" && (string?)p["master"] == "br0");

        // `nettui undo` takes the layout back, the units with it.
        var undo = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["undo", "--yes", "--force", .. target]);
        Assert.True(undo.ExitCode == 0, $"undo exited {undo.ExitCode}: {undo.StandardError}{undo.StandardOutput}");
        foreach (var unit in units)
        {
            Assert.False(File.Exists(Path.Combine(unitDir, unit)), $"{unit} is still there after undo");
            Assert.False(File.Exists(Path.Combine(unitDir, "multi-user.target.wants", unit)), $"{unit} is still enabled after undo");
        }
        Assert.False(await lab.ProfileExistsAsync("nettui-br0"));
        Assert.False((await lab.Host.RunAsync("ip", "link", "show", "br0")).Succeeded, "br0 is still there after undo");
    }

    /// <summary>An OVS bridge with the underlay address, as the wizard's own lab test has it (the GRE port's remote is reached through it).</summary>
    private static async Task UnderlayAsync(PersistLab lab, LabOvs ovs)
    {
        await ovs.AddBridgeAsync("br-phy");
        await lab.Host.CheckedAsync("ip", "addr", "add", "10.10.0.1/24", "dev", "br-phy");
        await lab.Host.CheckedAsync("ip", "link", "set", "br-phy", "up");
    }

    /// <summary>The units in the order systemd starts them: each after the NetTui units its After= names.</summary>
    private static IEnumerable<string> BootOrder(string dir, IReadOnlyList<string> units)
    {
        var after = units.ToDictionary(u => u, u => File.ReadAllLines(Path.Combine(dir, u))
            .Single(l => l.StartsWith("After=", StringComparison.Ordinal))["After=".Length..].Split(' ').Where(units.Contains).ToList());
        var done = new List<string>();
        while (done.Count < units.Count)
            done.Add(units.First(u => !done.Contains(u) && after[u].All(done.Contains)));
        return done;
    }
}
