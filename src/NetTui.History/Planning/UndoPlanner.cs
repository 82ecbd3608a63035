using System.Collections.Immutable;
using NetTui.History.Journaling;

namespace NetTui.History.Planning;

/// <summary>
/// Decides what undo, redo and rollback revert, from journal rows alone (pure, no I/O).
///
/// Model: every revert is a new change-set that runs the target's inverse steps; applying it
/// marks the target undone/rolled back. So:
/// <list type="bullet">
/// <item>undoable = applied change-sets of kind change or redo, newest first;</item>
/// <item>redoable = applied undo/rollback change-sets newer than the last real change (a new
/// change discards the redo stack, as in editors: redoing across it would re-apply onto a host
/// the old change never saw), newest first, i.e. the most recently undone comes back first;</item>
/// <item>a pending, half-expired or needs-repair change-set blocks everything (in any namespace): the host
/// state is unknown until it is finished or rolled back;</item>
/// <item>a <see cref="NamespaceScope"/> limits what is reverted to one namespace's change-sets.</item>
/// </list>
/// </summary>
public static class UndoPlanner
{
    /// <summary>"undo N": the last <paramref name="count"/> change-sets still in effect, newest first.</summary>
    public static UndoPlan PlanUndo(IEnumerable<ChangeSet> journal, int count, NamespaceScope? scope = null)
    {
        scope ??= NamespaceScope.All;
        if (count < 1) return UndoPlan.Refuse("the number of change-sets to undo must be at least 1");
        var rows = Newest(journal);
        if (Blocker(rows) is { } blocked) return UndoPlan.Refuse(blocked);

        var undoable = rows.Where(cs => scope.Includes(cs) && IsUndoable(cs)).ToList();
        if (undoable.Count == 0) return UndoPlan.Refuse("nothing to undo");
        if (undoable.Count < count)
            return UndoPlan.Refuse($"only {undoable.Count} change-set(s) can be undone, {count} requested");
        return UndoPlan.Of(undoable.Take(count).Select(cs => new PlannedRevert(cs, ChangeSetKind.Undo)));
    }

    /// <summary>
    /// "rollback --to ID": revert every change-set after <paramref name="id"/> still in effect,
    /// newest first, leaving the host as it was right after #ID. Id 0 means "the start".
    /// </summary>
    public static UndoPlan PlanRollbackTo(IEnumerable<ChangeSet> journal, long id, NamespaceScope? scope = null)
    {
        scope ??= NamespaceScope.All;
        var rows = Newest(journal);
        if (id != 0 && rows.All(cs => cs.Id != id)) return UndoPlan.Refuse($"there is no change-set #{id}");
        if (Blocker(rows) is { } blocked) return UndoPlan.Refuse(blocked);

        var targets = rows.Where(cs => cs.Id > id && scope.Includes(cs) && IsUndoable(cs)).ToList();
        return targets.Count == 0
            ? UndoPlan.Refuse(id == 0 ? "nothing to roll back" : $"nothing to roll back after #{id}")
            : UndoPlan.Of(targets.Select(cs => new PlannedRevert(cs, ChangeSetKind.Rollback)));
    }

    /// <summary>"rollback --to 14:02": revert every change-set created at or after <paramref name="since"/>, newest first.</summary>
    public static UndoPlan PlanRollbackSince(IEnumerable<ChangeSet> journal, DateTimeOffset since, NamespaceScope? scope = null)
    {
        scope ??= NamespaceScope.All;
        var rows = Newest(journal);
        if (Blocker(rows) is { } blocked) return UndoPlan.Refuse(blocked);

        var targets = rows.Where(cs => cs.CreatedAt >= since && scope.Includes(cs) && IsUndoable(cs)).ToList();
        return targets.Count == 0
            ? UndoPlan.Refuse($"nothing to roll back since {since.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC")
            : UndoPlan.Of(targets.Select(cs => new PlannedRevert(cs, ChangeSetKind.Rollback)));
    }

    /// <summary>"redo N": revert the last <paramref name="count"/> undo/rollback change-sets, most recent first.</summary>
    public static UndoPlan PlanRedo(IEnumerable<ChangeSet> journal, int count, NamespaceScope? scope = null)
    {
        scope ??= NamespaceScope.All;
        if (count < 1) return UndoPlan.Refuse("the number of change-sets to redo must be at least 1");
        var all = Newest(journal);
        if (Blocker(all) is { } blocked) return UndoPlan.Refuse(blocked);

        var rows = all.Where(scope.Includes).ToList();
        var lastChange = rows.FirstOrDefault(cs => cs.Kind == ChangeSetKind.Change && TookEffect(cs))?.Id ?? 0;
        var redoable = rows.Where(cs => cs.Id > lastChange && IsRedoable(cs)).ToList();
        if (redoable.Count == 0)
            return UndoPlan.Refuse(rows.Any(IsRedoable)
                ? $"nothing to redo: change-set #{lastChange} was made after the last undo"
                : "nothing to redo");
        if (redoable.Count < count)
            return UndoPlan.Refuse($"only {redoable.Count} change-set(s) can be redone, {count} requested");
        return UndoPlan.Of(redoable.Take(count).Select(cs => new PlannedRevert(cs, ChangeSetKind.Redo)));
    }

