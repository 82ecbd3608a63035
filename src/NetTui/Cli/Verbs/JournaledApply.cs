using NetTui.Core.Commands;
using NetTui.Core.Operations;
using NetTui.History.Journaling;
using NetTui.History.Locking;
using NetTui.Host.Changes;
using NetTui.Recording;

namespace NetTui.Cli.Verbs;

/// <summary>
/// The journaled path of a change verb: refuse while a crashed run left the host half-changed,
/// take the apply lock (waiting for another NetTui's change, then naming it), journal the
/// change-set as the executor applies it and, with --confirm-within, start the watchdog that
/// rolls it back unless it is confirmed in time.
/// </summary>
internal static class JournaledApply
{
    public sealed record Result(ChangeReport? Report, long? ChangeSetId, DateTimeOffset? ConfirmDeadline, int? WatchdogPid, int RefusalExitCode = 0);

    public static async Task<Result> RunAsync(
        ChangeHost host, System.CommandLine.ParseResult r, Journal journal, NetworkTarget target, IReadOnlyList<Operation> ops, OperationContext ctx,
        int? confirmWithin, Func<IChangeObserver, ChangeExecutor> executor, CancellationToken ct)
    {
        var findings = await StartupCheck.InspectAsync(journal, ct).ConfigureAwait(false);
        foreach (var note in findings.Notes) await host.Err.WriteLineAsync($"note: {note}").ConfigureAwait(false);
        if (findings.Blocking)
        {
            foreach (var p in findings.Problems) await host.Err.WriteLineAsync($"nettui: {p}").ConfigureAwait(false);
            await host.Err.WriteLineAsync("nettui: the host may be half-changed; nothing was changed now").ConfigureAwait(false);
            return new(null, null, null, null, 1);
        }

        ApplyLock lease;
        try { lease = await journal.AcquireApplyLockAsync(string.Join("; ", ops.Select(o => o.Describe())), host.LockWait, ct).ConfigureAwait(false); }
        catch (JournalLockedException e)
        {
            await host.Err.WriteLineAsync($"nettui: {e.Message}").ConfigureAwait(false);
            return new(null, null, null, null, 1);
        }

        await using (lease.ConfigureAwait(false))
        {
            int? watchdog = null;
            var checkpoint = CommitCheckpoint.For(host, ops, confirmWithin);
            Func<long, CancellationToken, Task>? started = null;
            if (confirmWithin is not null)
                started = async (id, token) =>
                {
                    watchdog = WatchdogLauncher.Start(journal.Database.Path, id, Forwarded(host, r, target));
                    await journal.SetWatchdogAsync(id, watchdog.Value, token).ConfigureAwait(false);
                    if (checkpoint is not null) await checkpoint.BeginAsync(journal, id, token).ConfigureAwait(false);
                };
            var entry = new JournalEntry(null, target.Namespace, ConfirmWithin: confirmWithin is { } s ? TimeSpan.FromSeconds(s) : null);
            var observer = new JournalObserver(journal, lease, entry, started);
            var report = await executor(observer).ApplyAsync(ops, ctx, new ApplyOptions(), ct).ConfigureAwait(false);
            if (checkpoint is not null)
                foreach (var note in await checkpoint.EndAsync(observer.ConfirmDeadline, journal.Time, CancellationToken.None).ConfigureAwait(false))
                    await host.Err.WriteLineAsync($"note: {note}").ConfigureAwait(false);
            return new(report, observer.ChangeSetId, observer.ConfirmDeadline, watchdog);
        }
    }

    /// <summary>The watchdog acts on the same namespace and daemons as this change.</summary>
    private static IEnumerable<string> Forwarded(ChangeHost host, System.CommandLine.ParseResult r, NetworkTarget target) =>
        target.Namespace is { } ns ? ["--netns", ns, .. host.ForwardedOptions(r)] : host.ForwardedOptions(r);
}
