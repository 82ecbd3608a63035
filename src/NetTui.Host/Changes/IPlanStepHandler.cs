using NetTui.Core.Operations;

namespace NetTui.Host.Changes;

/// <summary>
/// Runs plan steps that are not program calls or file writes (e.g. NetworkManager D-Bus
/// steps, see NetworkManager/NetworkManagerStepHandler). The executor asks each handler in
/// turn; the first that <see cref="Handles"/> a step runs it and its undo. Errors are
/// returned as a message, never thrown.
/// </summary>
public interface IPlanStepHandler
{
    bool Handles(PlanStep step);

    /// <summary>Runs the step; null = success, else the one-line error.</summary>
    Task<string?> DoAsync(PlanStep step, CancellationToken ct);

    /// <summary>Takes the step back (no cancellation: a rollback always runs to the end).</summary>
    Task<string?> UndoAsync(PlanStep step);
}
