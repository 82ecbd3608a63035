using System.Text.Json;
using NetTui.Lab;

namespace NetTui.LabTests.Persistence;

/// <summary>
/// Issue 15: Docker owns docker0, the br-ID bridges of its networks and its containers' veths,
/// and rebuilds them when it starts. With NetworkManager on the bus too, NetTui never offers to
/// hand them to NetworkManager: `persist make` refuses with the reason, the Boot column says
/// Docker, and Drift does not list them as runtime-only bridges.
/// </summary>
public sealed class DockerOwnedPersistLabTests
{
    [Fact]
    public async Task Dockers_bridges_are_never_made_NetworkManager_profiles()
    {
        await using var lab = await PersistLab.CreateAsync();
        var docker = await LabDocker.StartAsync(lab.Host);
        await docker.CheckedAsync("network", "create", "--subnet", "172.30.0.0/24", "appnet");
        var id = (await docker.CheckedAsync("network", "inspect", "-f", "{{.Id}}", "appnet")).StandardOutput.Trim();
        var userBridge = "br-" + id[..12];
        await LabWait.UntilAsync($"{userBridge} to exist", async () => (await lab.Host.RunAsync("ip", "link", "show", userBridge)).Succeeded, TimeSpan.FromSeconds(20));

        var env = new Dictionary<string, string>(lab.Nm.ClientEnvironment) { ["DOCKER_HOST"] = docker.DockerHost };
        string[] common = ["--netns", lab.Host.Name, "--ovs-db", "unix:" + Path.Combine(lab.Host.StateDir, "no-ovs.sock")];
        foreach (var bridge in new[] { "docker0", userBridge })
        {
            var make = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["persist", "make", bridge, .. common]);
            Assert.True(make.ExitCode != 0, $"persist make {bridge} was not refused: {make.StandardOutput}");
            Assert.Contains("managed by Docker", make.StandardError + make.StandardOutput, StringComparison.Ordinal);
            Assert.False(await lab.ProfileExistsAsync("nettui-" + bridge), $"a profile was made for {bridge}");
        }

        var show = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["persist", "show", "--json", .. common]);
        Assert.True(show.ExitCode == 0, show.StandardError);
        using var doc = JsonDocument.Parse(show.StandardOutput);
        var links = doc.RootElement.GetProperty("objects").EnumerateArray().Where(o => o.GetProperty("kind").GetString() == "link").ToList();
        foreach (var bridge in new[] { "docker0", userBridge })
            Assert.Equal("docker", links.Single(o => o.GetProperty("name").GetString() == bridge).GetProperty("persistence").GetProperty("where").GetString());
        Assert.DoesNotContain(doc.RootElement.GetProperty("drift").EnumerateArray(),
            d => d.GetProperty("object").GetString() is "docker0" || d.GetProperty("object").GetString() == userBridge);
        // And NetworkManager was there to take them: the refusal is NetTui's, not a missing daemon's.
        Assert.True(doc.RootElement.GetProperty("networkManager").GetProperty("available").GetBoolean());
    }
}
