using System.Text;
using NetTui.Host.Inventory.IpRoute2;
using NetTui.Host.Inventory.Parsing;

namespace NetTui.UnitTests.Security;

/// <summary>
/// `ip link set X alias $'\e]0;owned\a\e[2J\x9b\x01tab\tnl'` makes iproute2 print raw control
/// characters inside JSON strings (fixtures captured from iproute2 on this machine):
/// the links must still be read.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class HostileAliasParseTests
{
    [Fact]
    public void Links_with_a_hostile_alias_are_read()
    {
        var text = Fixtures.Read("iproute2/link-hostile-alias.json");
        Assert.Contains('\u001b', text); // the captured output really carries raw ESC
        var links = IpLinkParser.Parse(text).Links;
        Assert.Contains(links, l => l.Name == "br0");
        Assert.Contains(links, l => l.Name == "lo");
    }

    [Fact]
    public void The_single_link_reread_with_a_hostile_alias_is_read()
    {
        var addrs = IpAddrParser.Parse(Fixtures.Read("iproute2/addr-dev-hostile-alias.json"));
        Assert.Contains(addrs.Values.SelectMany(a => a), a => a.Cidr == "10.66.0.1/24");
    }

    [Fact]
    public void Repair_escapes_only_inside_strings_and_keeps_escaped_quotes()
    {
        var raw = "[{\"a\":\"x\u001b\\\"\u0001\"}]\n";
        Assert.Equal("[{\"a\":\"x\\u001b\\\"\\u0001\"}]\n", JsonControlRepair.Repair(raw));
        Assert.Same("[]", JsonControlRepair.Repair("[]"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public async Task The_route_stream_is_repaired_across_any_chunking(int chunk)
    {
        var raw = "[{\"dst\":\"10.0.0.0/8\",\"dev\":\"b\u001br\\\"\",\"protocol\":\"x\u0001\"},{\"dst\":\"default\",\"dev\":\"eth0\"}]\n";
        using var stream = new JsonControlRepairStream(new ChunkedStream(Encoding.UTF8.GetBytes(raw), chunk));
        var routes = await IpRouteParser.ParseAsync(stream, NetTui.Core.Model.AddressFamily.Inet, new StringPool(), TestContext.Current.CancellationToken);
        Assert.Equal(2, routes.Length);
        Assert.Equal("b\u001br\"", routes[0].Device);
    }

    /// <summary>A stream that hands out at most CHUNK bytes per read, like a pipe.</summary>
    private sealed class ChunkedStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
