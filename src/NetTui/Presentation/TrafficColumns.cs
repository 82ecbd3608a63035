using NetTui.Core.Traffic;

namespace NetTui.Presentation;

/// <summary>
/// The traffic columns a view adds when rates are on (Interfaces, Bridges per port, Containers
/// by host veth): RX/s and TX/s (sorting by them sorts by traffic, as numbers), drops and
/// errors since the device was created; and the detail pane's 60 s sparkline. Kept apart from
/// the presenters' own columns so each view only names which device a row counts.
/// </summary>
public static class TrafficColumns
{
    public const string Rx = "RX/s", Tx = "TX/s", Drops = "Drop", Errors = "Err";

    /// <summary>The four columns for rows whose device <paramref name="device"/> names (null: the row counts nothing).</summary>
    public static IReadOnlyList<Column<T>> For<T>(TrafficView traffic, Func<T, (TrafficScope Scope, string? Name)?> device)
    {
        DeviceTraffic? Of(T row) => device(row) is { } d ? traffic.Of(d.Scope, d.Name) : null;
        // Numbers, and -1 for a row that counts nothing: it sorts below an idle device both ways
        // (a null key would come first when the order is reversed to see the busiest).
        static IComparable Key(double? value) => value ?? -1d;
        return
        [
            new(Rx, r => Of(r) is { } t ? TrafficText.Rate(t.Rate?.RxBytesPerSecond) : "", r => Key(Of(r)?.Rate?.RxBytesPerSecond)),
            new(Tx, r => Of(r) is { } t ? TrafficText.Rate(t.Rate?.TxBytesPerSecond) : "", r => Key(Of(r)?.Rate?.TxBytesPerSecond)),
            new(Drops, r => Of(r) is { } t ? TrafficText.Count(t.Counters.Drops) : "", r => Key(Of(r)?.Counters.Drops)),
            new(Errors, r => Of(r) is { } t ? TrafficText.Count(t.Counters.Errors) : "", r => Key(Of(r)?.Counters.Errors)),
        ];
    }

    /// <summary>The view's columns, with the traffic columns after the first two when rates are on.</summary>
    public static IReadOnlyList<Column<T>> With<T>(IReadOnlyList<Column<T>> columns, TrafficView? traffic, Func<T, (TrafficScope Scope, string? Name)?> device) =>
        traffic is null ? columns : [.. columns.Take(2), .. For(traffic, device), .. columns.Skip(2)];

    /// <summary>The detail pane's traffic lines: rates now, the last 60 s as a sparkline, totals.</summary>
    public static void AddDetail(DetailBuilder d, TrafficView? traffic, TrafficScope scope, string? name)
    {
        if (traffic?.Of(scope, name) is not { } t) return;
        d.Add("traffic", $"rx {TrafficText.Rate(t.Rate?.RxBytesPerSecond)}/s  tx {TrafficText.Rate(t.Rate?.TxBytesPerSecond)}/s");
        if (t.History.Length > 0) d.Add("last 60 s", TrafficText.Sparkline(t.History));
        d.Add("totals", $"rx {TrafficText.Bytes(t.Counters.RxBytes)} tx {TrafficText.Bytes(t.Counters.TxBytes)}, " +
            $"drops {t.Counters.Drops}, errors {t.Counters.Errors}" + (t.Counters.CarrierChanges is { } c ? $", carrier changes {c}" : ""));
    }
}
