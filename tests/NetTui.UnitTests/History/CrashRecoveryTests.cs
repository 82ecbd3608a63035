using NetTui.History.Facts;
using NetTui.History.Journaling;
using NetTui.History.Planning;

namespace NetTui.UnitTests.History;

public class CrashRecoveryTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 28, 14, 2, 0, TimeSpan.Zero);

    private static JournalStep Step(int seq, StepStatus status, bool started) => new(
        seq, seq, $"op{seq}", "{}", $"step {seq}", $"un-op{seq}", "{}", status, FactSet.Empty, FactSet.Empty,
        started ? T : null, status == StepStatus.Pending ? null : T, null, []);

    private static ChangeSetDetail Detail(params JournalStep[] steps) => new(
        new ChangeSet(7, Guid.NewGuid(), ChangeSetKind.Change, ChangeSetStatus.Pending, T, null, 0, "root", null, "lab", "seed setup",
            null, "host", 99, 0, FactSet.Empty, FactSet.Empty, null, null, null, null), [.. steps]);

    [Fact]
    public void It_tells_applied_interrupted_and_remaining_steps_apart()
    {
        var r = CrashRecovery.Analyse(Detail(
            Step(1, StepStatus.Applied, true), Step(2, StepStatus.Applied, true),
            Step(3, StepStatus.Pending, started: true), Step(4, StepStatus.Pending, started: false)));

        Assert.Equal([1, 2], r.Applied.Select(s => s.Seq));
        Assert.Equal(3, r.Interrupted?.Seq);
        Assert.Equal([4], r.Remaining.Select(s => s.Seq));
        Assert.Equal("#7 seed setup: 2 of 4 step(s) applied; step 3 (step 3) was interrupted and may be half-done; 1 step(s) not started", r.Describe());
    }

    [Theory]
    [InlineData(true, new[] { "un-op3", "un-op2", "un-op1" })]
    [InlineData(false, new[] { "un-op2", "un-op1" })]
    public void Rolling_back_reverses_the_interrupted_step_only_if_it_took_effect(bool tookEffect, string[] expected)
    {
        var r = CrashRecovery.Analyse(Detail(
            Step(1, StepStatus.Applied, true), Step(2, StepStatus.Applied, true), Step(3, StepStatus.Pending, started: true)));

        var (steps, refusal) = r.RollbackSteps(tookEffect);

        Assert.Null(refusal);
        Assert.Equal(expected, steps.Select(s => s.Kind));
    }

    [Fact]
    public void A_crash_before_the_first_step_has_nothing_to_roll_back()
    {
        var r = CrashRecovery.Analyse(Detail(Step(1, StepStatus.Pending, started: false)));

        Assert.Null(r.Interrupted);
        Assert.Empty(r.Applied);
        Assert.NotNull(r.RollbackSteps(interruptedTookEffect: false).Refusal);
    }
}
