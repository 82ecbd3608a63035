using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Presentation;
using NetTui.UiTests.Fixtures;

namespace NetTui.UiTests.Presentation;

/// <summary>Docker networks, endpoints and published ports in the Containers and Topology views (issue 17).</summary>
public class DockerNetworkPresenterTests
{
    private const string LabnetId = "5f980bafe5dd0123456789abcdef";

    private static SnapshotIndex Index()
    {
        var lab = LabSnapshots.Lab();
        var web = lab.Containers.Single(c => c.Name == "web");
        var endpoint = web.Networks[0] with { NetworkId = LabnetId, Aliases = ["www"], Links = [new ContainerLinkAlias("cache", "redis")] };
        web = web with { Networks = [endpoint], Ports = [new PublishedPort(80, "tcp", "0.0.0.0", 8080), new PublishedPort(53, "udp", "::", 5353)] };
        ImmutableArray<DockerNetwork> networks =
        [
            new DockerNetwork("890e72a94bf6aa", "bridge", "bridge", "docker0", null) { Subnets = [new DockerSubnet("172.17.0.0/16", "172.17.0.1")], Mtu = 1500 },
            new DockerNetwork(LabnetId, "labnet", "bridge", "br0", null) { Subnets = [new DockerSubnet("192.168.50.0/24", "192.168.50.1")], Icc = false, IpMasquerade = false, Mtu = 1400 },
            new DockerNetwork("4ce372e7b467aa", "backnet", "bridge", "br-4ce372e7b467", null) { Subnets = [new DockerSubnet("172.31.0.0/24", null)], Internal = true },
        ];
        return new SnapshotIndex(lab with { Containers = [web, .. lab.Containers.Where(c => c.Name != "web")], DockerNetworks = networks });
    }

    [Fact]
    public void Container_rows_and_detail_show_endpoints_networks_and_published_ports()
    {
        var ix = Index();
        var rows = ContainersPresenter.Rows(ix);
        var web = Enumerable.Range(0, rows.Count).Single(r => rows.Cell(r, 0) == "web");
        Assert.Equal("db:database cache:redis", rows.Cell(web, 5));
        Assert.Equal("0.0.0.0:8080->80/tcp [::]:5353->53/udp", rows.Cell(web, 6));

        var d = ContainersPresenter.Detail(ix, ix.Container("web")!);
        Assert.Contains(new KeyValuePair<string, string>("network labnet", "192.168.50.10/24 02:42:c0:a8:32:0a alias www link cache:redis gw 192.168.50.1"), d.Attributes);
        Assert.Contains(new KeyValuePair<string, string>("  labnet is", "bridge br0 · 192.168.50.0/24 gw 192.168.50.1 · no ICC, no masquerade, mtu 1400"), d.Attributes);
        Assert.Contains(new KeyValuePair<string, string>("published", "0.0.0.0:8080->80/tcp"), d.Attributes);
        Assert.Contains("nettui trace web ADDRESS", d.ReadCommands);
    }

    [Fact]
    public void Topology_lists_docker_networks_with_their_endpoints_and_marks_their_bridges()
    {
        var rows = TopologyPresenter.Flatten(TopologyBuilder.Build(Index()));
        var lines = rows.Select(r => r.Prefix + r.Node.Label).ToList();
        var at = lines.IndexOf("Docker networks");
        Assert.Equal(["Docker networks", "├─ docker network bridge", "│  └─ container db", "├─ docker network labnet", "│  └─ container web", "└─ docker network backnet"],
            lines.Skip(at).Take(6));
        Assert.Equal("bridge br-4ce372e7b467 · 172.31.0.0/24 · internal", rows.Single(r => r.Node.Label == "docker network backnet").Node.Info);
        Assert.Equal("172.17.0.2/16 02:42:ac:11:00:02", rows.Single(r => r.Node.Key == "docker:bridge/ct:db").Node.Info);
        Assert.EndsWith("docker network labnet", rows.Single(r => r.Node.Label == "bridge br0").Node.Info, StringComparison.Ordinal);
    }
}
