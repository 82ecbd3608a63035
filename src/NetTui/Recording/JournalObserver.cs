using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.History.Facts;
using NetTui.History.Journaling;
using NetTui.History.Locking;
using NetTui.Host.Changes;

namespace NetTui.Recording;

/// <summary>
/// Journals one change-set as the executor applies it. One journal step per operation (its
/// JSON, its inverse's JSON, the facts of the objects it touches), written ahead of the first
/// command; the commands are recorded as each plan step ends, so a crash loses none of them;
/// the end records every step's outcome, the "after" facts and the change-set's status.
/// The caller holds <paramref name="lease"/> (the apply lock) around the whole executor call,
/// so the host is read, changed and verified by one change-set at a time.
/// </summary>
public sealed class JournalObserver(Journal journal, ApplyLock lease, JournalEntry entry, Func<long, CancellationToken, Task>? started = null) : IChangeObserver
{
    private ImmutableArray<Operation> _ops = [];
    private HostSnapshot? _before;
    private readonly Dictionary<int, int> _planLength = [];
    private int _stepsFinished;

    /// <summary>The journal id, once the change-set was written (null: nothing ran).</summary>
    public long? ChangeSetId { get; private set; }

    /// <summary>Set for a commit-confirmed change that was applied: when it will be rolled back unless confirmed.</summary>
    public DateTimeOffset? ConfirmDeadline { get; private set; }

    public async Task ChangeStartingAsync(ChangeStarting change, CancellationToken ct)
    {
        _ops = change.Operations;
        _before = change.Before;
        var steps = change.Operations.Select(o => new PlannedStep(o.Kind, OperationJson.Serialize(o), o.Describe())).ToList();
        var facts = SnapshotFacts.Extract(change.Before, TouchedObjects.Of(change.Operations, change.Before));
        var summary = entry.Summary ?? string.Join("; ", change.Operations.Select(o => o.Describe()));
        ChangeSetId = await journal.BeginChangeSetAsync(lease,
            new NewChangeSet(summary, change.Target.Namespace, entry.Kind, entry.RevertsId, facts), steps, ct).ConfigureAwait(false);
        // E.g. the commit-confirmed watchdog: started before any command, so it can clean up
        // even if this process dies while applying.
        if (started is not null) await started(ChangeSetId.Value, ct).ConfigureAwait(false);
    }

    public async Task OperationStartingAsync(OperationStarting operation, CancellationToken ct)
    {
        var id = Id;
        _planLength[operation.Index] = operation.Plan.Length;
        var inverse = operation.Inverse;
        var before = SnapshotFacts.Extract(operation.Before, TouchedObjects.Of(operation.Operation, operation.Before));
        await journal.SetStepPlanAsync(id, operation.Index + 1, inverse?.Kind, inverse is null ? null : OperationJson.Serialize(inverse), before, ct).ConfigureAwait(false);
        await journal.StartStepAsync(id, operation.Index + 1, ct).ConfigureAwait(false);
    }

    public async Task StepFinishedAsync(StepOutcome step, CancellationToken ct)
    {
        var id = Id;
        var now = journal.Time.GetUtcNow();
        foreach (var c in step.Commands)
            await journal.RecordCommandAsync(id, step.Operation + 1, CommandRecord.From(c, now - c.Elapsed), ct).ConfigureAwait(false);
        // The operation's last step done: mark it applied now, so crash recovery knows it needs reversing.
        if (step.Succeeded && _planLength.TryGetValue(step.Operation, out var n) && step.Step == n - 1)
            await journal.RecordStepAsync(id, step.Operation + 1, StepStatus.Applied, ct: ct).ConfigureAwait(false);
        await TestHooks.PauseAfterStepAsync(++_stepsFinished).ConfigureAwait(false);
    }

    public async Task StepUndoneAsync(StepOutcome undo, CancellationToken ct)
    {
        var now = journal.Time.GetUtcNow();
        foreach (var c in undo.Commands)
            await journal.RecordCommandAsync(Id, undo.Operation + 1, CommandRecord.From(c, now - c.Elapsed), ct).ConfigureAwait(false);
    }

    public async Task ChangeFinishedAsync(ChangeReport report, CancellationToken ct)
    {
        if (ChangeSetId is not { } id) return;
        var applied = report.Outcome is ChangeOutcome.Applied or ChangeOutcome.Unverified;
        for (var i = 0; i < _ops.Length; i++)
        {
            var (status, error) = applied ? (StepStatus.Applied, null) : StepEnd(report, i);
            var facts = report.After is null ? null : SnapshotFacts.Extract(report.After, TouchedObjects.Of([_ops[i]], _before, report.After));
            await journal.RecordStepAsync(id, i + 1, status, afterFacts: facts, error: error, ct: ct).ConfigureAwait(false);
        }

        var after = report.After is null ? null : SnapshotFacts.Extract(report.After, TouchedObjects.Of(_ops, _before, report.After));
        if (!applied)
            // Its own undo failed: the host is half-changed until `rollback --pending` repairs it.
            await journal.CompleteAsync(id, report.Outcome == ChangeOutcome.RollbackFailed ? ChangeSetStatus.NeedsRepair : ChangeSetStatus.Failed,
                after, report.Summary, ct).ConfigureAwait(false);
        else if (entry.ConfirmWithin is { } within)
        {
            // The admin's time to confirm counts from the end of the apply, not its start.
            ConfirmDeadline = journal.Time.GetUtcNow() + within;
            await journal.CompleteAwaitingConfirmationAsync(id, ConfirmDeadline.Value, after, ct).ConfigureAwait(false);
        }
        else
            await journal.CompleteAsync(id, ChangeSetStatus.Applied, after,
                report.Outcome == ChangeOutcome.Unverified ? report.Summary : null, ct).ConfigureAwait(false);
    }

    private long Id => ChangeSetId ?? throw new InvalidOperationException("the change-set was not started in the journal");

    /// <summary>How operation <paramref name="i"/> ended in a change that did not apply: the failed one, the undone ones, the ones never run.</summary>
    private static (StepStatus, string?) StepEnd(ChangeReport r, int i)
    {
        var op = r.Operations.FirstOrDefault(o => o.Index == i);
        if (op is null) return (StepStatus.Skipped, null);
        // Checked first: an operation whose undo failed may still be in effect, whether or not it was the one that failed.
        if (r.Outcome == ChangeOutcome.RollbackFailed && r.UndoFailures.FirstOrDefault(u => u.Operation == i) is { } undo)
            return (StepStatus.UndoFailed, $"{(r.FailedStep?.Operation == i ? r.FailedStep.Error + "; " : "")}undo failed: {undo.Description}: {undo.Error}");
        if (r.FailedStep?.Operation == i) return (StepStatus.Failed, r.FailedStep.Error);
        if (!op.Differences.IsEmpty) return (StepStatus.Failed, "did not verify: " + string.Join("; ", op.Differences));
        if (op.Steps.Any(s => s.Succeeded))
            return (StepStatus.Reverted, r.UndoFailures.FirstOrDefault(u => u.Operation == i) is { } u2 ? $"undo failed, the host read back as before: {u2.Error}" : null);
        return (StepStatus.Skipped, null);
    }
}
