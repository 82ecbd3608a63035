using System.CommandLine;
using NetTui.Cli.Verbs;
using NetTui.History.Journaling;
using NetTui.History.Locking;
using NetTui.History.Storage;
using NetTui.Recording;

namespace NetTui.Cli.History;

/// <summary>
/// `nettui rollback --to ID|TIME`: revert everything after change-set ID (0 = all), or made at
/// or after TIME. `nettui rollback --pending`: take back what a crashed run (or a dead
/// commit-confirmed watchdog) left half-done.
/// </summary>
public static class RollbackCommand
{
    public static Command Create(ChangeHost host)
    {
        var cmd = new Command("rollback", "Roll back to a point in the history, or roll back what a crashed run left pending");
        var to = new Option<string?>("--to") { Description = "A change-set id (0 = the start) or a time (14:02, 2026-11-28 14:02)", HelpName = "ID|TIME" };
        var pending = new Option<bool>("--pending") { Description = "Roll back change-sets left pending by a crashed run, and unconfirmed ones whose watchdog died" };
        cmd.Add(to);
        cmd.Add(pending);
        var o = RevertOptions.AddTo(cmd);
        cmd.SetAction(async (r, ct) =>
        {
            var json = r.GetValue(o.Json);
            if (r.GetValue(pending) == (r.GetValue(to) is not null))
                return await HistorySupport.FailAsync(host, json, HistorySupport.Usage, "give either --to ID|TIME or --pending").ConfigureAwait(false);
            if (r.GetValue(pending)) return await RecoverAsync(host, r, o, ct).ConfigureAwait(false);

            var point = RollbackPoint.Parse(r.GetValue(to)!);
            if (point is null)
                return await HistorySupport.FailAsync(host, json, HistorySupport.Usage, $"--to: '{r.GetValue(to)}' is neither a change-set id nor a time").ConfigureAwait(false);
            return await RevertFlow.RunAsync(host, r, o, "rollback",
                (journal, scope, token) => point.Id is { } id
                    ? journal.PlanRollbackToAsync(id, scope, token)
                    : journal.PlanRollbackSinceAsync(point.Time!.Value, scope, token), ct).ConfigureAwait(false);
        });
        return cmd;
    }

    /// <summary>
    /// Crash recovery. No drift check: the "after" facts of a half-applied change are not known;
    /// the interrupted step is reversed only if the host shows it took effect.
    /// </summary>
    private static async Task<int> RecoverAsync(ChangeHost host, ParseResult r, RevertOptions o, CancellationToken ct)
    {
        var json = r.GetValue(o.Json);
        var journal = HistorySupport.OpenJournal(host, r);
        if (journal is null) return HistorySupport.Usage;

        ApplyLock lease;
        try { lease = await journal.AcquireApplyLockAsync("rollback --pending", host.LockWait, ct).ConfigureAwait(false); }
        catch (JournalLockedException e) { return await HistorySupport.FailAsync(host, json, HistorySupport.Refused, e.Message).ConfigureAwait(false); }

        await using (lease.ConfigureAwait(false))
        {
            var ids = await PendingRecovery.FindAsync(journal, ct).ConfigureAwait(false);
            if (ids.Count == 0)
            {
                if (json) await host.Out.WriteLineAsync(HistorySupport.Json(new { outcome = "done", exitCode = 0, reverted = Array.Empty<object>() })).ConfigureAwait(false);
                else await host.Out.WriteLineAsync("nothing was left pending").ConfigureAwait(false);
                return 0;
            }
            if (!json)
                foreach (var id in ids) await host.Out.WriteLineAsync($"rollback: #{id} {(await journal.GetAsync(id, ct).ConfigureAwait(false))?.ChangeSet.Summary}").ConfigureAwait(false);
            if (!r.GetValue(o.Yes))
            {
                if (json || host.Ask is null)
                    return await HistorySupport.FailAsync(host, json, HistorySupport.Usage, "not on a terminal: add --yes to roll back without asking").ConfigureAwait(false);
                if (!host.Ask($"roll back {ids.Count} change-set(s)?"))
                    return await HistorySupport.FailAsync(host, json, HistorySupport.Refused, "nothing was changed").ConfigureAwait(false);
            }

            using var access = HistorySupport.Access(host, r);
            var reverter = new Reverter(journal, access);
            var done = await PendingRecovery.RollBackAsync(journal, reverter, lease, ids, async outcome =>
            {
                if (!json) await (outcome.Succeeded ? host.Out : host.Err).WriteLineAsync(outcome.Succeeded ? outcome.Message : $"nettui: {outcome.Message}").ConfigureAwait(false);
            }, ct).ConfigureAwait(false);
            var ok = done.All(d => d.Succeeded);
            if (json)
                await host.Out.WriteLineAsync(HistorySupport.Json(new
                {
                    outcome = ok ? "done" : "failed",
                    exitCode = ok ? 0 : HistorySupport.Refused,
                    reverted = done.Select(d => new { target = d.TargetId, changeSet = d.RevertId, succeeded = d.Succeeded, message = d.Message }),
                })).ConfigureAwait(false);
            return ok ? 0 : HistorySupport.Refused;
        }
    }
}
