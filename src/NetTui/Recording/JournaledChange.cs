using NetTui.Core.Commands;
using NetTui.Core.Operations;
using NetTui.History.Journaling;
using NetTui.History.Locking;
using NetTui.Host.Changes;

namespace NetTui.Recording;

/// <summary>
/// The journaled part of the one change path (Composition/HostChanges, used by the CLI verbs,
/// the TUI forms and the wizard alike): refuse while a crashed run left the host half-changed,
/// take the apply lock (waiting a while for another NetTui's change, then naming it), journal
/// the change-set as the executor applies it and, with a confirm timer, start the detached
/// watchdog that rolls it back unless it is confirmed in time. Prints nothing: refusals and
/// notes come back as data, each caller says them its own way.
/// </summary>
public static class JournaledChange
{
    /// <summary>What to apply, where, and how.</summary>
    public sealed record Request(NetworkTarget Target, IReadOnlyList<Operation> Operations, OperationContext Context)
    {
        /// <summary>Commit-confirmed: roll the change back unless it is confirmed within this time (null: a normal change).</summary>
        public TimeSpan? ConfirmWithin { get; init; }

        /// <summary>Options the watchdog needs to reach the same daemons (--ovs-db, --docker-host, --log-file); --netns is added from <see cref="Target"/>.</summary>
        public IReadOnlyList<string> WatchdogOptions { get; init; } = [];

        /// <summary>How long to wait for another NetTui process's change before giving up and naming it.</summary>
        public TimeSpan LockWait { get; init; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// NetworkManager checkpoints: with a confirm timer and every operation persisted through
        /// NetworkManager, a checkpoint backs the rollback too (<see cref="CommitCheckpoint"/>). Null: none.
        /// </summary>
        public INmCheckpoints? Checkpoints { get; init; }

        /// <summary>
        /// On systemd hosts, a second trigger of the rollback (history path, change-set id, the
        /// confirm window, options): <see cref="SystemdTimerTrigger"/>. Returns a note when it
        /// could not be set; null: none (no systemd).
        /// </summary>
        public Func<string, long, TimeSpan, IEnumerable<string>, Task<string?>>? SecondTrigger { get; init; }

        /// <summary>Starts the watchdog (history path, change-set id, options) and returns its pid; tests replace how nettui is found.</summary>
        public Func<string, long, IEnumerable<string>, int> StartWatchdog { get; init; } = WatchdogLauncher.Start;
    }

    /// <summary>
    /// The outcome. <see cref="Report"/> is null when the change was refused before anything ran;
    /// then <see cref="Refusal"/> says why, one sentence a line. <see cref="Notes"/> are worth
    /// saying either way (e.g. another change still counting down to its rollback).
    /// </summary>
    public sealed record Result(
        ChangeReport? Report, long? ChangeSetId, DateTimeOffset? ConfirmDeadline, int? WatchdogPid,
        IReadOnlyList<string> Notes, IReadOnlyList<string> Refusal)
    {
        public bool Refused => Report is null;

        internal static Result Refuse(IReadOnlyList<string> notes, params string[] why) => new(null, null, null, null, notes, why);
    }

    public const string HalfChanged = "the host may be half-changed; nothing was changed now";

    public static async Task<Result> RunAsync(Journal journal, Request request, Func<IChangeObserver, ChangeExecutor> executor, CancellationToken ct = default)
    {
        var findings = await StartupCheck.InspectAsync(journal, ct).ConfigureAwait(false);
        if (findings.Blocking) return Result.Refuse(findings.Notes, [.. findings.Problems, HalfChanged]);

        ApplyLock lease;
        try
        {
            lease = await journal.AcquireApplyLockAsync(string.Join("; ", request.Operations.Select(o => o.Describe())), request.LockWait, ct).ConfigureAwait(false);
        }
        catch (JournalLockedException e)
        {
            return Result.Refuse(findings.Notes, e.Message);
        }

        await using (lease.ConfigureAwait(false))
        {
            int? watchdog = null;
            var checkpoint = CommitCheckpoint.For(request.Checkpoints, request.Operations, request.ConfirmWithin);
            Func<long, CancellationToken, Task>? started = null;
            var triggerNotes = new List<string>();
            if (request.ConfirmWithin is not null)
                started = async (id, token) =>
                {
                    watchdog = request.StartWatchdog(journal.Database.Path, id, Forwarded(request));
                    await journal.SetWatchdogAsync(id, watchdog.Value, token).ConfigureAwait(false);
                    if (checkpoint is not null) await checkpoint.BeginAsync(journal, id, token).ConfigureAwait(false);
                    if (request.SecondTrigger is { } trigger && await trigger(journal.Database.Path, id, request.ConfirmWithin.Value, Forwarded(request)).ConfigureAwait(false) is { } note)
                        triggerNotes.Add(note);
                };
            var entry = new JournalEntry(null, request.Target.Namespace, ConfirmWithin: request.ConfirmWithin);
            var observer = new JournalObserver(journal, lease, entry, started);
            var report = await executor(observer).ApplyAsync(request.Operations, request.Context, new ApplyOptions(), ct).ConfigureAwait(false);
            IReadOnlyList<string> notes = checkpoint is null
                ? [.. findings.Notes, .. triggerNotes]
                : [.. findings.Notes, .. triggerNotes, .. await checkpoint.EndAsync(observer.ConfirmDeadline, journal.Time, CancellationToken.None).ConfigureAwait(false)];
            return new(report, observer.ChangeSetId, observer.ConfirmDeadline, watchdog, notes, []);
        }
    }

    /// <summary>The watchdog acts on the same namespace and daemons as this change.</summary>
    private static IEnumerable<string> Forwarded(Request request) =>
        request.Target.Namespace is { } ns ? ["--netns", ns, .. request.WatchdogOptions] : request.WatchdogOptions;
}
