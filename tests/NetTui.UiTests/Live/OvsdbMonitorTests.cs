using System.Collections.Concurrent;
using NetTui.Core.Commands;
using NetTui.Host.Monitoring;

namespace NetTui.UiTests.Live;

/// <summary>
/// What makes the TUI re-read OVS without a timer: each `ovsdb-client monitor` update line is a
/// change, the first dump of a connection is not (the TUI has just read), unless it follows a
/// lost connection (OVS came back). `statistics` is never among the watched columns.
/// </summary>
public class OvsdbMonitorTests
{
    private const string Initial = """{"data":[["726fd9c3-6b17-42a4-a71c-778e6bd62030","initial","b1","internal",["map",[]],["set",[]],["set",[]]]],"headings":["row","action","name","type","options","error","ofport"]}""";
    private const string Insert = """{"data":[["939bfe2b-71ea-4a8a-8813-28c677e0fc97","insert","p9","",["map",[]],["set",[]],["set",[]]]],"headings":["row","action","name","type","options","error","ofport"]}""";

    /// <summary>Per table: a first connection that dumps and sees one insert, then ends (OVS restarted); a second that dumps and stays.</summary>
    private sealed class TwoConnections : IStreamingRunner
    {
        public readonly ConcurrentQueue<CommandSpec> Specs = new();
        private readonly ConcurrentDictionary<string, int> _runs = new();

        public async Task<int> StreamAsync(CommandSpec spec, Action<string> onLine, CancellationToken ct)
        {
            Specs.Enqueue(spec);
            var run = _runs.AddOrUpdate(spec.Arguments[^2], 1, (_, n) => n + 1);
            onLine("2026-12-07T09:13:05Z|00001|vlog|INFO|a log line, not an update");
            onLine(Initial);
            if (run == 1) { onLine(Insert); return 1; }
            try { await Task.Delay(Timeout.Infinite, ct); } catch (OperationCanceledException) { }
            return 0;
        }
    }

    [Fact]
    public async Task Updates_and_a_reconnect_are_changes_the_first_dump_is_not()
    {
        var runner = new TwoConnections();
        var changes = 0;
        using var stop = new CancellationTokenSource();
        var monitor = new OvsdbMonitor(runner, "unix:/lab/ovs/db.sock", firstRetry: TimeSpan.FromMilliseconds(10));
        var run = monitor.RunAsync(() => Interlocked.Increment(ref changes), stop.Token);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Volatile.Read(ref changes) < 6 && DateTime.UtcNow < deadline) await Task.Delay(10, TestContext.Current.CancellationToken);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        await run;

        Assert.Equal(6, changes); // per table (Bridge, Port, Interface): the insert, and the dump after the reconnect
        var spec = runner.Specs.First(s => s.Arguments[^2] == "Interface");
        Assert.Equal(new[] { "--format=json", "monitor", "unix:/lab/ovs/db.sock", "Open_vSwitch", "Interface", "name,type,options,error,ofport,admin_state,link_state,mtu,external_ids" }, spec.Arguments.ToArray());
        Assert.False(spec.InTargetNamespace);
        Assert.All(OvsdbMonitor.Watched, w => Assert.DoesNotContain("statistics", w.Columns));
    }
}
