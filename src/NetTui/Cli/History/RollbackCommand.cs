using System.CommandLine;
using NetTui.Cli.Verbs;
using NetTui.History.Journaling;
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
            if (r.GetValue(pending)) return await PendingFlow.RunAsync(host, r, o, RecoveryAction.RollBack, null, ct).ConfigureAwait(false);

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
}
