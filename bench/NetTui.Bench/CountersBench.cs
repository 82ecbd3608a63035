using NetTui.Core.Traffic;
using NetTui.Host.Inventory.Traffic;
using NetTui.Presentation;

namespace NetTui.Bench;

/// <summary>
/// What one refresh of the traffic columns costs at scale: the netlink dump of every link's
/// counters, the rates and the view the TUI draws from, as process CPU time (the socket is
/// opened on a thread of its own inside the namespace, which thread CPU would miss).
/// </summary>
public static class CountersBench
{
    public const string Name = "counters refresh";

    public static List<Result> Run(string netns, int runs)
    {
        var reader = new TrafficReader(new NetTui.Host.Commands.CommandRunner(new NetTui.Core.Commands.NetworkTarget(netns)), null);
        var rates = new TrafficRates(TimeProvider.System);
        var links = 0;
        void Refresh()
        {
            var (rows, failure) = reader.ReadLinkCounters();
            if (failure is not null) throw new InvalidOperationException(failure);
            var sources = rows.Select(r => new TrafficSource(TrafficScope.Link, r.Name, r.Index.ToString(), r.Counters)).ToList();
            rates.Observe(sources);
            _ = TrafficView.From(sources, rates);
            links = rows.Length;
        }
        Refresh(); // warm-up (JIT, first sample)
        var samples = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var before = Environment.CpuUsage.TotalTime;
            Refresh();
            samples[i] = (Environment.CpuUsage.TotalTime - before).TotalMilliseconds;
            Thread.Sleep(50);
        }
        return [new($"{Name} ({links} links): one netlink dump + rates + view, process CPU", "ms", samples, "in-process Environment.CpuUsage, 1 warm-up")];
    }
}
