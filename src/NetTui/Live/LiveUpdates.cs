using NetTui.Host.Inventory;
using NetTui.Host.Monitoring;
using Serilog;

namespace NetTui.Live;

/// <summary>
/// Keeps the screen current without a keypress and without a timer: netlink events from
/// `ip monitor` (debounced, re-reading only the parts, or the single links, they touch), OVSDB
/// changes from `ovsdb-client monitor` (re-reading OVS) and dockerd's event stream (re-reading
/// containers). An idle host sends no events, so an idle TUI reads nothing. Everything runs on
/// the thread pool; the UI only receives finished snapshots.
/// </summary>
public sealed class LiveUpdates : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly ChangeDebouncer _debouncer;
    private readonly Task[] _watchers;

    public LiveUpdates(RefreshScheduler scheduler, IStreamingRunner? streaming, CancellationTokenSource stop, ILogger? log = null,
        OvsdbMonitor? ovs = null, DockerEvents? docker = null)
    {
        _stop = stop;
        _debouncer = new ChangeDebouncer((ChangeBatch batch) => scheduler.Request(batch));
        _watchers =
        [
            streaming is null ? Task.CompletedTask : Task.Run(() => new IpMonitor(streaming).RunAsync((NetlinkEvent e) => _debouncer.Add(e), stop.Token)),
            ovs is null ? Task.CompletedTask : Task.Run(() => ovs.RunAsync(() => scheduler.Request(InventoryParts.Ovs), stop.Token)),
            docker is null ? Task.CompletedTask : Task.Run(() => docker.RunAsync(() => scheduler.Request(InventoryParts.Containers), stop.Token)),
        ];
        log?.Information("live updates: ip monitor {Monitor}, OVSDB monitor {Ovs}, Docker events {Docker}", streaming is not null, ovs is not null, docker is not null);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _debouncer.Dispose();
        foreach (var w in _watchers)
        {
            try { await w.ConfigureAwait(false); }
            catch (OperationCanceledException) { }
        }
    }
}
