using NetTui.Core.Doctor;

namespace NetTui.Host.Doctor;

/// <summary>
/// Hooks around one fix, for the history journal. <see cref="FixStartingAsync"/> runs before
/// the first command and may veto by throwing (nothing runs then); failures of the other
/// hooks are logged and never stop a fix or its rollback half-way.
/// </summary>
public interface IFixObserver
{
    Task FixStartingAsync(Finding finding, FixPlan plan, CancellationToken ct) => Task.CompletedTask;
    Task StepFinishedAsync(int index, FixStep step, FixStepOutcome outcome, DateTimeOffset startedAt) => Task.CompletedTask;
    Task FixFinishedAsync(FixOutcome outcome) => Task.CompletedTask;
}
