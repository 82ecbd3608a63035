using System.Collections.Concurrent;
using NetTui.Host.Inventory;
using NetTui.Host.Monitoring;
using NetTui.Live;

namespace NetTui.UiTests.Live;

public class MonitoringTests
{
    // Captured from `ip monitor label link address route` while adding a veth, an address
    // and a bridge in a lab namespace (iproute2 6.1).
    private const string Captured = """
        [LINK]2: v2@NONE: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN group default
            link/ether ee:b5:bc:d9:15:c1 brd ff:ff:ff:ff:ff:ff
        [ADDR]3: v1    inet 10.9.9.1/24 scope global v1
               valid_lft forever preferred_lft forever
        [ROUTE]10.9.9.0/24 dev v1 proto kernel scope link src 10.9.9.1 linkdown
        [ADDR]Deleted 3: v1    inet 10.9.9.1/24 scope global v1
        [ROUTE]Deleted local 10.9.9.1 dev v1 table local proto kernel scope host src 10.9.9.1
        [LINK]Deleted 3: v1@NONE: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN group default
        """;

    [Fact]
    public void Ip_monitor_lines_are_classified_by_their_label()
    {
        var kinds = Captured.Split('\n').Select(IpMonitorParser.Classify).Where(k => k != NetlinkChange.None).ToArray();
        Assert.Equal(
            [NetlinkChange.Link, NetlinkChange.Address, NetlinkChange.Route, NetlinkChange.Address, NetlinkChange.Route, NetlinkChange.Link],
            kinds);
        Assert.Equal(NetlinkChange.None, IpMonitorParser.Classify("    link/ether ee:b5:bc:d9:15:c1"));
    }

    [Fact]
    public void Link_events_reread_links_and_bridges_but_not_routes()
    {
        Assert.Equal(InventoryParts.Links | InventoryParts.Bridges, ChangeDebouncer.PartsFor(NetlinkChange.Link));
        Assert.Equal(InventoryParts.Links, ChangeDebouncer.PartsFor(NetlinkChange.Address));
        Assert.Equal(InventoryParts.Routes, ChangeDebouncer.PartsFor(NetlinkChange.Route));
    }

    [Fact]
    public async Task A_burst_of_events_becomes_one_refresh_of_the_union_of_parts()
    {
        var flushed = new ConcurrentQueue<InventoryParts>();
        using var debouncer = new ChangeDebouncer(flushed.Enqueue, quiet: TimeSpan.FromMilliseconds(100), maxDelay: TimeSpan.FromSeconds(5));
        debouncer.Add(NetlinkChange.Link);
        debouncer.Add(NetlinkChange.Address);
        debouncer.Add(NetlinkChange.Link);
        for (int i = 0; i < 300 && flushed.IsEmpty; i++) await Task.Delay(10, TestContext.Current.CancellationToken);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.Equal([InventoryParts.Links | InventoryParts.Bridges], flushed.ToArray());
    }

    /// <summary>A streaming runner that replays lines, then waits to be cancelled.</summary>
    private sealed class ReplayRunner(string text) : IStreamingRunner
    {
        public Core.Commands.CommandSpec? Spec;
        public async Task<int> StreamAsync(Core.Commands.CommandSpec spec, Action<string> onLine, CancellationToken ct)
        {
            Spec = spec;
            foreach (var line in text.Split('\n')) onLine(line);
            try { await Task.Delay(Timeout.Infinite, ct); } catch (OperationCanceledException) { }
            return 0;
        }
    }

    [Fact]
    public async Task Ip_monitor_reports_each_event_until_cancelled()
    {
        var runner = new ReplayRunner(Captured);
        var seen = new ConcurrentQueue<NetlinkChange>();
        using var cts = new CancellationTokenSource();
        var run = new IpMonitor(runner).RunAsync(seen.Enqueue, cts.Token);
        for (int i = 0; i < 300 && seen.Count < 6; i++) await Task.Delay(10, TestContext.Current.CancellationToken);
        await cts.CancelAsync();
        await run;
        Assert.Equal(6, seen.Count);
        Assert.Equal("ip monitor label link address route", runner.Spec!.Display);
        Assert.True(runner.Spec.InTargetNamespace);
    }
}

public class LiveUpdatesTests
{
    private sealed class RecordingInventory : NetTui.Host.Inventory.IHostInventory
    {
        public readonly ConcurrentQueue<InventoryParts> Parts = new();
        public Task<NetTui.Core.Model.HostSnapshot> ReadAsync(InventoryParts parts = InventoryParts.All, CancellationToken ct = default)
        {
            Parts.Enqueue(parts);
            return Task.FromResult(NetTui.UiTests.Fixtures.LabSnapshots.Lab());
        }
    }

    private sealed class OneLineRunner(string line) : IStreamingRunner
    {
        public async Task<int> StreamAsync(Core.Commands.CommandSpec spec, Action<string> onLine, CancellationToken ct)
        {
            onLine(line);
            onLine("    link/ether 5e:1d:07:a8:6a:f4 brd ff:ff:ff:ff:ff:ff");
            try { await Task.Delay(Timeout.Infinite, ct); } catch (OperationCanceledException) { }
            return 0;
        }
    }

    [Fact]
    public async Task A_link_event_refreshes_links_and_bridges_without_rereading_routes()
    {
        var inventory = new RecordingInventory();
        var applied = new ConcurrentQueue<NetTui.Core.Model.HostSnapshot>();
        var scheduler = new RefreshScheduler(inventory, NetTui.UiTests.Fixtures.LabSnapshots.Lab(), a => a(), applied.Enqueue);
        await using (new LiveUpdates(scheduler, new OneLineRunner("[LINK]3: v1@v2: <BROADCAST,MULTICAST,UP> mtu 1500"), new CancellationTokenSource()))
        {
            for (int i = 0; i < 300 && applied.IsEmpty; i++) await Task.Delay(10, TestContext.Current.CancellationToken);
        }
        Assert.Equal([InventoryParts.Links | InventoryParts.Bridges], inventory.Parts.ToArray());
        Assert.Single(applied);
    }
}
