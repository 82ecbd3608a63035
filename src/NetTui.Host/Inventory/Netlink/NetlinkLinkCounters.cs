using System.Collections.Immutable;
using System.Runtime.InteropServices;
using NetTui.Core.Model;

namespace NetTui.Host.Inventory.Netlink;

/// <summary>One link's counters from the RTM_GETLINK dump, by ifindex (names can be re-used).</summary>
public sealed record LinkCounterRow(int Index, string Name, LinkCounters Counters);

/// <summary>
/// Every link's traffic counters from ONE RTM_GETLINK dump (IFLA_STATS64 and
/// IFLA_CARRIER_CHANGES), the numbers `ip -s link` prints: one socket and one dump per
/// refresh whatever the number of links, never a process per interface. The dump is the
/// one the route reader makes for names, without its "skip stats" filter.
/// </summary>
public static class NetlinkLinkCounters
{
    private const ushort RtmNewLink = 16, RtmGetLink = 18;
    private const ushort IflaIfname = 3, IflaStats64 = 23, IflaCarrierChanges = 35;

    /// <summary>Reads the counters of every link in <paramref name="netnsPath"/> (null: our own namespace).</summary>
    public static ImmutableArray<LinkCounterRow> Read(string? netnsPath)
    {
        using var socket = NetlinkSocket.Open(netnsPath);
        var rows = ImmutableArray.CreateBuilder<LinkCounterRow>();
        Span<byte> ifinfomsg = stackalloc byte[16];
        ifinfomsg.Clear();
        socket.Dump(RtmGetLink, ifinfomsg, RtmNewLink, payload =>
        {
            if (Parse(payload) is { } row) rows.Add(row);
        });
        return rows.ToImmutable();
    }

    /// <summary>One RTM_NEWLINK payload (ifinfomsg + attributes); null without a name or IFLA_STATS64.</summary>
    internal static LinkCounterRow? Parse(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 16) return null;
        var index = MemoryMarshal.Read<int>(payload[4..]);
        string? name = null;
        LinkCounters? counters = null;
        uint? carrierChanges = null;
        foreach (var (type, value) in new NetlinkRouteReader.Attributes(payload[16..]))
        {
            switch (type)
            {
                case IflaIfname:
                    var end = value.IndexOf((byte)0);
                    name = System.Text.Encoding.UTF8.GetString(end >= 0 ? value[..end] : value);
                    break;
                case IflaStats64 when value.Length >= 64:
                    // struct rtnl_link_stats64: rx_packets, tx_packets, rx_bytes, tx_bytes,
                    // rx_errors, tx_errors, rx_dropped, tx_dropped, ... (u64 each)
                    counters = new LinkCounters(
                        RxBytes: U64(value, 2), TxBytes: U64(value, 3), RxPackets: U64(value, 0), TxPackets: U64(value, 1),
                        RxErrors: U64(value, 4), TxErrors: U64(value, 5), RxDropped: U64(value, 6), TxDropped: U64(value, 7));
                    break;
                case IflaCarrierChanges when value.Length >= 4:
                    carrierChanges = MemoryMarshal.Read<uint>(value);
                    break;
            }
        }
        if (name is null || counters is null) return null;
        return new LinkCounterRow(index, name, counters with { CarrierChanges = carrierChanges });
    }

    private static ulong U64(ReadOnlySpan<byte> stats, int field) => MemoryMarshal.Read<ulong>(stats[(field * 8)..]);
}
