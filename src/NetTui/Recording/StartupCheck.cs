using NetTui.History.Journaling;
using NetTui.History.Planning;

namespace NetTui.Recording;

/// <summary>
/// What a starting nettui must say first: change-sets a crashed run (or a failed undo) left half-done, unconfirmed
/// changes whose watchdog died, and changes still counting down to their rollback.
/// </summary>
public static class StartupCheck
{
    public sealed record Findings(IReadOnlyList<string> Problems, IReadOnlyList<string> Notes)
    {
        /// <summary>The host may be half-changed: new changes must wait until it is rolled back.</summary>
        public bool Blocking => Problems.Count > 0;
    }

    public static async Task<Findings> InspectAsync(Journal journal, CancellationToken ct = default)
    {
        var report = await journal.InspectAtStartupAsync(ct).ConfigureAwait(false);
        var problems = new List<string>();
        foreach (var p in report.Abandoned)
        {
            var detail = await journal.GetAsync(p.ChangeSet.Id, ct).ConfigureAwait(false);
            var what = detail is null ? $"#{p.ChangeSet.Id} {p.ChangeSet.Summary}" : CrashRecovery.Analyse(detail).Describe();
            // Finishing is offered only where it is possible (PendingChange.FinishRefusal says why not).
            var finish = new PendingChange(p.ChangeSet, PendingReason.Abandoned, what).FinishRefusal is null ? " or `nettui finish` to complete it" : "";
            problems.Add($"change-set {what} ({p.Explanation}); run `nettui rollback --pending` to roll it back{finish}");
        }
        foreach (var cs in report.ExpiredWithoutWatchdog)
            problems.Add($"change-set #{cs.Id} {cs.Summary} was not confirmed by {cs.ConfirmDeadline?.UtcDateTime:HH:mm:ss} UTC and its watchdog is gone; run `nettui rollback --pending` to roll it back");
        foreach (var cs in report.NeedsRepair)
            problems.Add(NeedsRepairLine(cs));
        var notes = report.AwaitingConfirmation
            .Where(cs => !report.ExpiredWithoutWatchdog.Any(e => e.Id == cs.Id))
            .Select(cs => $"change-set #{cs.Id} {cs.Summary} will be rolled back at {cs.ConfirmDeadline?.UtcDateTime:HH:mm:ss} UTC unless you run `nettui confirm {cs.Id}`")
            .ToList();
        return new Findings(problems, notes);
    }

    /// <summary>One line: which change-set, that its undo failed, and the one command that retries it.</summary>
    public static string NeedsRepairLine(ChangeSet cs) =>
        $"change-set #{cs.Id} {cs.Summary} NEEDS REPAIR: it failed and undoing it failed too, the host is half-changed (`nettui history {cs.Id}`); " +
        "run `nettui rollback --pending` once the daemon is back";
}
