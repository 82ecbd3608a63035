using System.Collections.Immutable;
using NetTui.History.Journaling;

namespace NetTui.History.Planning;

/// <summary>
/// Where an abandoned change-set stopped, for the "finish or roll back?" question at start-up.
/// <see cref="Interrupted"/> is the step that had started but not ended when the writer died:
/// it may be half-applied, so the executor compares the host with its before facts to decide
/// whether its inverse is needed (roll back) or whether to run it again (finish).
/// </summary>
public sealed record CrashRecovery(
    ChangeSetDetail ChangeSet,
    ImmutableArray<JournalStep> Applied,
    JournalStep? Interrupted,
    ImmutableArray<JournalStep> Remaining)
{
    public static CrashRecovery Analyse(ChangeSetDetail detail)
    {
        var applied = detail.Steps.Where(s => s.Status == StepStatus.Applied).ToImmutableArray();
        var open = detail.Steps.Where(s => s.Status == StepStatus.Pending).OrderBy(s => s.Seq).ToList();
        var interrupted = open.FirstOrDefault(s => s.StartedAt is not null);
        var remaining = open.Where(s => s != interrupted).ToImmutableArray();
        return new CrashRecovery(detail, applied, interrupted, remaining);
    }

    /// <summary>One line for the admin: what was done and what was not.</summary>
    public string Describe()
    {
        var cs = ChangeSet.ChangeSet;
        var parts = new List<string> { $"#{cs.Id} {cs.Summary}: {Applied.Length} of {ChangeSet.Steps.Length} step(s) applied" };
        if (Interrupted is not null) parts.Add($"step {Interrupted.Seq} ({Interrupted.Description}) was interrupted and may be half-done");
        if (!Remaining.IsEmpty) parts.Add($"{Remaining.Length} step(s) not started");
        return string.Join("; ", parts);
    }

    /// <summary>
    /// Steps that roll it back: the interrupted step's inverse first when
    /// <paramref name="interruptedTookEffect"/> (the executor's drift check says it did), then
    /// the inverses of the applied steps, newest first.
    /// </summary>
    public (ImmutableArray<PlannedStep> Steps, string? Refusal) RollbackSteps(bool interruptedTookEffect)
    {
        var steps = ChangeSet.Steps
            .Where(s => s.Status == StepStatus.Applied || (interruptedTookEffect && s == Interrupted))
            .Select(s => s with { Status = StepStatus.Applied })
            .ToImmutableArray();
        return UndoPlanner.InverseSteps(ChangeSet with { Steps = steps });
    }
}