    /// <summary>
    /// The steps of the change-set that reverts <paramref name="target"/>: the inverses of its
    /// applied steps in reverse order, each carrying the forward step as its own inverse (so
    /// the revert can itself be reverted: that is redo). Null with a reason when a step has no inverse.
    /// Doctor fixes follow <see cref="DoctorUndo"/>: refused by name when a step is kept on undo.
    /// </summary>
    public static (ImmutableArray<PlannedStep> Steps, string? Refusal) InverseSteps(ChangeSetDetail target)
    {
        if (DoctorUndo.NotUndone(target) is { } kept) return ([], kept);
        var steps = ImmutableArray.CreateBuilder<PlannedStep>();
        foreach (var s in target.Steps.Where(s => s.Status == StepStatus.Applied).OrderByDescending(s => s.Seq))
        {
            // A Doctor command with no undo needs none (mkdir -p, ovs-vsctl init): it stays as it is (DoctorUndo).
            if (DoctorUndo.IsDoctorStep(s.Kind) && s.InverseKind is null) continue;
            if (s.InverseKind is null || s.InverseParametersJson is null)
                return ([], $"change-set #{target.ChangeSet.Id} step {s.Seq} ({s.Description}) cannot be reversed");
            steps.Add(new PlannedStep(
                s.InverseKind, s.InverseParametersJson, $"revert: {s.Description}",
                s.Kind, s.ParametersJson, s.AfterFacts));
        }
        return steps.Count == 0
            ? ([], $"change-set #{target.ChangeSet.Id} has no applied step to reverse")
            : (steps.ToImmutable(), null);
    }

    /// <summary>
    /// The repair of a change-set that needs it: the inverses of the steps whose undo failed,
    /// newest first, skipping those the host already shows as before them (<paramref name="backAsBefore"/>:
    /// their "before" facts read back equal, e.g. the daemon undid it on restart).
    /// </summary>
    public static (ImmutableArray<PlannedStep> Steps, string? Refusal) RepairSteps(ChangeSetDetail target, Func<JournalStep, bool> backAsBefore)
    {
        var steps = ImmutableArray.CreateBuilder<PlannedStep>();
        foreach (var s in target.Steps.Where(s => s.Status == StepStatus.UndoFailed).OrderByDescending(s => s.Seq))
        {
            if (backAsBefore(s)) continue;
            if (s.InverseKind is null || s.InverseParametersJson is null)
                return ([], $"change-set #{target.ChangeSet.Id} step {s.Seq} ({s.Description}) cannot be reversed: repair it by hand");
            steps.Add(new PlannedStep(s.InverseKind, s.InverseParametersJson, $"repair: {s.Description}", s.Kind, s.ParametersJson, s.BeforeFacts));
        }
        return (steps.ToImmutable(), null);
    }

    private static List<ChangeSet> Newest(IEnumerable<ChangeSet> journal) => journal.OrderByDescending(cs => cs.Id).ToList();

    private static bool IsUndoable(ChangeSet cs) =>
        cs.Status == ChangeSetStatus.Applied && cs.Kind is ChangeSetKind.Change or ChangeSetKind.Redo;

    private static bool IsRedoable(ChangeSet cs) =>
        cs.Status == ChangeSetStatus.Applied && cs.Kind is ChangeSetKind.Undo or ChangeSetKind.Rollback;

    // Failed change-sets were reversed by the executor: they changed nothing, so they do not end the redo stack.
    private static bool TookEffect(ChangeSet cs) => cs.Status is not (ChangeSetStatus.Failed or ChangeSetStatus.Pending or ChangeSetStatus.NeedsRepair);

    private static string? Blocker(List<ChangeSet> rows)
    {
        var open = rows.FirstOrDefault(cs => cs.Status is ChangeSetStatus.Pending or ChangeSetStatus.ConfirmPending or ChangeSetStatus.ConfirmExpired or ChangeSetStatus.NeedsRepair);
        return open?.Status switch
        {
            null => null,
            ChangeSetStatus.Pending => $"change-set #{open.Id} ({open.Summary}) is still pending (being applied, or left by a crashed run): finish or roll it back first",
            ChangeSetStatus.NeedsRepair => $"change-set #{open.Id} ({open.Summary}) needs repair: undoing it failed half-way (see `nettui history {open.Id}`); run `nettui rollback --pending` once the daemon is back",
            ChangeSetStatus.ConfirmPending => $"change-set #{open.Id} ({open.Summary}) awaits confirmation until {open.ConfirmDeadline?.UtcDateTime:HH:mm:ss} UTC: confirm it or let it roll back first",
            _ => $"change-set #{open.Id} ({open.Summary}) missed its confirmation deadline and is being rolled back",
        };
    }
}
