using System.Text.Json.Nodes;
using NetTui.Lab;

namespace NetTui.LabTests;

/// <summary>
/// The seed's layout: dockerd told by daemon.json to use an existing Linux bridge, so
/// containers land on br0's subnet; and a restart with another daemon.json (as later
/// features that edit Docker's configuration will do) takes effect for new containers.
/// </summary>
public sealed class DockerRestartTests
{
    [Fact]
    public async Task Daemon_json_bridge_puts_containers_on_br0_and_a_restart_applies_a_new_config()
    {
        await using var host = await LabHost.CreateAsync();
        await host.CheckedAsync("ip", "link", "add", "br0", "type", "bridge", "stp_state", "0");
        await host.CheckedAsync("ip", "addr", "add", "192.168.100.1/24", "dev", "br0");
        await host.CheckedAsync("ip", "link", "set", "br0", "up");

        var docker = await LabDocker.StartAsync(host, new JsonObject { ["bridge"] = "br0" });
        await docker.RunBusyboxAsync("onbr0");
        var ip = (string?)(await docker.InspectAsync("onbr0"))["NetworkSettings"]!["Networks"]!["bridge"]!["IPAddress"];
        Assert.StartsWith("192.168.100.", ip);
        Assert.Single(await host.IpJsonAsync("link", "show", "master", "br0"));
        Assert.DoesNotContain("docker0", (await host.IpJsonAsync("link", "show")).Select(l => (string?)l!["ifname"]));

        // Restart with the default bridge: a new container gets docker0's 172.17.0.0/16.
        await docker.RestartAsync(new JsonObject());
        Assert.True(docker.Running);
        await docker.RunBusyboxAsync("ondocker0");
        var ip2 = (string?)(await docker.InspectAsync("ondocker0"))["NetworkSettings"]!["Networks"]!["bridge"]!["IPAddress"];
        Assert.StartsWith("172.17.", ip2);
        Assert.Single(await host.IpJsonAsync("link", "show", "master", "docker0"));
        // The first container survived the restart, stopped; the image too (same data root).
        Assert.Equal("exited", (string?)(await docker.InspectAsync("onbr0"))["State"]!["Status"]);
        var images = await docker.CheckedAsync("images", "--format", "{{.Repository}}");
        Assert.Contains(BusyboxImage.Name, images.StandardOutput);
    }
}
