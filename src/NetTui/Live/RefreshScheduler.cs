using NetTui.Core.Model;
using NetTui.Host.Inventory;
using Serilog;

namespace NetTui.Live;

/// <summary>
/// Runs inventory reads off the UI thread, one at a time. A request while a read is in
/// flight does not start another: its parts are remembered and read once, together, when
/// the current read ends (so a burst of events costs at most one extra read). Results are
/// merged into the last snapshot and handed to the UI through <c>post</c> (app.Invoke).
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
    private bool _inFlight;
    private HostSnapshot _current = initial;
    private Task _loop = Task.CompletedTask;

    /// <summary>How many reads have been started (for tests and the benchmark).</summary>
    public int ReadsStarted => Volatile.Read(ref _readsStarted);
    private int _readsStarted;

    public bool InFlight { get { lock (_gate) return _inFlight; } }

    /// <summary>The newest merged snapshot.</summary>
    public HostSnapshot Current { get { lock (_gate) return _current; } }

    /// <summary>Completes when the reads running or queued now are done.</summary>
    public Task Idle { get { lock (_gate) return _loop; } }

    public CancellationToken Stopping { get; init; }

    /// <summary>Ask for <paramref name="parts"/> to be re-read. Returns false when a read was
    /// already in flight (the parts are then read right after it, not in parallel).</summary>
    public bool Request(InventoryParts parts)
    {
        lock (_gate)
        {
            _pending |= parts;
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
            HostSnapshot baseline;
            lock (_gate)
            {
                parts = _pending;
                _pending = InventoryParts.None;
                if (parts == InventoryParts.None || Stopping.IsCancellationRequested)
                {
                    _inFlight = false;
                    break;
                }
                baseline = _current;
            }
            try
            {
                Interlocked.Increment(ref _readsStarted);
                var partial = await inventory.ReadAsync(parts, Stopping).ConfigureAwait(false);
                var merged = SnapshotMerge.Merge(baseline, partial, parts);
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
}
