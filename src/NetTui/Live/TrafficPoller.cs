using NetTui.Core.Traffic;
using NetTui.Host.Inventory.Traffic;
using NetTui.Presentation;
using Serilog;

namespace NetTui.Live;

/// <summary>
/// Reads counters about once a second while the traffic columns are on, and nothing while they
/// are off: one netlink dump (and one ovs-vsctl while OVS answers) per read, one read in
/// flight, each result handed to the UI thread as an immutable <see cref="TrafficView"/>.
/// </summary>
public sealed class TrafficPoller(TrafficReader reader, Action<Action> invoke, Action<TrafficView> show, ILogger log) : IAsyncDisposable
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    private CancellationTokenSource? _running;
    private Task _loop = Task.CompletedTask;

    public void SetRunning(bool on)
    {
        if (on && _running is null)
        {
            _running = new CancellationTokenSource();
            _loop = Task.Run(() => LoopAsync(_running.Token));
        }
        else if (!on && _running is { } cts)
        {
            cts.Cancel();
            _running = null;
        }
    }

    private async Task LoopAsync(CancellationToken ct)
    {
        var rates = new TrafficRates(TimeProvider.System);
        var includeOvs = true;
        using var timer = new PeriodicTimer(Period);
        try
        {
            do
            {
                var read = await reader.ReadAsync(includeOvs, ct).ConfigureAwait(false);
                if (read.OvsFailure is not null && includeOvs)
                {
                    log.Information("traffic: OVS statistics not read ({Reason}); links only from now", read.OvsFailure);
                    includeOvs = false; // down OVS is not asked every second; the next `v` asks again
                }
                if (read.LinksFailure is not null) log.Warning("traffic: link counters not read: {Reason}", read.LinksFailure);
                rates.Observe(read.Sources);
                var view = TrafficView.From(read.Sources, rates);
                if (!ct.IsCancellationRequested) invoke(() => { if (!ct.IsCancellationRequested) show(view); });
            }
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // turned off
        }
    }

    public async ValueTask DisposeAsync()
    {
        SetRunning(false);
        await _loop.ConfigureAwait(false);
    }
}
