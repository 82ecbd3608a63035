using System.Text;
using NetTui.Core.Model;
using NetTui.Host.Inventory.IpRoute2;
using NetTui.Host.Inventory.Parsing;

namespace NetTui.UnitTests.Inventory;

public class IpRouteParserTests
{
    private static IReadOnlyList<Route> V4 => IpRouteParser.Parse(Fixtures.Read("iproute2/route4.json"), AddressFamily.Inet);
    private static IReadOnlyList<Route> V6 => IpRouteParser.Parse(Fixtures.Read("iproute2/route6.json"), AddressFamily.Inet6);

    [Fact]
    public void Ipv4_routes_in_main_and_numbered_tables()
    {
        var routes = V4;
        Assert.Equal(12, routes.Count);
        Assert.Contains(new Route(AddressFamily.Inet, "10.20.0.0/16", "192.168.100.254", "br0", "boot", "global", 50, "main", "unicast"), routes);
        Assert.Contains(new Route(AddressFamily.Inet, "default", "10.9.0.254", "vp3", "boot", "global", 10, "100", "unicast"), routes);
        Assert.Contains(new Route(AddressFamily.Inet, "10.30.0.0/16", "10.9.0.2", "vp3", "static", "global", null, "100", "unicast"), routes);
        Assert.Contains(new Route(AddressFamily.Inet, "10.9.0.0/24", null, "vp3", "kernel", "link", null, "main", "unicast", "10.9.0.1"), routes);
        Assert.Contains(new Route(AddressFamily.Inet, "127.0.0.1", null, "lo", "kernel", "host", null, "local", "local", "127.0.0.1"), routes);
        Assert.Equal(7, routes.Count(r => r.Table == "local"));
    }

    [Fact]
    public void Ipv6_routes_with_metrics_and_tables()
    {
        var routes = V6;
        Assert.Equal(28, routes.Count);
        Assert.Contains(new Route(AddressFamily.Inet6, "fd00:200::/64", "fd00:100::fe", "br0", "boot", "global", 300, "main", "unicast"), routes);
        Assert.Contains(new Route(AddressFamily.Inet6, "fd00:300::/64", null, "br0", "boot", "global", 1024, "100", "unicast"), routes);
        Assert.Contains(new Route(AddressFamily.Inet6, "ff00::/8", null, "br0", "kernel", "global", 256, "local", "multicast"), routes);
        Assert.All(routes, r => Assert.Equal(AddressFamily.Inet6, r.Family));
    }

    [Fact]
    public void Repeated_names_are_interned()
    {
        var pool = new StringPool();
        var routes = IpRouteParser.Parse(Encoding.UTF8.GetBytes(Fixtures.Read("iproute2/route6.json")), AddressFamily.Inet6, pool);
        var br0 = routes.Where(r => r.Device == "br0").Select(r => r.Device).ToList();
        Assert.True(br0.Count > 1);
        Assert.All(br0, d => Assert.Same(br0[0], d));
        Assert.Same(routes[0].Protocol, routes.Last(r => r.Protocol == "boot").Protocol);
    }

    [Fact]
    public void Multipath_and_cross_family_gateways_and_unknown_keys()
    {
        const string json = """
            [{"dst":"10.1.0.0/16","protocol":"static","metric":5,"flags":[],"metrics":[{"mtu":1400}],
              "nexthops":[{"gateway":"10.0.0.1","dev":"eth0","weight":1,"flags":[]},{"gateway":"10.0.0.2","dev":"eth1","weight":1,"flags":[]}]},
             {"dst":"10.2.0.0/16","via":{"family":"inet6","host":"fe80::1"},"dev":"eth0","encap":{"x":[1,{"y":2}]},"flags":["onlink"]},
             {"type":"unreachable","dst":"10.3.0.0/16","flags":[]}]
            """;
        var routes = IpRouteParser.Parse(json, AddressFamily.Inet);
        Assert.Equal(3, routes.Length);
        Assert.Equal(new Route(AddressFamily.Inet, "10.1.0.0/16", "10.0.0.1", "eth0", "static", "global", 5, "main", "unicast"), routes[0] with { Details = null });
        Assert.Equal(new[] { new RouteHop("10.0.0.1", "eth0", 1), new RouteHop("10.0.0.2", "eth1", 1) }, routes[0].Details!.Hops);
        Assert.Equal(1400, routes[0].Details!.Mtu);
        Assert.True(routes[1].OnLink);
        Assert.Equal("fe80::1", routes[1].Gateway);
        Assert.Equal("eth0", routes[1].Device);
        Assert.Equal(new Route(AddressFamily.Inet, "10.3.0.0/16", null, null, "boot", "global", null, "main", "unreachable"), routes[2]);
    }

    [Fact]
    public void Empty_output_is_no_routes() => Assert.Empty(IpRouteParser.Parse("", AddressFamily.Inet));
}

/// <summary>The streaming path must agree with the whole-buffer path however the bytes arrive.</summary>
public class IpRouteStreamingTests
{
    /// <summary>Hands out at most <paramref name="chunk"/> bytes per read, like a slow pipe.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
            base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], ct);
    }

    [Theory]
    [InlineData("iproute2/route4.json", AddressFamily.Inet, 1)]
    [InlineData("iproute2/route4.json", AddressFamily.Inet, 7)]
    [InlineData("iproute2/route6.json", AddressFamily.Inet6, 13)]
    [InlineData("iproute2/route6.json", AddressFamily.Inet6, 100_000)]
    public async Task Chunked_stream_gives_the_same_routes(string fixture, AddressFamily family, int chunk)
    {
        var bytes = Encoding.UTF8.GetBytes(Fixtures.Read(fixture));
        var expected = IpRouteParser.Parse(bytes, family);
        var streamed = await IpRouteParser.ParseAsync(new TrickleStream(bytes, chunk), family, ct: TestContext.Current.CancellationToken);
        Assert.Equal(expected, streamed);
    }

    [Fact]
    public async Task A_record_larger_than_the_buffer_and_many_records()
    {
        var big = new string('x', 200_000);
        var json = "[" + string.Join(",", Enumerable.Range(0, 5000).Select(i =>
            $$"""{"dst":"10.{{i / 256}}.{{i % 256}}.0/24","dev":"eth0","metric":{{i}},"flags":[]}""")) +
            $$""",{"dst":"big","encap":{"blob":"{{big}}"},"dev":"eth1","flags":[]}]""";
        var bytes = Encoding.UTF8.GetBytes(json);
        var routes = await IpRouteParser.ParseAsync(new TrickleStream(bytes, 4096), AddressFamily.Inet, ct: TestContext.Current.CancellationToken);
        Assert.Equal(5001, routes.Length);
        Assert.Equal(4999, routes[4999].Metric);
        Assert.Equal("eth1", routes[5000].Device);
        Assert.Same(routes[0].Device, routes[4000].Device);
    }

    [Fact]
    public async Task Truncated_output_is_an_error_not_a_short_list() =>
        await Assert.ThrowsAnyAsync<System.Text.Json.JsonException>(() => IpRouteParser.ParseAsync(
            new MemoryStream(Encoding.UTF8.GetBytes("[{\"dst\":\"10.0.0.0/8\",\"dev\":\"eth0\"},{\"dst\":")), AddressFamily.Inet,
            ct: TestContext.Current.CancellationToken));

    [Fact]
    public async Task Empty_stream_is_no_routes() =>
        Assert.Empty(await IpRouteParser.ParseAsync(new MemoryStream(), AddressFamily.Inet, ct: TestContext.Current.CancellationToken));
}
