using NetTui.Core.Operations;
using NetTui.History.Journaling;
using NetTui.History.Locking;
using NetTui.History.Planning;
using NetTui.Host.Changes;
using NetTui.Recording;

namespace NetTui.Tui;

/// <summary>
/// The History view over the real journal and host: plans with the journal's planner, previews
/// with the executor's dry run, and reverts through <see cref="RevertSequence"/> and
/// <see cref="PendingRecovery"/>, the same code as `nettui undo/redo/rollback`, under the apply
/// lock and journaled. <paramref name="access"/> is made per call (it owns NetworkManager
/// handlers that are disposed after).
/// </summary>
public sealed class JournalHistoryBackend(Journal journal, Func<HostAccess> access, NamespaceScope scope, TimeSpan lockWait, int limit = 200) : IHistoryBackend
{
    /// <summary>`nettui finish`: run the remaining steps of what crashed runs left pending (<see cref="PendingRecovery"/>).</summary>
    public Func<CancellationToken, Task<HistoryOutcome>>? FinishPending => ct => RecoverAsync(RecoveryAction.Finish, ct);

    public async Task<HistoryLoad> LoadAsync(CancellationToken ct = default)
    {
        var rows = await journal.ListAsync(limit, ct: ct).ConfigureAwait(false);
        var details = new List<ChangeSetDetail>(rows.Count);
        foreach (var cs in rows)
            if (await journal.GetAsync(cs.Id, ct).ConfigureAwait(false) is { } d) details.Add(d);
        return new HistoryLoad(details, await CrashedAsync(ct).ConfigureAwait(false), journal.Time.GetUtcNow());
    }

    /// <summary>What start-up finds left half-done, described as CrashRecovery does (steps applied, the interrupted one).</summary>
    private async Task<IReadOnlyList<string>> CrashedAsync(CancellationToken ct) =>
        [.. (await PendingRecovery.FindAsync(journal, ct).ConfigureAwait(false)).Select(p => p.Description)];

    private Task<UndoPlan> PlanAsync(HistoryRequest r, CancellationToken ct) => r.Action switch
    {
        HistoryAction.Undo => journal.PlanUndoAsync(1, scope, ct),
        HistoryAction.Redo => journal.PlanRedoAsync(1, scope, ct),
        _ => journal.PlanRollbackToAsync(r.ToId, scope, ct),
    };

    public async Task<RevertPreview> PreviewAsync(HistoryRequest request, CancellationToken ct = default)
    {
        var plan = await PlanAsync(request, ct).ConfigureAwait(false);
        if (!plan.CanProceed) return new(request, [], [], plan.Refusal ?? $"nothing to {request.Verb}");
        using var host = access();
        var lines = await RevertCommands.LinesAsync(journal, host, plan, ct).ConfigureAwait(false);
        return new(request, [.. plan.Reverts.Select(r => r.Target.Id)], lines, null);
    }

    public async Task<HistoryOutcome> RevertAsync(RevertPreview preview, bool force, CancellationToken ct = default)
    {
        ApplyLock lease;
        try { lease = await journal.AcquireApplyLockAsync(preview.Request.Verb, lockWait, ct).ConfigureAwait(false); }
        catch (JournalLockedException e) { return new(false, [e.Message]); }
        await using (lease.ConfigureAwait(false))
        {
            // Planned again under the lock: another nettui may have changed the journal while the plan was on screen.
            var plan = await PlanAsync(preview.Request, ct).ConfigureAwait(false);
            if (!plan.CanProceed) return new(false, [plan.Refusal ?? $"nothing to {preview.Request.Verb}"]);
            if (!plan.Reverts.Select(r => r.Target.Id).SequenceEqual(preview.Targets))
                return new(false, ["the history changed since this plan was shown; nothing was changed (look again)"]);

            using var host = access();
            var run = await RevertSequence.RunAsync(new Reverter(journal, host), lease, plan.Reverts,
                (_, _) => Task.FromResult(force), ct: ct).ConfigureAwait(false);
            var lines = run.Done.Select(d => run.Skipped.Contains(d.TargetId) ? "skipped: " + d.Message : d.Message).ToList();
            if (run.Drift is { } stop)
            {
                lines.Add($"the host changed since #{stop.Revert.Target.Id} ({stop.Revert.Target.Summary}); not reverted" +
                          (run.Done.Length > 0 ? $" (after {run.Done.Length} revert(s))" : " (nothing was changed)") + ":");
                lines.AddRange(stop.Differences.Select(d => $"  {d.Key}: expected {d.Expected}, actual {d.Actual ?? "(absent)"}"));
            }
            return new(run.Succeeded, lines, run.Drift);
        }
    }

    /// <summary>`nettui rollback --pending`: the same <see cref="PendingRecovery"/> run, under the apply lock.</summary>
    public Task<HistoryOutcome> RollBackPendingAsync(CancellationToken ct = default) => RecoverAsync(RecoveryAction.RollBack, ct);

    private async Task<HistoryOutcome> RecoverAsync(RecoveryAction action, CancellationToken ct)
    {
        using var host = access();
        var run = await new PendingRecovery(journal, host).RunAsync(action, lockWait, ct: ct).ConfigureAwait(false);
        if (run.Refusal is not null) return new(false, [run.Refusal]);
        if (run.Found.Count == 0) return new(true, ["nothing was left pending"]);
        return new(run.Succeeded, [.. run.Outcomes.Select(o => o.Message)]);
    }
}
