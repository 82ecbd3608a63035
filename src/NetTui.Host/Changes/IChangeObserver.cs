using System.Collections.Immutable;
using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.Host.Changes;

/// <summary>
/// Hooks around a change, for the history journal (write-ahead "pending" entry, step results)
/// and for progress display. The two "starting" hooks may veto: if one throws, nothing more
/// runs and what ran is undone. Exceptions from the others are reported, never fatal.
/// </summary>
public interface IChangeObserver
{
    /// <summary>Before the first command of the change-set runs.</summary>
    Task ChangeStartingAsync(ChangeStarting change, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Before the first command of each operation, with its plan and inverse.</summary>
    Task OperationStartingAsync(OperationStarting operation, CancellationToken ct) => Task.CompletedTask;

    /// <summary>After each step ran (succeeded or failed).</summary>
    Task StepFinishedAsync(StepOutcome step, CancellationToken ct) => Task.CompletedTask;

    /// <summary>After each step was undone during a rollback.</summary>
    Task StepUndoneAsync(StepOutcome undo, CancellationToken ct) => Task.CompletedTask;

    /// <summary>At the end, whatever the outcome (also for rejected changes and dry runs).</summary>
    Task ChangeFinishedAsync(ChangeReport report, CancellationToken ct) => Task.CompletedTask;
}

public sealed record ChangeStarting(Guid ChangeSetId, NetworkTarget Target, ImmutableArray<Operation> Operations, HostSnapshot Before);

public sealed record OperationStarting(Guid ChangeSetId, int Index, Operation Operation, ImmutableArray<PlanStep> Plan, Operation? Inverse, HostSnapshot Before);
