using NetTui.Core.Commands;

namespace NetTui.Host.Monitoring;

/// <summary>
/// Watches link, address and route events in the target namespace with a long-running
/// `ip monitor` and reports each event's kind. If the monitor dies it is restarted after a
/// pause, so a transient failure does not end live updates.
/// </summary>
public sealed class IpMonitor(IStreamingRunner runner, TimeSpan? restartDelay = null)
{
    public static readonly CommandSpec Command =
        new("ip", ["monitor", "label", "link", "address", "route"], Timeout.InfiniteTimeSpan);

    private readonly TimeSpan _restartDelay = restartDelay ?? TimeSpan.FromSeconds(2);

    /// <summary>Runs until <paramref name="ct"/> is cancelled, reporting each event's kind.</summary>
    public Task RunAsync(Action<NetlinkChange> onChange, CancellationToken ct) =>
        RunAsync((NetlinkEvent e) => onChange(e.Kind), ct);

    /// <summary>Runs until <paramref name="ct"/> is cancelled, reporting each event with the interface it names.</summary>
    public async Task RunAsync(Action<NetlinkEvent> onEvent, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await runner.StreamAsync(Command, line =>
                {
                    if (IpMonitorParser.Parse(line) is { } e) onEvent(e);
                }, ct).ConfigureAwait(false);
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                // ip missing or nsenter refused: periodic refreshes still run; try again later.
            }
            try { await Task.Delay(_restartDelay, ct).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
        }
    }
}
