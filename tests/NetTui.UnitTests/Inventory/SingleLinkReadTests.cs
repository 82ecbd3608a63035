using NetTui.Core.Model;
using NetTui.Host.Inventory;
using NetTui.Host.Inventory.IpRoute2;

namespace NetTui.UnitTests.Inventory;

/// <summary>
/// A read of single links (a live update) runs `ip -j -d addr show dev NAME` for each name,
/// and `bridge link` only for bridge ports: never the whole link list, routes, OVS or Docker.
/// </summary>
public class SingleLinkReadTests
{
    private static readonly InventoryOptions Options = new(null, "unix:///nonexistent/nettui-test/docker.sock", "unix:path=/nonexistent/bus");

    // `ip -j -d addr show dev x` for one end of a veth pair in br0 (iproute2 6.1).
    private const string X = """
        [{"ifindex":12,"link":"y","ifname":"x","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"qdisc":"noqueue","master":"br0","operstate":"UP","group":"default","txqlen":1000,"link_type":"ether","address":"5e:1c:6f:21:33:0a","broadcast":"ff:ff:ff:ff:ff:ff","promiscuity":1,"allmulti":1,"min_mtu":68,"max_mtu":65535,"linkinfo":{"info_kind":"veth","info_slave_kind":"bridge","info_slave_data":{"state":"forwarding","priority":32,"cost":2}},"num_tx_queues":2,"num_rx_queues":2,"addr_info":[{"family":"inet6","local":"fe80::5c1c:6fff:fe21:330a","prefixlen":64,"scope":"link","valid_life_time":4294967295,"preferred_life_time":4294967295}]}]
        """;
    private const string Y = """
        [{"ifindex":13,"link":"x","ifname":"y","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"qdisc":"noqueue","operstate":"UP","group":"default","txqlen":1000,"link_type":"ether","address":"2a:7e:03:88:91:5c","broadcast":"ff:ff:ff:ff:ff:ff","linkinfo":{"info_kind":"veth"},"addr_info":[{"family":"inet","local":"10.9.9.1","prefixlen":24,"scope":"global","label":"y","valid_life_time":4294967295,"preferred_life_time":4294967295}]}]
        """;
    private const string BridgeX = """[{"ifindex":12,"ifname":"x","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"master":"br0","state":"forwarding","priority":32,"cost":2}]""";

    private static FakeCommandRunner Runner() => new FakeCommandRunner()
        .Answer(IpRoute2Reader.AddrShowDev("x"), X)
        .Answer(IpRoute2Reader.AddrShowDev("y"), Y)
        .Fail(IpRoute2Reader.AddrShowDev("gone"), 1, "Device \"gone\" does not exist.")
        .Answer(IpRoute2Reader.BridgeLinkShowDev("x"), BridgeX)
        .Answer(IpRoute2Reader.NetnsListId, "[]");

    [Fact]
    public async Task Only_the_named_links_are_read()
    {
        var runner = Runner();
        var patch = await new HostInventory(runner, Options).ReadLinksAsync(["x", "y", "gone"], new Dictionary<string, int> { ["br0"] = 4, ["eth0"] = 2 }, TestContext.Current.CancellationToken);

        Assert.NotNull(patch);
        Assert.Equal(
            ["bridge -j link show dev x", "ip -j -d addr show dev gone", "ip -j -d addr show dev x", "ip -j -d addr show dev y", "ip -j netns list-id"],
            runner.Ran.Select(s => s.Display).Order(StringComparer.Ordinal));
        Assert.Equal(["gone"], patch.Missing);

        var x = patch.Found.Single(l => l.Name == "x");
        Assert.Equal((LinkKind.Veth, "br0", 4), (x.Kind, x.Master, x.MasterIndex)); // master resolved from the known links
        Assert.Equal(13, x.Peer!.Index); // same-namespace peer resolved from the other link read
        Assert.Equal("fe80::5c1c:6fff:fe21:330a/64", Assert.Single(x.Addresses).Cidr);
        Assert.Equal("10.9.9.1/24", Assert.Single(patch.Found.Single(l => l.Name == "y").Addresses).Cidr);
        Assert.Equal(("forwarding", 2), (Assert.Single(patch.Ports).State, patch.Ports[0].Cost));
    }

    [Fact]
    public async Task An_ip_that_fails_otherwise_gives_no_patch_so_all_links_are_read()
    {
        var runner = new FakeCommandRunner().Fail(IpRoute2Reader.AddrShowDev("x"), 255, "RTNETLINK answers: Operation not permitted");
        var patch = await new HostInventory(runner, Options).ReadLinksAsync(["x"], new Dictionary<string, int>(), TestContext.Current.CancellationToken);
        Assert.Null(patch);
    }

    [Fact]
    public void Joined_ip_arrays_parse_as_one()
    {
        Assert.Equal("[]", IpRoute2Reader.JoinArrays(["[]\n", "[ ]"]));
        var data = IpLinkParser.Parse(IpRoute2Reader.JoinArrays([X, "[]", Y]));
        Assert.Equal(["x", "y"], data.Links.Select(l => l.Name));
    }
}
