using NetTui.Core.Model;
using NetTui.Host.Inventory.Netlink;
using NetTui.Host.Inventory.Traffic;

namespace NetTui.UnitTests.Inventory;

/// <summary>
/// RTM_NEWLINK messages become counters as `ip -s link` prints them (the lab test
/// TrafficLabTests checks the same against a real kernel and ip); OVS's statistics column too.
/// </summary>
public class NetlinkLinkCountersTests
{
    /// <summary>ifinfomsg (family, type, index, flags, change) + attributes.</summary>
    private static byte[] Message(int index, params (ushort Type, byte[] Value)[] attributes) =>
        NetlinkAttributes.Message([0, 0, 0, 0, .. BitConverter.GetBytes(index), .. new byte[8]], attributes);

    private static byte[] Stats64(params ulong[] fields)
    {
        var all = new ulong[24];
        fields.CopyTo(all, 0);
        return [.. all.SelectMany(BitConverter.GetBytes)];
    }

    [Fact]
    public void Stats64_fields_map_to_bytes_packets_errors_drops_and_carrier_changes()
    {
        var row = NetlinkLinkCounters.Parse(Message(7, (3, "gre0\0"u8.ToArray()), (23, Stats64(10, 20, 1000, 2000, 1, 2, 3, 4)), (35, BitConverter.GetBytes(5u))));
        Assert.Equal(new LinkCounterRow(7, "gre0", new LinkCounters(1000, 2000, 10, 20, 1, 2, 3, 4, 5)), row);
    }

    [Fact]
    public void A_link_without_stats64_has_no_counters()
    {
        Assert.Null(NetlinkLinkCounters.Parse(Message(7, (3, "lo\0"u8.ToArray()))));
        Assert.Null(NetlinkLinkCounters.Parse(Message(7, (23, Stats64(1)))));
    }

    [Fact]
    public void Ovs_interface_statistics_are_read_from_the_three_column_list()
    {
        const string json = """
            {"data":[[["uuid","3b0a"],"gre0",["map",[["rx_bytes",1288],["rx_packets",14],["tx_bytes",980],["tx_packets",10],["tx_dropped",1]]]],
                     [["uuid","77c1"],"obr0",["map",[]]]],
             "headings":["_uuid","name","statistics"]}
            """;
        var s = Assert.Single(TrafficReader.ParseOvs(json));
        Assert.Equal(("gre0", "3b0a", new LinkCounters(1288, 980, 14, 10, 0, 0, 0, 1)), (s.Name, s.Identity, s.Counters));
    }

    [Fact]
    public void Counters_attach_to_the_link_of_the_same_index_and_name_only()
    {
        Link L(int i, string n) => new(i, n, LinkKind.Veth, "UP", true, 1500, null, null, null, null, []);
        var c = new LinkCounters(1, 2, 3, 4, 0, 0, 0, 0);
        var links = TrafficReader.Attach([L(1, "a"), L(2, "b")], [new LinkCounterRow(1, "a", c), new LinkCounterRow(2, "renamed", c)]);
        Assert.Equal(c, links[0].Counters);
        Assert.Null(links[1].Counters);
    }
}
