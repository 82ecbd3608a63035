using System.Collections.Immutable;

namespace NetTui.Core.Model;

/// <summary>
/// A link's traffic counters since the device was created: the kernel's IFLA_STATS64 (what
/// `ip -s link` prints) or an OVS interface's `statistics` column. Counters only grow while
/// the device lives; a smaller value means a new device (see Traffic.TrafficRates).
/// </summary>
public sealed record LinkCounters(
    ulong RxBytes,
    ulong TxBytes,
    ulong RxPackets,
    ulong TxPackets,
    ulong RxErrors,
    ulong TxErrors,
    ulong RxDropped,
    ulong TxDropped,
    uint? CarrierChanges = null)
{
    /// <summary>
    /// From OVSDB's Interface `statistics` map (rx_bytes, tx_packets, rx_dropped, ...); null when
    /// it holds no byte counter (OVS has not filled it in yet). Keys OVS leaves out read as 0.
    /// </summary>
    public static LinkCounters? FromOvs(ImmutableSortedDictionary<string, long> statistics)
    {
        if (!statistics.ContainsKey("rx_bytes") && !statistics.ContainsKey("tx_bytes")) return null;
        ulong Get(string key) => statistics.TryGetValue(key, out var v) && v > 0 ? (ulong)v : 0;
        return new LinkCounters(Get("rx_bytes"), Get("tx_bytes"), Get("rx_packets"), Get("tx_packets"),
            Get("rx_errors"), Get("tx_errors"), Get("rx_dropped"), Get("tx_dropped"));
    }

    /// <summary>Whether any counter is smaller than in <paramref name="earlier"/>: the device was reset or re-created.</summary>
    public bool WentBackFrom(LinkCounters earlier) =>
        RxBytes < earlier.RxBytes || TxBytes < earlier.TxBytes || RxPackets < earlier.RxPackets || TxPackets < earlier.TxPackets
        || RxErrors < earlier.RxErrors || TxErrors < earlier.TxErrors || RxDropped < earlier.RxDropped || TxDropped < earlier.TxDropped;

    [System.Text.Json.Serialization.JsonIgnore]
    public ulong Drops => RxDropped + TxDropped;
    [System.Text.Json.Serialization.JsonIgnore]
    public ulong Errors => RxErrors + TxErrors;
}
