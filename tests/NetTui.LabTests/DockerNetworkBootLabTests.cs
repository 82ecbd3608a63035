using NetTui.Core.Model;
using NetTui.Lab;

namespace NetTui.LabTests;

/// <summary>
/// Issue 22, live: the bridges of Docker's user networks (one named with
/// com.docker.network.bridge.name, one with dockerd's br-&lt;id&gt;) are Docker's at boot, read
/// through the Engine API's network list, and `persist make` refuses them with the reason.
/// </summary>
public sealed class DockerNetworkBootLabTests
{
    [Fact]
    public async Task Dockers_user_network_bridges_are_docker_and_persist_make_refuses()
    {
        await using var host = await LabHost.CreateAsync();
        var docker = await LabDocker.StartAsync(host);
        await docker.CheckedAsync("network", "create", "-o", "com.docker.network.bridge.name=br-app", "--subnet", "10.61.0.0/24", "appnet");
        var id = (await docker.CheckedAsync("network", "create", "--subnet", "10.62.0.0/24", "webnet")).StandardOutput.Trim();
        var webBridge = "br-" + id[..12];

        var show = await NettuiCli.RunAsync(host.StateDir, docker.ClientEnvironment, "show", "all", "--json", "--netns", host.Name);
        var snap = NettuiCli.ParseSnapshot(show);
        Assert.Contains(snap.DockerNetworks, n => n.Name == "appnet" && n.Device == "br-app");
        Assert.Contains(snap.DockerNetworks, n => n.Name == "webnet" && n.Device == webBridge);
        foreach (var bridge in new[] { "br-app", webBridge })
        {
            var link = snap.FindLink(bridge);
            Assert.NotNull(link);
            Assert.Equal(PersistenceKind.Docker, link.Persistence?.Where);
        }
        Assert.Contains("network appnet", snap.FindLink("br-app")!.Persistence!.Note, StringComparison.Ordinal);

        var drift = await NettuiCli.RunAsync(host.StateDir, docker.ClientEnvironment, "show", "drift", "--netns", host.Name);
        Assert.DoesNotContain("br-app", drift.StandardOutput, StringComparison.Ordinal);
        var make = await NettuiCli.RunAsync(host.StateDir, docker.ClientEnvironment, "persist", "make", "br-app", "--dry-run", "--netns", host.Name);
        Assert.False(make.Succeeded);
        Assert.Contains("managed by Docker", make.StandardOutput + make.StandardError, StringComparison.Ordinal);
    }
}
