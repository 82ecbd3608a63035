using NetTui.History.Facts;
using NetTui.History.Journaling;
using NetTui.Host.Changes;

namespace NetTui.Recording;

/// <summary>
/// Journals the finishing of a change-set a crashed run left pending into that same change-set
/// (not a new one): executor operation i is journal step <c>Steps[i].Seq</c>. A clean-up
/// operation (the inverse of a half-done step, run before that step runs again) records its
/// commands under the half-done step and nothing else.
///
/// Re-run steps that were not interrupted are marked applied as soon as their last plan step
/// succeeds (as <see cref="JournalObserver"/> does), so a second crash still leaves an exact
/// journal; if the executor then undoes them they are marked reverted. The re-run interrupted
/// step is marked only at the end, so that if the finish fails it stays "interrupted" and the
/// next recovery asks the host about it again. Completing the change-set is the caller's.
/// </summary>
internal sealed class ResumeObserver(Journal journal, long changeSetId, IReadOnlyList<ResumeObserver.Slot> slots) : IChangeObserver
{
    /// <summary>Where executor operation i goes: journal step <paramref name="Seq"/>; <paramref name="CleanUp"/> for a half-done step's inverse; <paramref name="Interrupted"/> for that step's re-run.</summary>
    public sealed record Slot(int Seq, bool CleanUp = false, bool Interrupted = false);

    private readonly Dictionary<int, int> _planLength = [];
    private readonly HashSet<int> _markedApplied = [];

    public async Task OperationStartingAsync(OperationStarting operation, CancellationToken ct)
    {
        var slot = slots[operation.Index];
        _planLength[operation.Index] = operation.Plan.Length;
        if (slot.CleanUp) return;
        // Planned again from the host as it is now: record this inverse and these "before" facts.
        var inverse = operation.Inverse;
        var before = SnapshotFacts.Extract(operation.Before, TouchedObjects.Of(operation.Operation, operation.Before));
        await journal.SetStepPlanAsync(changeSetId, slot.Seq, inverse?.Kind, inverse is null ? null : NetTui.Core.Operations.OperationJson.Serialize(inverse), before, ct).ConfigureAwait(false);
        await journal.StartStepAsync(changeSetId, slot.Seq, ct).ConfigureAwait(false);
    }

    public async Task StepFinishedAsync(StepOutcome step, CancellationToken ct)
    {
        var slot = slots[step.Operation];
        await RecordCommandsAsync(slot, step, ct).ConfigureAwait(false);
        if (!slot.CleanUp && !slot.Interrupted && step.Succeeded && _planLength.TryGetValue(step.Operation, out var n) && step.Step == n - 1)
        {
            await journal.RecordStepAsync(changeSetId, slot.Seq, StepStatus.Applied, ct: ct).ConfigureAwait(false);
            _markedApplied.Add(step.Operation);
        }
    }

    public Task StepUndoneAsync(StepOutcome undo, CancellationToken ct) => RecordCommandsAsync(slots[undo.Operation], undo, ct);

    public async Task ChangeFinishedAsync(ChangeReport report, CancellationToken ct)
    {
        var applied = report.Outcome is ChangeOutcome.Applied or ChangeOutcome.Unverified;
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            if (slot.CleanUp) continue;
            if (applied)
            {
                var op = report.Operations.FirstOrDefault(o => o.Index == i)?.Operation;
                var facts = report.After is null || op is null ? null : SnapshotFacts.Extract(report.After, TouchedObjects.Of([op], report.Before, report.After));
                await journal.RecordStepAsync(changeSetId, slot.Seq, StepStatus.Applied, afterFacts: facts, ct: ct).ConfigureAwait(false);
            }
            else if (_markedApplied.Contains(i))
                await journal.RecordStepAsync(changeSetId, slot.Seq, StepStatus.Reverted, error: "the finish failed and was undone: " + report.Summary, ct: ct).ConfigureAwait(false);
            // Steps that never ran, and the interrupted one, stay pending: the change-set is still to be finished or rolled back.
        }
    }

    private async Task RecordCommandsAsync(Slot slot, StepOutcome step, CancellationToken ct)
    {
        var now = journal.Time.GetUtcNow();
        foreach (var c in step.Commands)
            await journal.RecordCommandAsync(changeSetId, slot.Seq, CommandRecord.From(c, now - c.Elapsed), ct).ConfigureAwait(false);
    }
}
