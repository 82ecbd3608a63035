using Docker.DotNet.Models;
using NetTui.Core.Model;
using NetTui.Host.Inventory.Docker;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace NetTui.UnitTests.Inventory;

public class DockerTests
{
    /// <summary>
    /// `docker inspect` prints the Engine API's inspect objects, which Docker.DotNet's models read.
    /// The client's own source-generated context is internal, so this test reads the fixture with the
    /// reflection resolver, asked for explicitly (the lab tests drive the client itself, in the native binary).
    /// </summary>
    private static readonly JsonSerializerOptions Reflection = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static IReadOnlyList<Container> Containers() =>
        [.. JsonSerializer.Deserialize<ContainerInspectResponse[]>(Fixtures.Read("docker/inspect.json"), Reflection)!.Select(ContainerMapper.Map)];

    [Fact]
    public void Maps_name_state_image_pid_and_network()
    {
        var cct1 = Containers().Single(c => c.Name == "cct1");
        Assert.Equal("running", cct1.State);
        Assert.Equal("local/busybox", cct1.Image);
        Assert.Equal(7861, cct1.Pid);
        Assert.StartsWith("45c2db1458ff", cct1.Id);
        Assert.Equal(new ContainerNetwork("bridge", "192.168.100.2", 24, "192.168.100.1", "02:42:c0:a8:64:02", null) { NetworkId = "67a2ec106f608ed5e011eee33ac218e2ff6ba63fa977e80b5b7d53bced92060f" }, Assert.Single(cct1.Networks));
        Assert.Empty(cct1.Links);
    }

    [Fact]
    public void Legacy_link_gives_target_and_alias()
    {
        var cct2 = Containers().Single(c => c.Name == "cct2");
        Assert.Equal(new ContainerLinkAlias("cct1", "webtest"), Assert.Single(cct2.Links));
    }

    [Fact]
    public void Created_container_has_no_pid_and_no_address()
    {
        var cct3 = Containers().Single(c => c.Name == "cct3");
        Assert.Equal("created", cct3.State);
        Assert.Null(cct3.Pid);
        Assert.Equal(new ContainerNetwork("bridge", null, null, null, null, null), Assert.Single(cct3.Networks));
    }

    [Theory]
    [InlineData("/cct1:/cct2/webtest", "cct1", "webtest")]
    [InlineData("/db:/app/db", "db", "db")]
    public void Link_strings(string link, string target, string alias) =>
        Assert.Equal(new ContainerLinkAlias(target, alias), Assert.Single(ContainerMapper.ParseLinks([link])));

    [Fact]
    public void Container_eth0_iflink_is_the_host_peer_index() =>
        Assert.Equal(22, ContainerNetnsParser.HostPeerIndex(Fixtures.Read("docker/cct2-netns-link.json")));

    [Fact]
    public void Host_veth_and_bridge_come_from_the_matching_link()
    {
        var links = NetTui.Host.Inventory.IpRoute2.IpLinkParser.Parse(Fixtures.Read("iproute2/link.json")).Links;
        var cct2 = Containers().Single(c => c.Name == "cct2");
        var wired = ContainerWiring.Attach([cct2], new Dictionary<string, int> { [cct2.Id] = 22 }, links).Single();
        Assert.Equal("vethae5fa27", wired.HostVeth);
        Assert.Equal(22, wired.HostVethIndex);
        Assert.Equal("br0", wired.Bridge);
    }

    [Theory]
    [InlineData("unix:///x.sock", null, "unix:///x.sock")]
    [InlineData(null, "unix:///env.sock", "unix:///env.sock")]
    [InlineData(null, null, DockerEndpoint.Default)]
    [InlineData("", "", DockerEndpoint.Default)]
    public void Endpoint_resolution(string? option, string? env, string expected) =>
        Assert.Equal(expected, DockerEndpoint.Resolve(option, env));
}
