using System.Collections.Concurrent;
using NetTui.Core.Model;
using NetTui.Host.Inventory;
using NetTui.Live;
using NetTui.UiTests.Fixtures;

namespace NetTui.UiTests.Live;

public class RefreshSchedulerTests
{
    /// <summary>An inventory whose reads finish only when the test says so.</summary>
    private sealed class GatedInventory : IHostInventory
    {
        public readonly ConcurrentQueue<(InventoryParts Parts, TaskCompletionSource<HostSnapshot> Done)> Reads = new();
        private int _calls;
        public int Calls => Volatile.Read(ref _calls);

        public Task<HostSnapshot> ReadAsync(InventoryParts parts = InventoryParts.All, CancellationToken ct = default)
        {
            Interlocked.Increment(ref _calls);
            var tcs = new TaskCompletionSource<HostSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
            Reads.Enqueue((parts, tcs));
            return tcs.Task;
        }

        public async Task<(InventoryParts Parts, TaskCompletionSource<HostSnapshot> Done)> NextAsync()
        {
            for (int i = 0; i < 500; i++)
            {
                if (Reads.TryDequeue(out var r)) return r;
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }
            throw new TimeoutException("no read was started");
        }
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++) await Task.Delay(10, TestContext.Current.CancellationToken);
        Assert.True(condition());
    }

    [Fact]
    public async Task A_refresh_is_not_started_again_while_one_is_in_flight()
    {
        var inventory = new GatedInventory();
        var applied = new ConcurrentQueue<HostSnapshot>();
        var busy = new ConcurrentQueue<bool>();
        var initial = LabSnapshots.Lab();
        var scheduler = new RefreshScheduler(inventory, initial, a => a(), applied.Enqueue, busy.Enqueue);

        Assert.True(scheduler.Request(InventoryParts.Links | InventoryParts.Bridges));
        var first = await inventory.NextAsync();
        Assert.True(scheduler.InFlight);

        // Events keep coming while the read runs: none starts a second read.
        Assert.False(scheduler.Request(InventoryParts.Links));
        Assert.False(scheduler.Request(InventoryParts.Routes));
        Assert.False(scheduler.Request(InventoryParts.Ovs));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Equal(1, inventory.Calls);
        Assert.Empty(applied);

        // When it finishes, what was asked meanwhile is read once, together.
        first.Done.SetResult(LabSnapshots.LabWithNewLink("ntl-a") with { Routes = [] });
        var second = await inventory.NextAsync();
        Assert.Equal(InventoryParts.Links | InventoryParts.Routes | InventoryParts.Ovs, second.Parts);
        Assert.Equal(2, inventory.Calls);
        second.Done.SetResult(LabSnapshots.Lab());
        await Eventually(() => !scheduler.InFlight);
        await scheduler.Idle;

        Assert.Equal(2, applied.Count);
        Assert.Equal([true, false], busy.ToArray());
        // The first read was links and bridges only: routes were kept from before, not emptied.
        Assert.Equal(initial.Routes, applied.First().Routes);
        Assert.Contains(applied.First().Links, l => l.Name == "ntl-a");
        Assert.Equal(2, scheduler.ReadsStarted);
    }

    [Fact]
    public async Task A_new_request_after_the_read_finished_starts_a_new_read()
    {
        var inventory = new GatedInventory();
        var scheduler = new RefreshScheduler(inventory, LabSnapshots.Lab(), a => a(), _ => { });
        Assert.True(scheduler.Request(InventoryParts.All));
        (await inventory.NextAsync()).Done.SetResult(LabSnapshots.Lab());
        await Eventually(() => !scheduler.InFlight);
        Assert.True(scheduler.Request(InventoryParts.Routes));
        Assert.Equal(InventoryParts.Routes, (await inventory.NextAsync()).Parts);
    }

    [Fact]
    public async Task A_failing_read_does_not_stop_later_refreshes()
    {
        var inventory = new GatedInventory();
        var scheduler = new RefreshScheduler(inventory, LabSnapshots.Lab(), a => a(), _ => { });
        scheduler.Request(InventoryParts.All);
        (await inventory.NextAsync()).Done.SetException(new InvalidOperationException("boom"));
        await Eventually(() => !scheduler.InFlight);
        Assert.True(scheduler.Request(InventoryParts.All));
    }

    [Fact]
    public void Merge_replaces_only_the_parts_read_and_keeps_the_newest_source_status()
    {
        var before = LabSnapshots.Lab();
        var partial = new HostSnapshot("lab-host", "ntl-demo", before.TakenAt.AddSeconds(5),
            LabSnapshots.LabWithNewLink().Links, [], [], null, [],
            [SourceStatus.Down(SourceKind.IpRoute2, "ip: timeout", TimeSpan.Zero)]);
        var merged = SnapshotMerge.Merge(before, partial, InventoryParts.Links);
        Assert.Equal(12, merged.Links.Length);
        Assert.Equal(before.Bridges, merged.Bridges);           // not read: kept
        Assert.True(merged.Routes == before.Routes);           // same array, so views skip re-filtering
        Assert.Equal(before.Ovs, merged.Ovs);
        Assert.Equal(before.Containers, merged.Containers);
        Assert.False(merged.Source(SourceKind.IpRoute2)!.Available);
        Assert.False(merged.Source(SourceKind.NetworkManager)!.Available);
        Assert.True(merged.Source(SourceKind.Docker)!.Available);
        Assert.Equal(partial.TakenAt, merged.TakenAt);
    }
}
