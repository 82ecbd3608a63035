using NetTui.Core.Commands;
using NetTui.Core.Operations;
using NetTui.History.Journaling;
using NetTui.Host.Changes;
using NetTui.Recording;

namespace NetTui.Tui;

/// <summary>
/// How the TUI's forms apply a change: through the history journal like the CLI verbs
/// (<see cref="JournaledChange"/>: crash check, apply lock, write-ahead change-set, optional
/// confirm timer with its detached watchdog), on a worker thread so the UI never waits.
/// Refusals come back as a Rejected report whose summary says why (the form's result line).
/// When the journal cannot be opened the change still applies, and its report says
/// "not journaled: why" (logged too); only a confirm timer needs the journal.
/// </summary>
public sealed class TuiChangePath(NetworkTarget target, Func<IChangeObserver?, ChangeExecutor> executor, Func<Journal> openJournal, Serilog.ILogger? log = null)
{
    /// <summary>A short wait: someone sits in front of the form. The refusal names who holds the lock.</summary>
    public static readonly TimeSpan DefaultLockWait = TimeSpan.FromSeconds(5);

    private readonly Serilog.ILogger _log = log ?? Serilog.Core.Logger.None;
    private readonly Lock _gate = new();
    private Journal? _journal;
    private (string Why, DateTimeOffset At)? _failed;

    /// <summary>After a failed open, how long until the journal is tried again (the countdown asks every second; the log must not).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    public NetworkTarget Target => target;
    public OperationContext Context { get; init; } = OperationContext.Default;
    /// <summary>--ovs-db, --docker-host, --log-file for the watchdog, as the TUI was started with.</summary>
    public IReadOnlyList<string> WatchdogOptions { get; init; } = [];
    public TimeSpan LockWait { get; init; } = DefaultLockWait;
    /// <summary>How the watchdog is started (the lab runs it as `dotnet nettui.dll`, since the test host is not nettui).</summary>
    public Func<string, long, IEnumerable<string>, int> StartWatchdog { get; init; } = WatchdogLauncher.Start;

    /// <summary>The journal, opened on first use (and tried again next time when it could not be); null with the reason.</summary>
    public (Journal? Journal, string? Why) Journal()
    {
        lock (_gate)
        {
            if (_journal is not null) return (_journal, null);
            if (_failed is { } f && DateTimeOffset.UtcNow - f.At < RetryAfter) return (null, f.Why);
            try
            {
                _journal = openJournal();
                _failed = null;
                return (_journal, null);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
            {
                _log.Warning(e, "history journal unavailable; TUI changes and Doctor fixes are not journaled");
                _failed = (e.Message, DateTimeOffset.UtcNow);
                return (null, e.Message);
            }
        }
    }

    /// <summary>Applies a form's operations (off the UI thread); with <paramref name="confirmWithin"/>, as a commit-confirmed change.</summary>
    public Task<ChangeReport> ApplyAsync(IReadOnlyList<Operation> ops, TimeSpan? confirmWithin = null, CancellationToken ct = default) =>
        Task.Run(() => ApplyCoreAsync(ops, confirmWithin, ct), ct);

    /// <summary>Null when this process may change the network; else why not (root or CAP_NET_ADMIN is needed).</summary>
    public Func<string?> MissingPrivilege { get; init; } = NetTui.Host.Commands.ChangePrivilege.Missing;

    private async Task<ChangeReport> ApplyCoreAsync(IReadOnlyList<Operation> ops, TimeSpan? confirmWithin, CancellationToken ct)
    {
        // Up front, like the CLI: nothing runs and nothing is journaled.
        if (MissingPrivilege() is { } unprivileged) return Rejected("not applied: " + unprivileged, []);
        var (journal, why) = Journal();
        if (journal is null)
        {
            if (confirmWithin is not null) return Rejected($"not applied: the confirm timer needs the history journal ({why})", []);
            var plain = await executor(null).ApplyAsync(ops, Context, new ApplyOptions(), ct).ConfigureAwait(false);
            _log.Warning("change not journaled ({Why}): {Summary}", why, plain.Summary);
            return plain with { Notes = plain.Notes.Add($"not journaled: {why}") };
        }

        var request = new JournaledChange.Request(target, ops, Context)
        {
            ConfirmWithin = confirmWithin,
            WatchdogOptions = WatchdogOptions,
            LockWait = LockWait,
            StartWatchdog = StartWatchdog,
        };
        var result = await JournaledChange.RunAsync(journal, request, o => executor(o), ct).ConfigureAwait(false);
        if (result.Refused)
        {
            _log.Warning("change refused: {Why}", string.Join("; ", result.Refusal));
            return Rejected("not applied: " + string.Join("; ", result.Refusal), result.Notes);
        }
        var report = result.Report!;
        var notes = new List<string>(result.Notes);
        if (result.ConfirmDeadline is { } deadline && report.Succeeded)
            notes.Add($"history #{result.ChangeSetId}: press c to keep it before {deadline.ToLocalTime():HH:mm:ss}, or it is rolled back");
        else if (result.ChangeSetId is { } id)
            notes.Add($"history #{id}");
        return report with { Notes = report.Notes.AddRange(notes) };
    }

    private ChangeReport Rejected(string summary, IReadOnlyList<string> notes) =>
        new(Guid.NewGuid(), target, ChangeOutcome.Rejected, summary, [], [], null, [], [], [], [.. notes], null, null);
}
