using System.Collections.Immutable;
using System.Text.Json;
using NetTui.Core.Operations;
using NetTui.Core.Persisting;
using NetTui.History.Facts;
using NetTui.History.Journaling;
using NetTui.History.Locking;
using NetTui.History.Planning;
using NetTui.Host.Changes;

namespace NetTui.Recording;

/// <summary>How one revert went: the change-set it reverted, the new change-set that did it, and what to tell the admin.
/// <see cref="NotUndone"/>: a Doctor fix that undo does not take back (History's DoctorUndo): undo refuses it, rollback skips it.</summary>
public sealed record RevertOutcome(long TargetId, long? RevertId, bool Succeeded, string Message, ChangeReport? Report = null, bool NotUndone = false);

/// <summary>
/// Runs the inverse of journaled change-sets through the executor, each journaled as a new
/// change-set (undo, redo or rollback) that names the one it reverts; completing it marks that
/// one undone or rolled back. Also takes back what a crashed run or an unconfirmed
/// commit-confirmed change left. Every method needs the apply lock, held by the caller.
///
/// Persistence (issue: NetworkManager profiles / OVSDB rows): a persisted change is journaled
/// with its persistence operations as steps, so their inverses run here like any other step;
/// nothing in this class needs to change when they land.
/// </summary>
public sealed class Reverter(Journal journal, HostAccess host)
{
    /// <summary>
    /// --runtime-only: persisted steps revert only their runtime side (NetworkManager down, the
    /// admin accepts that the profile stays and decides the object at boot). Said in the outcome.
    /// </summary>
    public bool RuntimeOnly { get; init; }

    /// <summary>What differs between the host now and the facts <paramref name="revert"/>'s target left behind.</summary>
    public async Task<ImmutableArray<FactDifference>> DriftAsync(PlannedRevert revert, CancellationToken ct = default)
    {
        if (revert.ExpectedFacts.Count == 0) return [];
        var now = await host.Inventory(revert.Target.Namespace).ReadAsync(ct: ct).ConfigureAwait(false);
        return SnapshotFacts.Drift(revert.ExpectedFacts, now);
    }

    public async Task<RevertOutcome> RevertAsync(ApplyLock lease, PlannedRevert revert, CancellationToken ct = default)
    {
        var detail = await journal.GetAsync(revert.Target.Id, ct).ConfigureAwait(false);
        if (detail is null) return new(revert.Target.Id, null, false, $"change-set #{revert.Target.Id} no longer exists");
        if (DoctorUndo.NotUndone(detail) is { } kept) return new(revert.Target.Id, null, false, kept, NotUndone: true);
        var (steps, why) = UndoPlanner.InverseSteps(detail);
        // A Doctor fix with nothing to take back (ovs-vsctl init alone) is not undone either: rollback goes past it.
        if (why is not null) return new(revert.Target.Id, null, false, DoctorUndo.IsDoctorFix(detail) ? $"Doctor fix #{revert.Target.Id}: nothing to undo" : why,
            NotUndone: DoctorUndo.IsDoctorFix(detail));
        var outcome = await RunAsync(lease, revert.Target.Id, steps,
            new JournalEntry(SummaryOf(revert), revert.Target.Namespace, revert.RevertKind, revert.Target.Id), ct).ConfigureAwait(false);
        var left = DoctorUndo.LeftAsTheyAre(detail).Select(s => s.Description).ToList();
        return outcome.Succeeded && left.Count > 0 ? outcome with { Message = $"{outcome.Message} (left as they are: {string.Join("; ", left)})" } : outcome;
    }

    /// <summary>
    /// "undo #4: create bridge br0", "redo #4: create bridge br0": the change itself, not a
    /// chain ("redo #4: undo #4: create ..."), however often it went back and forth.
    /// </summary>
    public static string SummaryOf(PlannedRevert revert)
    {
        var what = System.Text.RegularExpressions.Regex.Replace(revert.Target.Summary, @"^((undo|redo|rollback) #\d+( \([^)]*\))?: )+", "");
        return revert.RevertKind switch
        {
            ChangeSetKind.Redo => $"redo #{revert.Target.RevertsId}: {what}",
            ChangeSetKind.Rollback => $"rollback #{revert.Target.Id}: {what}",
            _ => $"undo #{revert.Target.Id}: {what}",
        };
    }

