using NetTui.Core.Operations;

namespace NetTui.LabTests.Operations;

/// <summary>
/// Docker's default bridge against a lab dockerd: after NetTui's daemon.json change and a
/// restart, a new container gets an address on br0; after the inverse and a restart, a new
/// container is back on docker0.
/// </summary>
public sealed class DockerOperationLabTests
{
    [Fact]
    public async Task Default_bridge_then_its_inverse()
    {
        await using var lab = await OpsLab.CreateAsync();
        var docker = await lab.StartDockerAsync();
        await lab.ApplyAsync(new CreateBridge("br0", "192.168.100.1/24"));

        var r = await lab.ApplyAsync(new SetDockerDefaultBridge("br0", docker.ConfigFile));
        await docker.RestartAsync();
        await docker.RunBusyboxAsync("c1");
        var c1 = await docker.InspectAsync("c1");
        Assert.StartsWith("192.168.100.", (string?)c1["NetworkSettings"]!["IPAddress"], StringComparison.Ordinal);
        var host = await lab.ReadAsync();
        Assert.Equal("br0", host.Containers.Single(c => c.Name == "c1").Bridge);

        await lab.UndoAsync(r);
        await docker.RestartAsync();
        await docker.RunBusyboxAsync("c2");
        var c2 = await docker.InspectAsync("c2");
        Assert.StartsWith("172.17.", (string?)c2["NetworkSettings"]!["IPAddress"], StringComparison.Ordinal);
    }
}
