using System.Collections.Immutable;
using NetTui.Core.Model;

namespace NetTui.Core.Traffic;

/// <summary>
/// Rates from successive counter reads, per device, with the last <see cref="HistoryLength"/>
/// of total byte rates for a sparkline. Time comes from <see cref="TimeProvider"/>'s
/// monotonic timestamp (tests give a fake clock). A device whose identity changed or whose
/// counters went back starts again: no rate for that interval, never a negative one.
/// Not thread-safe: one reader (the CLI loop, the TUI's traffic poller) feeds it.
/// </summary>
public sealed class TrafficRates(TimeProvider clock)
{
    public static readonly TimeSpan HistoryLength = TimeSpan.FromSeconds(60);

    private readonly Dictionary<(TrafficScope, string), Device> _devices = [];

    /// <summary>
    /// Takes one read of every device: rates for those seen before, a fresh start for new or
    /// re-created ones; devices missing from the read are forgotten.
    /// </summary>
    public void Observe(IEnumerable<TrafficSource> sources)
    {
        var now = clock.GetTimestamp();
        var seen = new HashSet<(TrafficScope, string)>();
        foreach (var s in sources)
        {
            var key = (s.Scope, s.Name);
            if (!seen.Add(key)) continue;
            if (_devices.TryGetValue(key, out var d) && d.Identity == s.Identity)
                d.Update(s.Counters, now, clock);
            else
                _devices[key] = new Device(s.Identity, s.Counters, now);
        }
        foreach (var key in _devices.Keys.Where(k => !seen.Contains(k)).ToList())
            _devices.Remove(key);
    }

    /// <summary>The rate over the last interval; null before the second read or right after a reset.</summary>
    public TrafficRate? Rate(TrafficScope scope, string name) =>
        _devices.TryGetValue((scope, name), out var d) ? d.Rate : null;

    /// <summary>Total (rx + tx) byte rates of the last <see cref="HistoryLength"/>, oldest first.</summary>
    public ImmutableArray<double> History(TrafficScope scope, string name) =>
        _devices.TryGetValue((scope, name), out var d) ? [.. d.History.Select(h => h.BytesPerSecond)] : [];

    private sealed class Device(string identity, LinkCounters counters, long at)
    {
        public string Identity { get; } = identity;
        public TrafficRate? Rate { get; private set; }
        public Queue<(long At, double BytesPerSecond)> History { get; } = new();
        private LinkCounters _last = counters;
        private long _at = at;

        public void Update(LinkCounters counters, long now, TimeProvider clock)
        {
            var elapsed = clock.GetElapsedTime(_at, now);
            if (elapsed <= TimeSpan.Zero && !counters.WentBackFrom(_last)) return; // no time passed: keep the older sample
            Rate = TrafficRate.Between(_last, counters, elapsed);
            _last = counters;
            _at = now;
            if (Rate is { } r) History.Enqueue((now, r.TotalBytesPerSecond));
            while (History.Count > 0 && clock.GetElapsedTime(History.Peek().At, now) >= HistoryLength) History.Dequeue();
        }
    }
}
