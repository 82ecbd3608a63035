using NetTui.Core.Model;

namespace NetTui.Core.Traffic;

/// <summary>Per-second rates over one interval between two counter samples of the same device.</summary>
public readonly record struct TrafficRate(
    double RxBytesPerSecond,
    double TxBytesPerSecond,
    double RxPacketsPerSecond,
    double TxPacketsPerSecond,
    TimeSpan Interval)
{
    public double TotalBytesPerSecond => RxBytesPerSecond + TxBytesPerSecond;

    /// <summary>
    /// The rates from <paramref name="before"/> to <paramref name="after"/> over
    /// <paramref name="elapsed"/>; null when there is no interval or a counter went back
    /// (device re-created, counters reset): a reset is never a negative rate.
    /// </summary>
    public static TrafficRate? Between(LinkCounters before, LinkCounters after, TimeSpan elapsed)
    {
        if (elapsed <= TimeSpan.Zero || after.WentBackFrom(before)) return null;
        var s = elapsed.TotalSeconds;
        return new TrafficRate(
            (after.RxBytes - before.RxBytes) / s,
            (after.TxBytes - before.TxBytes) / s,
            (after.RxPackets - before.RxPackets) / s,
            (after.TxPackets - before.TxPackets) / s,
            elapsed);
    }
}
