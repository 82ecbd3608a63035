using System.Collections.Immutable;
using NetTui.History.Journaling;

namespace NetTui.History.Planning;

/// <summary>What the host shows about the step a crashed run was in the middle of.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(NetTui.Core.Model.CamelCaseEnumConverter<InterruptedEffect>))]
public enum InterruptedEffect
{
    /// <summary>No step was interrupted (the crash came between two operations, or before the first).</summary>
    NoneInterrupted,
    /// <summary>Its objects are as its "before" facts say: it changed nothing; run it again.</summary>
    NotTaken,
    /// <summary>The host verifies as the step asked: it completed; only its journal row is missing.</summary>
    Taken,
    /// <summary>Something changed but it does not verify: half-done. Its inverse must run before it is run again.</summary>
    Partial,
}

/// <summary>
/// How to finish a change-set a crashed run left pending (pure; the host's answer comes in as
/// <see cref="InterruptedEffect"/>): which step to mark applied without running it (the
/// interrupted one that completed), which half-done step to take back first (with its recorded
/// inverse), and which steps to run, in their order. The alternative is
/// <see cref="CrashRecovery.RollbackSteps"/>.
/// </summary>
public sealed record FinishPlan(
    JournalStep? MarkApplied,
    JournalStep? CleanUpFirst,
    ImmutableArray<JournalStep> Run,
    string? Refusal)
{
    public bool CanProceed => Refusal is null;

    public static FinishPlan For(CrashRecovery recovery, InterruptedEffect effect)
    {
        var cs = recovery.ChangeSet.ChangeSet;
        if (cs.Kind != ChangeSetKind.Change)
            return Refuse($"#{cs.Id} is a {cs.Kind.ToText()} of #{cs.RevertsId}: roll it back (rollback --pending), or finish it by running {cs.Kind.ToText()} again after");
        var interrupted = recovery.Interrupted;
        if (interrupted is null && effect != InterruptedEffect.NoneInterrupted)
            throw new ArgumentException("no step was interrupted", nameof(effect));
        if (interrupted is not null && effect == InterruptedEffect.NoneInterrupted)
            throw new ArgumentException($"step {interrupted.Seq} was interrupted: say what the host shows", nameof(effect));

        if (effect == InterruptedEffect.Partial && (interrupted!.InverseKind is null || interrupted.InverseParametersJson is null))
            return Refuse($"#{cs.Id} step {interrupted.Seq} ({interrupted.Description}) is half-done and has no recorded inverse to take it back first: roll back instead");

        var rerun = effect is InterruptedEffect.NotTaken or InterruptedEffect.Partial ? [interrupted!] : Array.Empty<JournalStep>();
        var run = rerun.Concat(recovery.Remaining).OrderBy(s => s.Seq).ToImmutableArray();
        if (run.IsEmpty && effect != InterruptedEffect.Taken)
            return Refuse($"#{cs.Id} has no step left to run");
        return new FinishPlan(
            effect == InterruptedEffect.Taken ? interrupted : null,
            effect == InterruptedEffect.Partial ? interrupted : null,
            run, null);
    }

    private static FinishPlan Refuse(string why) => new(null, null, [], why);
}
