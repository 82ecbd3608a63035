using System.Collections.Concurrent;
using System.Diagnostics;
using NetTui.Core.Model;
using NetTui.Host.Inventory;

namespace NetTui.Bench;

/// <summary>Wraps the real inventory and records which parts each read asked for and how long it took.</summary>
public sealed class RecordingInventory(IHostInventory inner) : IHostInventory
{
    public ConcurrentQueue<(InventoryParts Parts, double Ms)> Reads { get; } = new();

    public async Task<HostSnapshot> ReadAsync(InventoryParts parts = InventoryParts.All, CancellationToken ct = default)
    {
        var sw = Stopwatch.StartNew();
        try
        {
            return await inner.ReadAsync(parts, ct).ConfigureAwait(false);
        }
        finally
        {
            Reads.Enqueue((parts, sw.Elapsed.TotalMilliseconds));
        }
    }

    public async Task<LinkPatch?> ReadLinksAsync(IReadOnlyCollection<string> names, IReadOnlyDictionary<string, int> knownIndices, CancellationToken ct = default)
    {
        // BENCH_WHOLE_LINK_READS=1: as before single-link reads (every link event re-reads all links).
        if (Environment.GetEnvironmentVariable("BENCH_WHOLE_LINK_READS") == "1") return null;
        var sw = Stopwatch.StartNew();
        try
        {
            return await inner.ReadLinksAsync(names, knownIndices, ct).ConfigureAwait(false);
        }
        finally
        {
            // Recorded as a read of no parts: a read of single links.
            Reads.Enqueue((InventoryParts.None, sw.Elapsed.TotalMilliseconds));
        }
    }
}
