using System.Text.Json;
using NetTui.Lab;

namespace NetTui.LabTests.Persistence;

/// <summary>The `nettui` program itself against NetworkManager on the lab's private bus.</summary>
public sealed class PersistCliTests
{
    [Fact]
    public async Task Change_verbs_persist_through_NetworkManager_and_persist_show_reports_objects_and_drift()
    {
        await using var lab = await PersistLab.CreateAsync();
        var env = new Dictionary<string, string>(lab.Nm.ClientEnvironment) { ["DOCKER_HOST"] = "unix://" + Path.Combine(lab.Host.StateDir, "no-docker.sock") };
        string[] common = ["--netns", lab.Host.Name, "--ovs-db", "unix:" + Path.Combine(lab.Host.StateDir, "no-ovs.sock")];

        // The preview says it before Apply: persistent (NetworkManager) or runtime only.
        var dry = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["bridge", "add", "br0", "--address", "192.168.50.1/24", "--dry-run", .. common]);
        Assert.True(dry.ExitCode == 0, dry.StandardError);
        Assert.Contains("# persistent: NetworkManager profile nettui-br0", dry.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("NetworkManager: save profile nettui-br0", dry.StandardOutput, StringComparison.Ordinal);
        Assert.False(await lab.ProfileExistsAsync("nettui-br0"), "a dry run saves nothing");

        var add = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["bridge", "add", "br0", "--address", "192.168.50.1/24", .. common]);
        Assert.True(add.ExitCode == 0, add.StandardOutput + add.StandardError);
        Assert.True(await lab.ProfileExistsAsync("nettui-br0"));

        var runtime = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["bridge", "add", "br9", "--runtime-only", .. common]);
        Assert.True(runtime.ExitCode == 0, runtime.StandardError);
        Assert.Contains("runtime only: LOST AT REBOOT (--runtime-only was asked)", runtime.StandardOutput, StringComparison.Ordinal);
        Assert.False(await lab.ProfileExistsAsync("nettui-br9"));

        var show = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["persist", "show", "--json", .. common]);
        Assert.True(show.ExitCode == 0, show.StandardError);
        using var doc = JsonDocument.Parse(show.StandardOutput);
        var objects = doc.RootElement.GetProperty("objects").EnumerateArray().ToList();
        string Where(string kind, string name) => objects.Single(o => o.GetProperty("kind").GetString() == kind && o.GetProperty("name").GetString() == name)
            .GetProperty("persistence").GetProperty("where").GetString()!;
        Assert.Equal("networkManager", Where("link", "br0"));
        Assert.Equal("networkManager", Where("address", "br0 192.168.50.1/24"));
        Assert.Equal("runtimeOnly", Where("link", "br9"));
        Assert.Contains(doc.RootElement.GetProperty("drift").EnumerateArray(), d => d.GetProperty("kind").GetString() == "runtimeBridge" && d.GetProperty("object").GetString() == "br9");
        Assert.True(doc.RootElement.GetProperty("networkManager").GetProperty("available").GetBoolean());

        // `nettui show --json` carries the same fields.
        var snapshot = NettuiCli.ParseSnapshot(await NettuiCli.RunAsync(lab.Host.StateDir, env, ["show", "all", "--json", .. common]));
        Assert.Equal("nettui-br0", snapshot.FindLink("br0")!.Persistence!.Profile);

        // A GRE tunnel: NetworkManager saves the profile but cannot activate it here (no ip_gre):
        // exit 1, one line naming the profile and NetworkManager's reason, and the profile is gone again.
        var gre = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["tunnel", "add", "gre5", "--mode", "gre", "--remote", "10.9.9.2", "--key", "5", .. common]);
        Assert.True(gre.ExitCode == 1, gre.StandardOutput + gre.StandardError);
        Assert.Contains("activate profile nettui-gre5", gre.StandardError, StringComparison.Ordinal);
        Assert.Contains("undone: undo: save tunnel profile nettui-gre5", gre.StandardError, StringComparison.Ordinal);
        Assert.False(await lab.ProfileExistsAsync("nettui-gre5"));

        // Make the runtime bridge persistent from the command line; then nothing drifts for it.
        var make = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["persist", "make", "br9", .. common]);
        Assert.True(make.ExitCode == 0, make.StandardOutput + make.StandardError);
        var text = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["persist", "show", .. common]);
        Assert.Contains("NetworkManager (nettui-br9)", text.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("bridge br9 exists now but nothing recreates it", text.StandardOutput, StringComparison.Ordinal);
    }
}
