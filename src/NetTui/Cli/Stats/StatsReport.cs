using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Traffic;
using NetTui.Host.Inventory.Traffic;
using NetTui.Presentation;

namespace NetTui.Cli.Stats;

/// <summary>One device in a `nettui stats --json` line: its counters and its rate over the last interval (null right after a reset).</summary>
public sealed record StatsDevice(string Scope, string Name, string Identity, LinkCounters Counters, StatsRate? Rate);

public sealed record StatsRate(double RxBytesPerSecond, double TxBytesPerSecond, double RxPacketsPerSecond, double TxPacketsPerSecond, double IntervalSeconds);

/// <summary>One `nettui stats --json` line: every device at one read, and why a half could not be read.</summary>
public sealed record StatsDocument(DateTimeOffset TakenAt, ImmutableArray<StatsDevice> Devices, string? LinksFailure, string? OvsFailure);

/// <summary>Pure: a read and the rates so far as the JSON line or the text table of `nettui stats`.</summary>
public static class StatsReport
{
    public static StatsDocument Document(DateTimeOffset takenAt, TrafficRead read, TrafficRates rates) => new(
        takenAt,
        [.. read.Sources.Select(s => new StatsDevice(
            s.Scope == TrafficScope.Link ? "link" : "ovs", s.Name, s.Identity, s.Counters,
            rates.Rate(s.Scope, s.Name) is { } r
                ? new StatsRate(r.RxBytesPerSecond, r.TxBytesPerSecond, r.RxPacketsPerSecond, r.TxPacketsPerSecond, r.Interval.TotalSeconds)
                : null))],
        read.LinksFailure,
        read.OvsFailure);

    public static readonly IReadOnlyList<string> Headers = ["DEVICE", "RX/s", "TX/s", "RXpkt/s", "TXpkt/s", "DROPS", "ERRORS", "RX", "TX"];

    /// <summary>The table's rows: links by name, then OVS interfaces as "ovs:NAME".</summary>
    public static IEnumerable<IReadOnlyList<string>> Rows(StatsDocument doc) =>
        doc.Devices.Select(d => (IReadOnlyList<string>)[
            d.Scope == "ovs" ? "ovs:" + d.Name : d.Name,
            TrafficText.Rate(d.Rate?.RxBytesPerSecond),
            TrafficText.Rate(d.Rate?.TxBytesPerSecond),
            d.Rate is { } r ? r.RxPacketsPerSecond.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) : "-",
            d.Rate is { } t ? t.TxPacketsPerSecond.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) : "-",
            TrafficText.Count(d.Counters.Drops),
            TrafficText.Count(d.Counters.Errors),
            TrafficText.Bytes(d.Counters.RxBytes),
            TrafficText.Bytes(d.Counters.TxBytes),
        ]);
}
