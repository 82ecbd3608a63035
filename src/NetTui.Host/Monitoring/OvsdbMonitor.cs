using NetTui.Core.Commands;

namespace NetTui.Host.Monitoring;

/// <summary>
/// Follows OVSDB changes with `ovsdb-client monitor` (one per table: this ovsdb-client takes
/// one table per call), on the columns NetTui shows, not on `statistics`, which ovs-vswitchd
/// rewrites every few seconds. Each update line is a change; the first dump of a connection is
/// one too after a reconnect (OVS came back). A monitor that ends (OVS down) is restarted after
/// a pause that grows to <see cref="MaxRetry"/>, so a host without OVS costs one try now and then.
/// </summary>
public sealed class OvsdbMonitor(IStreamingRunner runner, string? database, TimeSpan? firstRetry = null)
{
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(30);

    /// <summary>The tables and columns watched: what the Open vSwitch view and the inventory read.</summary>
    public static readonly IReadOnlyList<(string Table, string Columns)> Watched =
    [
        ("Bridge", "name,ports,datapath_type,fail_mode,external_ids,other_config"),
        ("Port", "name,interfaces,tag,trunks,vlan_mode,external_ids,other_config"),
        ("Interface", "name,type,options,error,ofport,admin_state,link_state,mtu,external_ids"),
    ];

    /// <summary>`ovsdb-client --format=json monitor [SERVER] Open_vSwitch TABLE COLUMNS` (outside the namespace: db.sock is a file).</summary>
    public static CommandSpec Command(string? database, string table, string columns) =>
        new CommandSpec("ovsdb-client",
            ["--format=json", "monitor", .. string.IsNullOrEmpty(database) ? Array.Empty<string>() : [database], "Open_vSwitch", table, columns],
            Timeout.InfiniteTimeSpan).OutsideNamespace();

    /// <summary>Runs until <paramref name="ct"/> is cancelled, calling <paramref name="onChange"/> for each change.</summary>
    public Task RunAsync(Action onChange, CancellationToken ct) =>
        Task.WhenAll(Watched.Select(w => WatchAsync(w.Table, w.Columns, onChange, ct)));

    private async Task WatchAsync(string table, string columns, Action onChange, CancellationToken ct)
    {
        var retry = firstRetry ?? FirstRetry;
        var connectedBefore = false;
        while (!ct.IsCancellationRequested)
        {
            var first = true;
            try
            {
                await runner.StreamAsync(Command(database, table, columns), line =>
                {
                    if (!line.StartsWith('{')) return; // ovsdb-client's own log lines on stdout, if any
                    // The first line is the table as it is: a change only when it follows a lost connection.
                    var change = !first || connectedBefore;
                    first = false;
                    connectedBefore = true;
                    retry = firstRetry ?? FirstRetry;
                    if (change) onChange();
                }, ct).ConfigureAwait(false);
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                // ovsdb-client missing or refused: OVS is read at start and on `r`; try again later.
            }
            try { await Task.Delay(retry, ct).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
            retry = TimeSpan.FromTicks(Math.Min(MaxRetry.Ticks, retry.Ticks * 2));
        }
    }
}
