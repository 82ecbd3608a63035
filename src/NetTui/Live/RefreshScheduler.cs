using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Host.Inventory;
using Serilog;

namespace NetTui.Live;

/// <summary>
/// Runs inventory reads off the UI thread, one at a time. A request while a read is in
/// flight does not start another: its parts are remembered and read once, together, when
/// the current read ends (so a burst of events costs at most one extra read). Results are
/// merged into the last snapshot and handed to the UI through <c>post</c> (app.Invoke).
/// Single links (live updates, <see cref="Request(ChangeBatch)"/>) are read alone and
/// patched in (<see cref="SnapshotMerge.PatchLinks"/>), unless all links are read anyway.
/// </summary>
public sealed class RefreshScheduler(
    IHostInventory inventory,
    HostSnapshot initial,
    Action<Action> post,
    Action<HostSnapshot> apply,
    Action<bool>? busy = null,
    ILogger? log = null)
{
    private readonly object _gate = new();
    private readonly ILogger _log = log ?? Serilog.Core.Logger.None;
    private InventoryParts _pending;
    private ImmutableDictionary<int, string> _pendingLinks = ImmutableDictionary<int, string>.Empty;
    private bool _inFlight;
    private HostSnapshot _current = initial;
    private Task _loop = Task.CompletedTask;

    /// <summary>How many reads have been started (for tests and the benchmark).</summary>
    public int ReadsStarted => Volatile.Read(ref _readsStarted);
    private int _readsStarted;

    /// <summary>How many of those were reads of single links (for tests and the benchmark).</summary>
    public int SingleLinkReads => Volatile.Read(ref _singleLinkReads);
    private int _singleLinkReads;

    public bool InFlight { get { lock (_gate) return _inFlight; } }

    /// <summary>The newest merged snapshot.</summary>
    public HostSnapshot Current { get { lock (_gate) return _current; } }

    /// <summary>Completes when the reads running or queued now are done.</summary>
    public Task Idle { get { lock (_gate) return _loop; } }

    public CancellationToken Stopping { get; init; }

    /// <summary>Ask for <paramref name="parts"/> to be re-read. Returns false when a read was
    /// already in flight (the parts are then read right after it, not in parallel).</summary>
    public bool Request(InventoryParts parts) => Request(new ChangeBatch(parts, ImmutableDictionary<int, string>.Empty));

    /// <summary>Ask for parts and single links (ifindex to name) to be re-read.</summary>
    public bool Request(ChangeBatch batch)
    {
        lock (_gate)
        {
            _pending |= batch.Parts;
            _pendingLinks = _pendingLinks.SetItems(batch.Links);
            if (_inFlight) return false;
            _inFlight = true;
            _loop = Task.Run(LoopAsync);
            return true;
        }
    }

    private async Task LoopAsync()
    {
        post(() => busy?.Invoke(true));
        while (true)
        {
            InventoryParts parts;
            ImmutableDictionary<int, string> links;
            HostSnapshot baseline;
            lock (_gate)
            {
                parts = _pending;
                links = _pendingLinks;
                _pending = InventoryParts.None;
                _pendingLinks = _pendingLinks.Clear();
                if ((parts == InventoryParts.None && links.IsEmpty) || Stopping.IsCancellationRequested)
                {
                    _inFlight = false;
                    break;
                }
                baseline = _current;
            }
            try
            {
                var merged = baseline;
                if (!links.IsEmpty && !parts.HasFlag(InventoryParts.Links))
                {
                    Interlocked.Increment(ref _readsStarted);
                    Interlocked.Increment(ref _singleLinkReads);
                    if (await ReadLinksAsync(baseline, links).ConfigureAwait(false) is { } patched) merged = patched;
                    else parts |= InventoryParts.Links | InventoryParts.Bridges; // cannot read single links: read them all
                }
                if (parts != InventoryParts.None)
                {
                    Interlocked.Increment(ref _readsStarted);
                    var partial = await inventory.ReadAsync(parts, Stopping).ConfigureAwait(false);
                    merged = SnapshotMerge.Merge(merged, partial, parts);
                }
                lock (_gate) _current = merged;
                post(() => apply(merged));
            }
            catch (OperationCanceledException) when (Stopping.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                // The inventory degrades per source and should not throw; if it does, keep the UI alive.
                _log.Error(e, "refresh of {Parts} failed", parts);
            }
        }
        post(() => busy?.Invoke(false));
    }

    private async Task<HostSnapshot?> ReadLinksAsync(HostSnapshot baseline, ImmutableDictionary<int, string> links)
    {
        var known = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var l in baseline.Links) known[l.Name] = l.Index;
        var patch = await inventory.ReadLinksAsync([.. links.Values.Distinct()], known, Stopping).ConfigureAwait(false);
        return patch is null ? null : SnapshotMerge.PatchLinks(baseline, links.Keys, patch, DateTimeOffset.UtcNow);
    }
}
