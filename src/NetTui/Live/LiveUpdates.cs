using NetTui.Host.Inventory;
using NetTui.Host.Monitoring;
using Serilog;

namespace NetTui.Live;

/// <summary>
/// Keeps the screen current without a keypress: netlink events from `ip monitor` (debounced,
/// re-reading only the parts, or the single links, they touch) and a periodic read of what has no cheap event
/// stream here (OVS, Docker). Everything runs on the thread pool; the UI only receives
/// finished snapshots.
/// </summary>
public sealed class LiveUpdates : IAsyncDisposable
{
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromSeconds(5);
    private const InventoryParts Periodic = InventoryParts.Ovs | InventoryParts.Containers;

    private readonly CancellationTokenSource _stop;
    private readonly ChangeDebouncer _debouncer;
    private readonly Task _monitor;
    private readonly Timer _periodic;

    public LiveUpdates(RefreshScheduler scheduler, IStreamingRunner? streaming, CancellationTokenSource stop, TimeSpan? period = null, ILogger? log = null)
    {
        _stop = stop;
        _debouncer = new ChangeDebouncer((ChangeBatch batch) => scheduler.Request(batch));
        _monitor = streaming is null
            ? Task.CompletedTask
            : Task.Run(() => new IpMonitor(streaming).RunAsync((NetlinkEvent e) => _debouncer.Add(e), stop.Token));
        var p = period ?? DefaultPeriod;
        _periodic = new Timer(_ => scheduler.Request(Periodic), null, p, p);
        log?.Information("live updates: ip monitor {Monitor}, periodic {Period}", streaming is not null, p);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _periodic.DisposeAsync().ConfigureAwait(false);
        _debouncer.Dispose();
        try { await _monitor.ConfigureAwait(false); }
        catch (OperationCanceledException) { }
    }
}
