using NetTui.Core.Model;
using NetTui.Host.Inventory.Netlink;
using NetTui.Host.Inventory.Parsing;

namespace NetTui.UnitTests.Inventory;

/// <summary>
/// RTM_NEWROUTE messages become the text `ip -j route` prints (the lab test
/// NetlinkRoutesParityTests checks the same against a real kernel and ip).
/// </summary>
public class NetlinkRouteParseTests
{
    private static readonly RouteNames Names = new("/nonexistent/etc", "/nonexistent/usr");
    private static readonly Dictionary<int, string> Links = new() { [7] = "nl0" };

    /// <summary>rtmsg (family, dst_len, src_len, tos, table, protocol, scope, type, flags) + attributes.</summary>
    private static byte[] Message(byte family, byte dstLen, byte table, byte protocol, byte scope, byte type, uint flags,
        params (ushort Type, byte[] Value)[] attributes)
        => NetlinkAttributes.Message([family, dstLen, 0, 0, table, protocol, scope, type, .. BitConverter.GetBytes(flags)], attributes);

    private static byte[] U32(uint v) => BitConverter.GetBytes(v);
    private static Route? Parse(byte[] m) => NetlinkRouteReader.Parse(m, Links, Names, new StringPool());

    [Fact]
    public void A_gateway_route_with_a_metric_in_main_reads_as_ip_prints_it()
    {
        var r = Parse(Message(2, 24, 254, 4, 0, 1, 0,
            (15, U32(254)), (1, [198, 51, 100, 0]), (6, U32(50)), (5, [192, 0, 2, 254]), (4, U32(7))));
        Assert.Equal(new Route(AddressFamily.Inet, "198.51.100.0/24", "192.0.2.254", "nl0", "static", "global", 50, "main", "unicast"), r);
    }

    [Fact]
    public void Host_routes_have_no_prefix_length_and_default_is_named()
    {
        Assert.Equal("10.0.0.1", Parse(Message(2, 32, 254, 3, 253, 1, 0, (1, [10, 0, 0, 1]), (4, U32(7))))!.Destination);
        var d = Parse(Message(2, 0, 100, 3, 0, 1, 0, (15, U32(100)), (5, [192, 0, 2, 1]), (4, U32(9))))!;
        Assert.Equal(("default", "100", "boot", "if9", (int?)null), (d.Destination, d.Table, d.Protocol, d.Device, d.Metric));
    }

    [Fact]
    public void Table_ids_above_255_come_from_rta_table_and_types_and_scopes_are_named()
    {
        var r = Parse(Message(2, 24, 252, 2, 253, 6, 0, (15, U32(1000)), (1, [203, 0, 113, 0])))!;
        Assert.Equal(("1000", "kernel", "link", "blackhole"), (r.Table, r.Protocol, r.Scope, r.Type));
    }

    [Fact]
    public void Ipv6_addresses_are_compressed_and_cloned_entries_are_skipped()
    {
        var dst = new byte[16];
        dst[0] = 0x20; dst[1] = 0x01; dst[2] = 0x0d; dst[3] = 0xb8; dst[5] = 1;
        var r = Parse(Message(10, 48, 254, 3, 0, 1, 0, (1, dst), (6, U32(1024)), (4, U32(7))))!;
        Assert.Equal(("2001:db8:1::/48", 1024, AddressFamily.Inet6), (r.Destination, r.Metric.GetValueOrDefault(), r.Family));
        Assert.Null(Parse(Message(10, 128, 254, 3, 0, 1, 0x200, (1, dst))));
    }

    [Fact]
    public void Multipath_keeps_the_first_hops_gateway_and_device()
    {
        // rtnexthop { u16 len = 16; u8 flags; u8 hops; i32 ifindex = 7 } + RTA_GATEWAY 192.0.2.2, then a second hop.
        byte[] Hop(byte last) => [16, 0, 0, 0, 7, 0, 0, 0, 8, 0, 5, 0, 192, 0, 2, last];
        var r = Parse(Message(2, 16, 254, 3, 0, 1, 0, (1, [10, 10, 0, 0]), (9, [.. Hop(2), .. Hop(3)])))!;
        Assert.Equal(("10.10.0.0/16", "192.0.2.2", "nl0"), (r.Destination, r.Gateway, r.Device));
    }
}
