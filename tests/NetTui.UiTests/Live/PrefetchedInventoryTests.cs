using System.Collections.Concurrent;
using NetTui.Core.Model;
using NetTui.Host.Inventory;
using NetTui.Live;
using NetTui.Tui;
using NetTui.UiTests.Fixtures;

namespace NetTui.UiTests.Live;

/// <summary>The TUI's first read starts before the UI exists, and the scheduler's first request takes it instead of reading again.</summary>
public class PrefetchedInventoryTests
{
    private sealed class CountingInventory(HostSnapshot answer) : IHostInventory
    {
        public readonly ConcurrentQueue<InventoryParts> Reads = new();
        public readonly TaskCompletionSource Release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int LinkReads;

        public async Task<HostSnapshot> ReadAsync(InventoryParts parts = InventoryParts.All, CancellationToken ct = default)
        {
            Reads.Enqueue(parts);
            await Release.Task.WaitAsync(ct);
            return answer;
        }

        public Task<LinkPatch?> ReadLinksAsync(IReadOnlyCollection<string> names, IReadOnlyDictionary<string, int> knownIndices, CancellationToken ct = default)
        {
            Interlocked.Increment(ref LinkReads);
            return Task.FromResult<LinkPatch?>(null);
        }
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++) await Task.Delay(10, TestContext.Current.CancellationToken);
        Assert.True(condition());
    }

    [Fact]
    public async Task The_read_starts_before_anyone_asks_and_the_first_request_takes_it()
    {
        var inner = new CountingInventory(LabSnapshots.Lab());
        var prefetch = TuiStartup.Prefetch(inner, TestContext.Current.CancellationToken);

        // Started at construction, before any scheduler exists.
        await Eventually(() => inner.Reads.Count == 1);
        Assert.Equal(TuiStartup.FirstScreen, Assert.Single(inner.Reads));

        var applied = new ConcurrentQueue<HostSnapshot>();
        var scheduler = new RefreshScheduler(prefetch, HostSnapshot.Empty("h", null), a => a(), applied.Enqueue);
        scheduler.Request(TuiStartup.FirstScreen);
        inner.Release.SetResult();
        await Eventually(() => applied.Count == 1);
        await scheduler.Idle;

        Assert.True(prefetch.Taken);
        Assert.Single(inner.Reads); // not read a second time
        Assert.Contains(applied.Single().Links, l => l.Name == "br0");
    }

    [Fact]
    public async Task Other_parts_and_later_reads_go_to_the_inner_inventory()
    {
        var inner = new CountingInventory(LabSnapshots.Lab());
        inner.Release.SetResult();
        var prefetch = new PrefetchedInventory(inner, InventoryParts.Links, TestContext.Current.CancellationToken);
        await Eventually(() => inner.Reads.Count == 1);

        await prefetch.ReadAsync(InventoryParts.Routes, TestContext.Current.CancellationToken);
        Assert.False(prefetch.Taken); // a different request leaves the prefetch for its owner
        await prefetch.ReadAsync(InventoryParts.Links, TestContext.Current.CancellationToken);
        Assert.True(prefetch.Taken);
        await prefetch.ReadAsync(InventoryParts.Links, TestContext.Current.CancellationToken);
        await prefetch.ReadLinksAsync(["br0"], new Dictionary<string, int>(), TestContext.Current.CancellationToken);

        Assert.Equal([InventoryParts.Links, InventoryParts.Routes, InventoryParts.Links], inner.Reads.ToArray());
        Assert.Equal(1, inner.LinkReads); // single-link live reads are forwarded, not lost
    }

    [Fact]
    public async Task A_read_done_before_the_first_draw_is_taken_and_only_the_whole_picture_is_read_after()
    {
        var inner = new CountingInventory(LabSnapshots.Lab());
        var prefetch = TuiStartup.Prefetch(inner, TestContext.Current.CancellationToken);
        inner.Release.SetResult();

        var first = prefetch.TakeIfDone(TimeSpan.FromSeconds(10));
        Assert.NotNull(first);
        Assert.Contains(first.Links, l => l.Name == "br0");
        Assert.True(prefetch.Taken);

        var scheduler = new RefreshScheduler(prefetch, first, a => a(), _ => { });
        TuiStartup.RequestInitial(scheduler, firstShown: true);
        await Eventually(() => inner.Reads.Count == 2);
        await scheduler.Idle;
        Assert.Equal([TuiStartup.FirstScreen, InventoryParts.All], inner.Reads.ToArray());
    }

    [Fact]
    public async Task A_read_not_done_in_time_is_left_for_the_first_request()
    {
        var inner = new CountingInventory(LabSnapshots.Lab());
        var prefetch = TuiStartup.Prefetch(inner, TestContext.Current.CancellationToken);

        Assert.Null(prefetch.TakeIfDone(TimeSpan.FromMilliseconds(20)));
        Assert.False(prefetch.Taken);

        var applied = new ConcurrentQueue<HostSnapshot>();
        var scheduler = new RefreshScheduler(prefetch, HostSnapshot.Empty("h", null), a => a(), applied.Enqueue);
        scheduler.Request(TuiStartup.FirstScreen);
        inner.Release.SetResult();
        await Eventually(() => applied.Count == 1);
        Assert.Single(inner.Reads); // the running read, not a second one
    }
}
