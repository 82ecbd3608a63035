using System.Collections.Concurrent;
using NetTui.Core.Model;
using NetTui.Host.Inventory;
using NetTui.Host.Monitoring;
using NetTui.Live;
using NetTui.Presentation;
using NetTui.Tui;
using NetTui.UiTests.Fixtures;
using NetTui.UiTests.Infrastructure;

namespace NetTui.UiTests.Live;

/// <summary>
/// What keeps a live update cheap at 200,000 routes (issue 9): a link event asks the
/// inventory for links and bridges only, the route view is not rebuilt when routes were not
/// re-read, and the UI's first read leaves routes to a read of their own.
/// </summary>
[Collection(UiCollection.Name)]
public class IncrementalUpdateTests
{
    /// <summary>Answers every read at once with <see cref="Answer"/> and records the parts asked for.</summary>
    private sealed class RecordingInventory(HostSnapshot answer) : IHostInventory
    {
        public readonly ConcurrentQueue<InventoryParts> Reads = new();
        public HostSnapshot Answer { get; set; } = answer;

        public Task<HostSnapshot> ReadAsync(InventoryParts parts = InventoryParts.All, CancellationToken ct = default)
        {
            Reads.Enqueue(parts);
            return Task.FromResult(Answer);
        }
    }

    /// <summary>`ip monitor` printing the events of `ip link add x type veth peer name y`, then idle.</summary>
    private sealed class OneVethPair : IStreamingRunner
    {
        public async Task<int> StreamAsync(Core.Commands.CommandSpec spec, Action<string> onLine, CancellationToken ct)
        {
            onLine("[LINK]3: y@x: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN group default");
            onLine("    link/ether 5e:1c:6f:21:33:0a brd ff:ff:ff:ff:ff:ff");
            onLine("[LINK]4: x@y: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN group default");
            onLine("    link/ether 2a:7e:03:88:91:5c brd ff:ff:ff:ff:ff:ff");
            try { await Task.Delay(Timeout.Infinite, ct); } catch (OperationCanceledException) { }
            return 0;
        }
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++) await Task.Delay(10, TestContext.Current.CancellationToken);
        Assert.True(condition());
    }

    [Fact]
    public async Task A_link_event_rereads_links_and_bridges_only_never_routes_or_containers()
    {
        var inventory = new RecordingInventory(LabSnapshots.LabWithNewLink("x"));
        var applied = new ConcurrentQueue<HostSnapshot>();
        var initial = LabSnapshots.Lab();
        var scheduler = new RefreshScheduler(inventory, initial, a => a(), applied.Enqueue);
        using var stop = new CancellationTokenSource();
        await using (new LiveUpdates(scheduler, new OneVethPair(), stop))
        {
            await Eventually(() => !applied.IsEmpty);
            await Task.Delay(150, TestContext.Current.CancellationToken); // a second refresh would show up here
        }

        // Two link events, one refresh, of exactly the parts a link can change.
        Assert.Equal([InventoryParts.Links | InventoryParts.Bridges], inventory.Reads.ToArray());
        var merged = Assert.Single(applied);
        Assert.Contains(merged.Links, l => l.Name == "x");
        // Routes were not read: the merged snapshot holds the very same route array as before.
        Assert.True(merged.Routes == initial.Routes);
    }

    [Fact]
    public async Task The_first_read_is_links_and_bridges_only_and_a_second_whole_read_brings_the_rest()
    {
        var inventory = new RecordingInventory(LabSnapshots.Lab());
        var scheduler = new RefreshScheduler(inventory, HostSnapshot.Empty("h", null), a => a(), _ => { });
        TuiStartup.RequestInitial(scheduler);
        await Eventually(() => inventory.Reads.Count == 2);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        // Neither 200,000 routes nor a slow NetworkManager, OVS or Docker delays the first screen
        // (not even OVS's marking of its ports among the links).
        Assert.Equal([InventoryParts.Links | InventoryParts.Bridges | InventoryParts.LinksWithoutOvs, InventoryParts.All], inventory.Reads.ToArray());
    }

    [Fact]
    public void A_snapshot_with_the_same_routes_does_not_rebuild_the_route_view()
    {
        var big = LabSnapshots.Big(50, 200_000);
        using var s = new Screen(big, 120, 40);
        var routeRows = s.Window.Pane(ViewKind.Routes).Rows;
        Assert.NotNull(routeRows);

        // A live update of links: new link array, same route array.
        s.Window.ApplySnapshot(big with { Links = big.Links.Add(LabSnapshots.LabWithNewLink("x").FindLink("x")!) });
        Assert.Same(routeRows, s.Window.Pane(ViewKind.Routes).Rows);

        // Routes re-read (a new array): now the view is rebuilt.
        s.Window.ApplySnapshot(big with { Routes = [.. big.Routes] });
        Assert.NotSame(routeRows, s.Window.Pane(ViewKind.Routes).Rows);
    }
}
