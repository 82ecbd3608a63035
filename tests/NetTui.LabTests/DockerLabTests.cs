using System.Text.Json.Nodes;
using NetTui.Lab;

namespace NetTui.LabTests;

/// <summary>The lab's dockerd: real containers from local/busybox, legacy links, host-side veths.</summary>
[Collection(FoundationCollection.Name)]
public sealed class DockerLabTests(FoundationSnapshotFixture fixture)
{
    private FoundationScenario S => fixture.Scenario;

    [Fact]
    public async Task A_linked_container_has_the_alias_in_etc_hosts_and_reaches_it()
    {
        var hosts = await S.Docker.CheckedAsync("exec", FoundationScenario.Container2, "cat", "/etc/hosts");
        var line = hosts.StandardOutput.Split('\n').SingleOrDefault(l => l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Contains(FoundationScenario.LinkAlias));
        Assert.NotNull(line);

        var cct1 = await S.Docker.InspectAsync(FoundationScenario.Container1);
        var ip1 = (string?)cct1["NetworkSettings"]!["Networks"]!["bridge"]!["IPAddress"];
        Assert.False(string.IsNullOrEmpty(ip1));
        Assert.StartsWith(ip1 + "\t", line!.Trim() + "\t"); // /etc/hosts: "<ip of cct1>\twebtest cct1 ..."

        var ping = await S.Docker.DockerAsync("exec", FoundationScenario.Container2, "ping", "-c", "1", "-W", "5", FoundationScenario.LinkAlias);
        Assert.True(ping.Succeeded, ping.StandardOutput + ping.StandardError);
    }

    [Fact]
    public async Task Dockerd_lives_in_the_lab_namespace_with_its_socket_in_the_state_dir()
    {
        Assert.StartsWith(S.Host.StateDir, S.Docker.SocketPath);
        // docker0 and the containers' host-side veths are in the lab namespace...
        var links = await S.Host.IpJsonAsync("link", "show");
        var names = links.Select(l => (string?)l!["ifname"]).ToList();
        Assert.Contains("docker0", names);
        var cct1 = await S.Docker.InspectAsync(FoundationScenario.Container1);
        var pid = (int)cct1["State"]!["Pid"]!;
        var eth0 = Assert.Single(JsonArrayOf(await LabExec.CheckedAsync("nsenter", $"--net=/proc/{pid}/ns/net", "ip", "-j", "link", "show", "eth0")));
        var iflink = (int)eth0!["link_index"]!;
        var hostSide = links.Single(l => (int)l!["ifindex"]! == iflink);
        Assert.Equal("docker0", (string?)hostSide!["master"]);
        // ...and not in the root namespace.
        var root = JsonArrayOf(await LabExec.CheckedAsync("ip", "-j", "link", "show"));
        Assert.DoesNotContain("docker0", root.Select(l => (string?)l!["ifname"]));
    }

    private static JsonArray JsonArrayOf(ExecResult r) => (JsonNode.Parse(r.StandardOutput) as JsonArray)!;
}
