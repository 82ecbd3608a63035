using NetTui.Cli.Json;
using System.CommandLine;
using NetTui.Cli.Verbs;
using NetTui.Recording;

namespace NetTui.Cli.History;

/// <summary>
/// `nettui finish` and `nettui rollback --pending`: list what a crashed run left pending, ask
/// (or --yes), then <see cref="PendingRecovery"/> does the work under the apply lock. Output
/// and exit codes as the other history verbs (0 done or nothing to do, 1 refused or failed,
/// 2 usage / nobody to ask).
/// </summary>
internal static class PendingFlow
{
    public static async Task<int> RunAsync(ChangeHost host, ParseResult r, RevertOptions o, RecoveryAction action, long? only, CancellationToken ct)
    {
        var json = r.GetValue(o.Json);
        var journal = HistorySupport.OpenJournal(host, r);
        if (journal is null) return HistorySupport.Usage;
        var verb = action == RecoveryAction.Finish ? "finish" : "rollback";
        var noOneToAsk = false;

        using var access = HistorySupport.Access(host, r);
        var run = await new PendingRecovery(journal, access).RunAsync(action, host.LockWait, async found =>
        {
            if (!json)
                foreach (var p in found) await host.Out.WriteLineAsync($"{verb}: {p.Description}").ConfigureAwait(false);
            if (r.GetValue(o.Yes)) return true;
            if (json || host.Ask is null) { noOneToAsk = true; return false; }
            return host.Ask($"{verb} {found.Count} change-set(s)?");
        }, only, ct).ConfigureAwait(false);

        if (noOneToAsk)
            return await HistorySupport.FailAsync(host, json, HistorySupport.Usage, $"not on a terminal: add --yes to {verb} without asking").ConfigureAwait(false);
        if (run.Refusal is not null)
            return await HistorySupport.FailAsync(host, json, HistorySupport.Refused, run.Refusal).ConfigureAwait(false);
        if (run.Found.Count == 0 && !json)
            await host.Out.WriteLineAsync("nothing was left pending").ConfigureAwait(false);
        if (!json)
            foreach (var d in run.Outcomes)
                await (d.Succeeded ? host.Out : host.Err).WriteLineAsync(d.Succeeded ? d.Message : $"nettui: {d.Message}").ConfigureAwait(false);
        var code = run.Succeeded ? 0 : HistorySupport.Refused;
        if (json)
            await host.Out.WriteLineAsync(HistorySupport.Json(new PendingDocument(
                run.Succeeded ? "done" : "failed",
                code,
                // "reverted" for rollback --pending (as before), "finished" for finish.
                Reverted: action == RecoveryAction.RollBack ? Rows(run) : null,
                Finished: action == RecoveryAction.Finish ? Rows(run) : null))).ConfigureAwait(false);
        return code;
    }

    private static List<PendingRow> Rows(RecoveryRun run) =>
        [.. run.Outcomes.Select(d => new PendingRow(d.TargetId, d.ChangeSetId, d.Succeeded, d.Message))];
}
