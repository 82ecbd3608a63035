using NetTui.Core.Doctor;

namespace NetTui.Host.Doctor;

/// <summary>
/// Applies a Doctor fix made of operations (<see cref="FixPlan.Operations"/>) as one change
/// through the app's one change path (validated, journaled, verified, undone on failure, and
/// undoable with `nettui undo`). The composition root gives the real one.
/// </summary>
public interface IOperationFixApplier
{
    Task<FixOutcome> ApplyAsync(Finding finding, FixPlan plan, CancellationToken ct);

    /// <summary>The journal's change-set of the last fix applied, when there was one.</summary>
    long? LastChangeSetId { get; }
}
