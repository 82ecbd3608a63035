using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Docker.DotNet.Models;
using NetTui.Core.Model;
using NetTui.Host.Inventory.Docker;

namespace NetTui.UnitTests.Inventory;

/// <summary>
/// Networks and endpoints from the Engine API's objects (`docker network inspect` / `docker
/// inspect` captured by Fixtures/capture-firewall.sh): subnets, gateways, internal/ICC/IP
/// masquerade/MTU, each endpoint's address, MAC, aliases and `--link` aliases, published ports.
/// </summary>
public class DockerNetworkInventoryTests
{
    private static readonly JsonSerializerOptions Reflection = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    internal static IReadOnlyList<Container> Containers() =>
        [.. JsonSerializer.Deserialize<ContainerInspectResponse[]>(Fixtures.Read("firewall/docker-containers.json"), Reflection)!.Select(ContainerMapper.Map)];

    internal static IReadOnlyList<DockerNetwork> Networks()
    {
        var containers = Containers();
        return [.. JsonSerializer.Deserialize<NetworkResponse[]>(Fixtures.Read("firewall/docker-networks.json"), Reflection)!
            .Select(DockerNetworkMapper.Map).Select(n => DockerNetworkMapper.WithEndpointGateways(n, containers))];
    }

    [Fact]
    public void Networks_carry_subnet_gateway_and_the_reachability_options()
    {
        var byName = Networks().ToDictionary(n => n.Name);
        var bridge = byName["bridge"];
        Assert.Equal(("docker0", true, true, 1500), (bridge.Device, bridge.Icc, bridge.IpMasquerade, bridge.Mtu));
        // IPAM has no gateway for the default network here: the endpoint's gateway fills it.
        Assert.Equal(new DockerSubnet("172.17.0.0/16", "172.17.0.1"), Assert.Single(bridge.Subnets));
        Assert.Equal(new DockerSubnet("172.30.0.0/24", "172.30.0.1"), Assert.Single(byName["appnet"].Subnets));
        Assert.True(byName["backnet"].Internal);
        Assert.False(byName["appnet"].Internal);
        var quiet = byName["quiet"];
        Assert.Equal((false, false, 1400), (quiet.Icc, quiet.IpMasquerade, quiet.Mtu));
        Assert.Equal("br-" + quiet.Id[..12], quiet.Device);
        Assert.Equal("172.29.0.0/24", Assert.Single(quiet.Ipv4Prefixes).ToString());
    }

    [Fact]
    public void Endpoints_keep_address_mac_aliases_and_link_aliases_per_network()
    {
        var app = Containers().Single(c => c.Name == "app");
        var appnet = app.Networks.Single(n => n.Name == "appnet");
        Assert.Equal(("172.30.0.2", 24, "02:42:ac:1e:00:02"), (appnet.IpAddress, appnet.PrefixLength, appnet.MacAddress));
        Assert.Equal(new ContainerLinkAlias("web", "webalias"), Assert.Single(appnet.Links));
        Assert.Equal(Networks().Single(n => n.Name == "appnet").Id, appnet.NetworkId);
        Assert.Contains("db", app.Networks.Single(n => n.Name == "backnet").Aliases);
        Assert.Empty(app.Ports);
    }

    [Fact]
    public void Published_ports_list_every_host_binding()
    {
        var web = Containers().Single(c => c.Name == "web");
        Assert.Equal(
            [new PublishedPort(53, "udp", "127.0.0.1", 5353), new PublishedPort(80, "tcp", "0.0.0.0", 8080), new PublishedPort(80, "tcp", "::", 8080)],
            web.Ports);
    }
}
