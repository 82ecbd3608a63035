using System.Collections.Immutable;
using NetTui.Composition;
using NetTui.Core.Doctor;
using NetTui.Host.Changes;
using NetTui.Host.Doctor;

namespace NetTui.Doctor;

/// <summary>
/// A Doctor fix made of operations (the container MTU fix: daemon.json, MTUs) applied as one
/// change through <see cref="HostChanges"/>, exactly like a CLI verb's: journaled, verified,
/// undone on failure, undoable with `nettui undo`. Its outcome is told in the Doctor's words.
/// </summary>
public sealed class ChangePathFixApplier(HostChanges changes) : IOperationFixApplier
{
    public long? LastChangeSetId { get; private set; }

    public async Task<FixOutcome> ApplyAsync(Finding finding, FixPlan plan, CancellationToken ct)
    {
        var result = await changes.ApplyAsync(new ChangeRequest(plan.Operations), ct).ConfigureAwait(false);
        LastChangeSetId = result.ChangeSetId;
        if (result.Report is not { } report)
            return new FixOutcome(false, [], [], "refused: " + string.Join("; ", result.Refusal));
        var steps = report.Operations.SelectMany(o => o.Steps).Select(Outcome).ToImmutableArray();
        var undone = report.Undone.Select(Outcome).ToImmutableArray();
        string? error = report.Succeeded ? null
            : report.Errors.Length > 0 ? string.Join("; ", report.Errors.Select(e => e.ToString()))
            : report.FailedStep is { } failed ? $"{failed.Description}: {failed.Error}"
            : report.Differences.Length > 0 ? "not verified: " + string.Join("; ", report.Differences)
            : report.Outcome.ToString();
        return new FixOutcome(report.Succeeded, steps, undone, error);
    }

    private static FixStepOutcome Outcome(StepOutcome s) =>
        new(s.Description, s.Commands.IsDefaultOrEmpty ? s.Description : string.Join("; ", s.Commands.Select(c => c.Spec.Display)), s.Succeeded, s.Error, s.Commands.IsDefaultOrEmpty ? null : s.Commands[^1]);
}