    /// <summary>
    /// Rolls back a change-set a crashed run left pending: the steps it applied, and the one it
    /// was in the middle of if the host shows it took effect (its objects differ from its
    /// "before" facts). Nothing applied: it is simply marked rolled back.
    /// </summary>
    public async Task<RevertOutcome> RecoverAsync(ApplyLock lease, long pendingId, CancellationToken ct = default)
    {
        await journal.AdoptAsync(lease, pendingId, ct).ConfigureAwait(false);
        var detail = await journal.GetAsync(pendingId, ct).ConfigureAwait(false)
                     ?? throw new InvalidOperationException($"change-set #{pendingId} does not exist");
        var recovery = CrashRecovery.Analyse(detail);
        var tookEffect = false;
        if (recovery.Interrupted is { } step)
        {
            // No facts (a file edit): assume it may have taken effect; its inverse restores the previous text.
            var now = await host.Inventory(detail.ChangeSet.Namespace).ReadAsync(ct: ct).ConfigureAwait(false);
            tookEffect = step.BeforeFacts.Count == 0 || !SnapshotFacts.Drift(step.BeforeFacts, now).IsEmpty;
        }
        var (steps, why) = recovery.RollbackSteps(tookEffect);
        if (steps.IsEmpty)
        {
            await journal.MarkRolledBackAsync(pendingId, ct).ConfigureAwait(false);
            return new(pendingId, null, true, $"#{pendingId}: nothing had taken effect ({why}); marked rolled back");
        }
        return await RunAsync(lease, pendingId, steps,
            new JournalEntry($"rollback #{pendingId} (left pending by a crash): {detail.ChangeSet.Summary}", detail.ChangeSet.Namespace,
                ChangeSetKind.Rollback, pendingId), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Repairs a change-set whose own undo failed (<see cref="ChangeSetStatus.NeedsRepair"/>):
    /// the host is compared with the facts recorded before the change; the steps whose undo
    /// failed and whose objects still differ from before are reverted again (journaled as a
    /// rollback of it). Says what still differs from before, read back, never a guess.
    /// </summary>
    public async Task<RevertOutcome> RepairAsync(ApplyLock lease, long id, CancellationToken ct = default)
    {
        var detail = await journal.GetAsync(id, ct).ConfigureAwait(false);
        if (detail is null) return new(id, null, false, $"change-set #{id} does not exist");
        var cs = detail.ChangeSet;
        var now = await host.Inventory(cs.Namespace).ReadAsync(ct: ct).ConfigureAwait(false);
        // Facts read from a source that does not answer say "absent": that is no proof the objects are gone.
        if (Unreadable(detail, now) is { } blind) return new(id, null, false, $"repair #{id}: {blind}; start it, then run `nettui rollback --pending` again");
        var (steps, why) = UndoPlanner.RepairSteps(detail, s => s.BeforeFacts.Count > 0 && SnapshotFacts.Drift(s.BeforeFacts, now).IsEmpty);
        if (why is not null) return new(id, null, false, $"repair #{id}: {why}");
        if (steps.IsEmpty)
        {
            await journal.MarkRolledBackAsync(id, ct).ConfigureAwait(false);
            return new(id, null, true, $"repair #{id}: {StillDifferent(cs, now) ?? "read back, the host is as it was before it"}; marked rolled back");
        }
        var outcome = await RunAsync(lease, id, steps, new JournalEntry($"repair #{id}: {cs.Summary}", cs.Namespace, ChangeSetKind.Rollback, id), ct).ConfigureAwait(false);
        if (!outcome.Succeeded || outcome.Report?.After is not { } after) return outcome;
        return outcome with { Message = $"{outcome.Message}; {StillDifferent(cs, after) ?? "read back, the host is as it was before it"}" };
    }

    /// <summary>Why the objects of the failed undo steps cannot be read now (null: they can).</summary>
    private static string? Unreadable(ChangeSetDetail detail, Core.Model.HostSnapshot now)
    {
        var kinds = detail.Steps.Where(s => s.Status == StepStatus.UndoFailed)
            .SelectMany(s => s.BeforeFacts.Keys).Select(FactObject.FromKey).OfType<FactObject>().Select(o => o.Kind).ToHashSet();
        if (now.Source(Core.Model.SourceKind.IpRoute2) is { Available: false } ip) return $"the kernel's network configuration cannot be read ({ip.Reason})";
        if (kinds.Overlaps([FactObjectKind.OvsBridge, FactObjectKind.OvsPort, FactObjectKind.OvsInterface])
            && now.Source(Core.Model.SourceKind.Ovs) is { Available: false } ovs)
            return $"Open vSwitch cannot be read ({ovs.Reason}): ovsdb-server and ovs-vswitchd must run";
        return null;
    }

    /// <summary>What the host shows that differs from the facts recorded before <paramref name="cs"/> (null: nothing).</summary>
    private static string? StillDifferent(ChangeSet cs, Core.Model.HostSnapshot now) =>
        SnapshotFacts.Drift(cs.BeforeFacts, now) is { IsEmpty: false } drift
            ? $"read back, still different from before: {string.Join("; ", drift)}"
            : null;

    /// <summary>
    /// Rolls back a commit-confirmed change that was not confirmed in time. The caller (the
    /// watchdog, or a restart after the watchdog died) may find it still confirm_pending past its
    /// deadline: it claims it first, so a late confirm and this rollback never both win.
    /// Drift is no reason to refuse here: the point is to restore connectivity.
    /// </summary>
    public async Task<RevertOutcome> RollBackUnconfirmedAsync(ApplyLock lease, long id, CancellationToken ct = default)
    {
        var cs = (await journal.GetAsync(id, ct).ConfigureAwait(false))?.ChangeSet;
        if (cs is null) return new(id, null, false, $"change-set #{id} does not exist");
        if (cs.Status == ChangeSetStatus.ConfirmPending && !await journal.TryClaimExpiredAsync(id, ct).ConfigureAwait(false))
            return new(id, null, true, $"#{id} was confirmed (or is not yet due); left in place");
        if (cs.NmCheckpoint is { } checkpoint && host.Checkpoints is { } nm
            && cs.Status is ChangeSetStatus.Pending or ChangeSetStatus.ConfirmPending or ChangeSetStatus.ConfirmExpired
            && await RollBackCheckpointAsync(cs, checkpoint, nm, ct).ConfigureAwait(false) is { } done)
            return done;
        if (cs.Status == ChangeSetStatus.Pending)
            return await RecoverAsync(lease, id, ct).ConfigureAwait(false);
        if (cs.Status is not (ChangeSetStatus.ConfirmPending or ChangeSetStatus.ConfirmExpired))
            return new(id, null, true, $"#{id} is {cs.Status.ToText()}; nothing to roll back");
        return await RevertAsync(lease, new PlannedRevert(cs, ChangeSetKind.Rollback), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// A change of NM-managed profiles backed by a NetworkManager checkpoint: NetworkManager
    /// rolls it back (devices restored, the profiles it added deleted), which also works when the
    /// change was cut off half-way. If that fails but the host is back as it was anyway
    /// (NetworkManager's own timer was first), it is recorded as rolled back too. Null: neither,
    /// so the journal's inverse steps run as for any change.
    /// </summary>
    private async Task<RevertOutcome?> RollBackCheckpointAsync(ChangeSet cs, string checkpoint, INmCheckpoints nm, CancellationToken ct)
    {
        var failure = await nm.RollbackAsync(checkpoint, ct).ConfigureAwait(false);
        if (failure is not null)
        {
            if (cs.BeforeFacts.Count == 0) return null;
            var now = await host.Inventory(cs.Namespace).ReadAsync(ct: ct).ConfigureAwait(false);
            if (!SnapshotFacts.Drift(cs.BeforeFacts, now).IsEmpty) return null;
        }
        await journal.MarkRolledBackAsync(cs.Id, ct).ConfigureAwait(false);
        return new(cs.Id, null, true, failure is null
            ? $"#{cs.Id}: rolled back by NetworkManager (checkpoint {checkpoint})"
            : $"#{cs.Id}: NetworkManager had already rolled it back ({failure})");
    }

    /// <summary>
    /// The watchdog's last resort (ConfirmWatchdog's "from memory"): the journal cannot be
    /// written, so the inverse of the change-set as last read runs unjournaled, without the
    /// apply lock (its file may be on the same broken disk); recording it is tried afterwards.
    /// A host put back matters more than a journal that says so.
    /// </summary>
    public async Task<RevertOutcome> RollBackFromMemoryAsync(ChangeSetDetail known, CancellationToken ct = default)
    {
        var id = known.ChangeSet.Id;
        var (steps, why) = UndoPlanner.InverseSteps(known);
        if (why is not null) return new(id, null, false, $"#{id}: {why}");
        var (ops, unreadable) = ReadOperations(id, steps);
        if (unreadable is not null) return new(id, null, false, unreadable);
        var report = await host.Executor(known.ChangeSet.Namespace, new Unjournaled()).ApplyAsync(ops, host.Context, ct: ct).ConfigureAwait(false);
        string recorded;
        try
        {
            if (report.Outcome == ChangeOutcome.Applied) await journal.MarkRolledBackAsync(id, ct).ConfigureAwait(false);
            recorded = "recorded in the journal afterwards";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            recorded = $"NOT recorded in the journal ({e.Message})";
        }
        return new(id, null, report.Outcome == ChangeOutcome.Applied, $"rollback #{id} without the journal: {report.Summary}; {recorded}", report);
    }

    private sealed class Unjournaled : IChangeObserver;

    /// <summary>The operations of journaled steps (with --runtime-only applied), or the one line saying which step cannot be read back.</summary>
    private (List<Operation> Ops, string? Error) ReadOperations(long targetId, IReadOnlyList<PlannedStep> steps)
    {
        var ops = new List<Operation>();
        foreach (var s in steps)
        {
            Operation? op;
            try { op = OperationJson.Deserialize(s.ParametersJson); }
            catch (JsonException e) { return ([], $"#{targetId}: step \"{s.Description}\" cannot be read back ({e.Message})"); }
            if (op is null) return ([], $"#{targetId}: step \"{s.Description}\" is empty in the journal");
            ops.Add(RuntimeOnly && op is PersistedOperation { RuntimeOnly: false } persisted ? persisted with { RuntimeOnly = true } : op);
        }
        return (ops, null);
    }

    private async Task<RevertOutcome> RunAsync(ApplyLock lease, long targetId, IReadOnlyList<PlannedStep> steps, JournalEntry entry, CancellationToken ct)
    {
        // A Doctor fix's steps are commands, not operations: replayed through the command runner.
        if (steps.Count > 0 && steps.All(s => DoctorUndo.IsDoctorStep(s.Kind)))
            return await DoctorReplay.RunAsync(journal, lease, host.Runner(entry.Namespace), targetId, steps, entry, ct).ConfigureAwait(false);
        var (ops, unreadable) = ReadOperations(targetId, steps);
        if (unreadable is not null) return new(targetId, null, false, unreadable);

        var observer = new JournalObserver(journal, lease, entry);
        var report = await host.Executor(entry.Namespace, observer).ApplyAsync(ops, host.Context, ct: ct).ConfigureAwait(false);
        var ok = report.Outcome == ChangeOutcome.Applied;
        var what = entry.Summary ?? $"revert #{targetId}";
        if (ok && RuntimeOnly && ops.Any(o => o is PersistedOperation))
            what += " (runtime side only: its NetworkManager profiles stay on disk and decide at boot)";
        var message = ok
            ? $"{what}: done as #{observer.ChangeSetId}"
            : report.Outcome == ChangeOutcome.Rejected
                ? $"{what}: refused, nothing was changed: {string.Join("; ", report.Errors)}"
                : $"{what}: failed{(observer.ChangeSetId is { } id ? $" (#{id})" : "")}: {report.Summary}";
        return new(targetId, observer.ChangeSetId, ok, message, report);
    }
}
