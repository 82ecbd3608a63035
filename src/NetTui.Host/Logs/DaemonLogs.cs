using NetTui.Core.Commands;
using NetTui.Core.Logs;
using NetTui.Host.Monitoring;

namespace NetTui.Host.Logs;

/// <summary>
/// Follows every daemon's log where it was located: one <see cref="FileFollower"/> per file (a
/// syslog file shared by several daemons is followed once), one `journalctl -o json -f` for
/// the daemons in the journal. Lines arrive in batches on the thread pool; nothing blocks.
/// </summary>
public sealed class DaemonLogs(IStreamingRunner streams)
{
    /// <summary>Lines the journal gives from before following starts.</summary>
    public const int JournalBacklog = 500;

    /// <summary>`journalctl -o json -f -n N -t PROG ...`: the programs' entries, then new ones as they come.</summary>
    public static CommandSpec JournalCommand(IEnumerable<LogDaemon> daemons) =>
        new CommandSpec("journalctl",
            ["-o", "json", "--no-pager", "-n", JournalBacklog.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f",
             .. daemons.SelectMany(d => new[] { "-t", d.Program() })],
            Timeout.InfiniteTimeSpan).OutsideNamespace();

    /// <summary>Runs until <paramref name="ct"/> is cancelled; <paramref name="onError"/> gets one line when a follower stops on its own.</summary>
    public Task FollowAsync(IReadOnlyList<LogLocation> locations, Action<IReadOnlyList<LogLine>> onLines, Action<string> onError, CancellationToken ct)
    {
        var tasks = new List<Task>();
        foreach (var f in locations.OfType<LogLocation.File>())
        {
            var daemon = f.Daemon;
            tasks.Add(Guard(new FileFollower(f.Path, raw => LogLineParser.FileLine(daemon, raw)).RunAsync(onLines, ct), f.Path, onError));
        }
        foreach (var group in locations.OfType<LogLocation.Syslog>().GroupBy(s => s.Path))
        {
            var wanted = group.Select(s => s.Daemon).ToHashSet();
            var year = DateTime.UtcNow.Year;
            tasks.Add(Guard(new FileFollower(group.Key, raw => LogLineParser.SyslogLine(raw, year) is { } l && wanted.Contains(l.Daemon) ? l : null)
                .RunAsync(onLines, ct), group.Key, onError));
        }
        var journal = locations.OfType<LogLocation.Journal>().Select(j => j.Daemon).ToList();
        if (journal.Count > 0) tasks.Add(Guard(FollowJournalAsync(journal, onLines, ct), "the journal", onError));
        return Task.WhenAll(tasks);
    }

    private async Task FollowJournalAsync(IReadOnlyList<LogDaemon> daemons, Action<IReadOnlyList<LogLine>> onLines, CancellationToken ct)
    {
        var exit = await streams.StreamAsync(JournalCommand(daemons), raw =>
        {
            if (LogLineParser.JournalLine(raw) is { } line) onLines([line]);
        }, ct).ConfigureAwait(false);
        if (!ct.IsCancellationRequested) throw new IOException($"journalctl exited with {exit}");
    }

    private static async Task Guard(Task follow, string what, Action<string> onError)
    {
        try { await follow.ConfigureAwait(false); }
        catch (OperationCanceledException) { }
        catch (Exception e)
        {
            onError($"{what}: no longer followed ({e.Message})");
        }
    }
}
