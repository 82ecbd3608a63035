using NetTui.Core.Model;
using NetTui.Host.Inventory;

namespace NetTui.Live;

/// <summary>
/// An inventory whose first read is already running: the TUI starts reading the host before
/// Terminal.Gui initialises (a few hundred ms of CPU on a cold start, JIT included), so the
/// child processes of the read and the UI's start-up overlap instead of following each other.
/// The first request for exactly <see cref="Parts"/> takes the running read; every other call
/// goes to the inner inventory.
/// </summary>
public sealed class PrefetchedInventory : IHostInventory
{
    private readonly IHostInventory _inner;
    private Task<HostSnapshot>? _first;

    public PrefetchedInventory(IHostInventory inner, InventoryParts parts, CancellationToken ct)
    {
        _inner = inner;
        Parts = parts;
        _first = Task.Run(() => inner.ReadAsync(parts, ct), ct);
    }

    /// <summary>The parts the prefetch reads.</summary>
    public InventoryParts Parts { get; }

    /// <summary>Whether the prefetched read has been handed out yet.</summary>
    public bool Taken => Volatile.Read(ref _first) is null;

    /// <summary>
    /// The prefetched snapshot when the read ends within <paramref name="wait"/>; it is then
    /// taken (a later request for <see cref="Parts"/> reads anew). Null otherwise (or if the read
    /// failed), and the running read stays for the first request.
    /// </summary>
    public HostSnapshot? TakeIfDone(TimeSpan wait)
    {
        if (Volatile.Read(ref _first) is not { } first) return null;
        try
        {
            if (!first.Wait(wait)) return null;
        }
        catch (AggregateException)
        {
            return null; // the scheduler's request takes the failed read and reports it
        }
        return Interlocked.CompareExchange(ref _first, null, first) == first ? first.Result : null;
    }

    public Task<HostSnapshot> ReadAsync(InventoryParts parts = InventoryParts.All, CancellationToken ct = default)
    {
        if (parts == Parts && Interlocked.Exchange(ref _first, null) is { } first) return first;
        return _inner.ReadAsync(parts, ct);
    }

    public Task<LinkPatch?> ReadLinksAsync(IReadOnlyCollection<string> names, IReadOnlyDictionary<string, int> knownIndices, CancellationToken ct = default) =>
        _inner.ReadLinksAsync(names, knownIndices, ct);
}
