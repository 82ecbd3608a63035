using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Traffic;

namespace NetTui.Presentation;

/// <summary>One device's traffic as the views show it: its counters, its last rate (null right after a reset) and the last 60 s of rates.</summary>
public sealed record DeviceTraffic(LinkCounters Counters, TrafficRate? Rate, ImmutableArray<double> History);

/// <summary>
/// The traffic of every counted device at one read, immutable (the TUI's poller builds one
/// per read and hands it to the window); presenters add their rate columns from it.
/// </summary>
public sealed class TrafficView(IReadOnlyDictionary<(TrafficScope, string), DeviceTraffic> devices)
{
    public static TrafficView From(IEnumerable<TrafficSource> sources, TrafficRates rates)
    {
        var d = new Dictionary<(TrafficScope, string), DeviceTraffic>();
        foreach (var s in sources)
            d[(s.Scope, s.Name)] = new DeviceTraffic(s.Counters, rates.Rate(s.Scope, s.Name), rates.History(s.Scope, s.Name));
        return new TrafficView(d);
    }

    public DeviceTraffic? Of(TrafficScope scope, string? name) =>
        name is not null && devices.TryGetValue((scope, name), out var t) ? t : null;
}
