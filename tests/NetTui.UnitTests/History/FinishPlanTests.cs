using NetTui.History.Facts;
using NetTui.History.Journaling;
using NetTui.History.Planning;

namespace NetTui.UnitTests.History;

/// <summary>Finishing a change-set a crash left pending: what is marked, taken back, and run again, from what the host shows.</summary>
public class FinishPlanTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 28, 14, 2, 0, TimeSpan.Zero);

    private static JournalStep Step(int seq, StepStatus status, bool started, bool inverse = true) => new(
        seq, seq, $"op{seq}", "{}", $"step {seq}", inverse ? $"un-op{seq}" : null, inverse ? "{}" : null, status, FactSet.Empty, FactSet.Empty,
        started ? T : null, status == StepStatus.Pending ? null : T, null, []);

    private static CrashRecovery Crash(ChangeSetKind kind = ChangeSetKind.Change, params JournalStep[] steps) => CrashRecovery.Analyse(new(
        new ChangeSet(7, Guid.NewGuid(), kind, ChangeSetStatus.Pending, T, null, 0, "root", null, "lab", "seed setup",
            kind == ChangeSetKind.Change ? null : 3, "host", 99, 0, FactSet.Empty, FactSet.Empty, null, null, null, null), [.. steps]));

    private static CrashRecovery Interrupted(bool inverse = true) => Crash(ChangeSetKind.Change,
        Step(1, StepStatus.Applied, true), Step(2, StepStatus.Pending, started: true, inverse), Step(3, StepStatus.Pending, started: false), Step(4, StepStatus.Pending, started: false));

    [Fact]
    public void A_crash_between_steps_runs_the_steps_never_started()
    {
        var plan = FinishPlan.For(Crash(ChangeSetKind.Change, Step(1, StepStatus.Applied, true), Step(2, StepStatus.Pending, false), Step(3, StepStatus.Pending, false)),
            InterruptedEffect.NoneInterrupted);

        Assert.True(plan.CanProceed);
        Assert.Null(plan.MarkApplied);
        Assert.Null(plan.CleanUpFirst);
        Assert.Equal([2, 3], plan.Run.Select(s => s.Seq));
    }

    [Fact]
    public void An_interrupted_step_that_completed_is_marked_applied_not_run_again()
    {
        var plan = FinishPlan.For(Interrupted(), InterruptedEffect.Taken);

        Assert.Equal(2, plan.MarkApplied?.Seq);
        Assert.Null(plan.CleanUpFirst);
        Assert.Equal([3, 4], plan.Run.Select(s => s.Seq));
    }

    [Fact]
    public void An_interrupted_step_that_changed_nothing_runs_again_in_its_place()
    {
        var plan = FinishPlan.For(Interrupted(), InterruptedEffect.NotTaken);

        Assert.Null(plan.MarkApplied);
        Assert.Null(plan.CleanUpFirst);
        Assert.Equal([2, 3, 4], plan.Run.Select(s => s.Seq));
    }

    [Fact]
    public void A_half_done_step_is_taken_back_first_then_run_again()
    {
        var plan = FinishPlan.For(Interrupted(), InterruptedEffect.Partial);

        Assert.Equal(2, plan.CleanUpFirst?.Seq);
        Assert.Equal([2, 3, 4], plan.Run.Select(s => s.Seq));
    }

    [Fact]
    public void A_half_done_step_without_an_inverse_cannot_be_finished()
    {
        var plan = FinishPlan.For(Interrupted(inverse: false), InterruptedEffect.Partial);

        Assert.False(plan.CanProceed);
        Assert.Contains("step 2 (step 2) is half-done", plan.Refusal, StringComparison.Ordinal);
        Assert.Contains("roll back", plan.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void The_last_step_completed_before_the_crash_leaves_nothing_to_run_but_is_finishable()
    {
        var plan = FinishPlan.For(Crash(ChangeSetKind.Change, Step(1, StepStatus.Applied, true), Step(2, StepStatus.Pending, true)), InterruptedEffect.Taken);

        Assert.True(plan.CanProceed);
        Assert.Equal(2, plan.MarkApplied?.Seq);
        Assert.Empty(plan.Run);
    }

    [Fact]
    public void An_interrupted_undo_is_not_finished_but_rolled_back()
    {
        var plan = FinishPlan.For(Crash(ChangeSetKind.Undo, Step(1, StepStatus.Pending, false)), InterruptedEffect.NoneInterrupted);

        Assert.False(plan.CanProceed);
        Assert.Contains("undo of #3", plan.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void The_host_answer_must_match_the_journal()
    {
        Assert.Throws<ArgumentException>(() => FinishPlan.For(Interrupted(), InterruptedEffect.NoneInterrupted));
        Assert.Throws<ArgumentException>(() => FinishPlan.For(Crash(ChangeSetKind.Change, Step(1, StepStatus.Pending, false)), InterruptedEffect.Taken));
    }
}
