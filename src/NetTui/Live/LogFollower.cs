using NetTui.Core.Logs;
using NetTui.Host.Logs;
using Serilog;

namespace NetTui.Live;

/// <summary>
/// Follows the daemons' logs while the Logs view is on screen, and reads nothing otherwise:
/// locates each log (off the UI thread), hands the sources to the UI, then follows them
/// (inotify for files, `journalctl -f` for the journal). Lines that arrive while the UI has
/// not yet taken the last batch are merged into one post, so a chatty daemon costs one redraw
/// per batch, not one per line.
/// </summary>
public sealed class LogFollower(DaemonLogLocator locator, DaemonLogs logs, Action<Action> invoke,
    Action<IReadOnlyList<LogLocation>> showSources, Action<IReadOnlyList<LogLine>> append, Action<string> problem, ILogger log) : IAsyncDisposable
{
    private readonly object _gate = new();
    private List<LogLine> _pending = [];
    private bool _posted;
    private CancellationTokenSource? _running;
    private Task _loop = Task.CompletedTask;

    public void SetRunning(bool on)
    {
        if (on && _running is null)
        {
            _running = new CancellationTokenSource();
            var ct = _running.Token;
            _loop = Task.Run(() => RunAsync(ct));
        }
        else if (!on && _running is { } cts)
        {
            cts.Cancel();
            _running = null;
        }
    }

    private async Task RunAsync(CancellationToken ct)
    {
        try
        {
            var sources = await locator.LocateAsync(ct).ConfigureAwait(false);
            foreach (var s in sources) log.Information("logs: {Daemon}: {Source}", s.Daemon.Program(), s.Describe());
            invoke(() => { if (!ct.IsCancellationRequested) showSources(sources); });
            await logs.FollowAsync(sources, lines => Queue(lines, ct),
                error => { log.Warning("logs: {Error}", error); invoke(() => problem("logs: " + error)); },
                ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // the view went off screen
        }
        catch (Exception e)
        {
            log.Error(e, "logs: following failed");
        }
    }

    private void Queue(IReadOnlyList<LogLine> lines, CancellationToken ct)
    {
        lock (_gate)
        {
            _pending.AddRange(lines);
            // The UI takes a batch per post; should it fall behind, what it keeps is bounded anyway.
            if (_pending.Count > LogBuffer.DefaultCapacity) _pending.RemoveRange(0, _pending.Count - LogBuffer.DefaultCapacity);
            if (_posted) return;
            _posted = true;
        }
        invoke(() =>
        {
            List<LogLine> batch;
            lock (_gate)
            {
                batch = _pending;
                _pending = [];
                _posted = false;
            }
            if (!ct.IsCancellationRequested) append(batch);
        });
    }

    public async ValueTask DisposeAsync()
    {
        SetRunning(false);
        await _loop.ConfigureAwait(false);
    }
}
