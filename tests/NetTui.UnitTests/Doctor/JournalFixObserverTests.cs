using NetTui.Core.Commands;
using NetTui.Core.Doctor;
using NetTui.Doctor;
using NetTui.History.Journaling;
using NetTui.Host.Doctor;
using NetTui.UnitTests.History;
using NetTui.UnitTests.Inventory;

namespace NetTui.UnitTests.Doctor;

/// <summary>A fix is journaled like any change: planned steps first, then each command, then the outcome.</summary>
public class JournalFixObserverTests
{
    private static readonly CommandSpec Up = CommandSpec.Of("ip", "link", "set", "br0", "up");
    private static readonly CommandSpec Down = CommandSpec.Of("ip", "link", "set", "br0", "down");
    private static readonly CommandSpec Addr = CommandSpec.Of("ip", "addr", "add", "10.1.0.1/24", "dev", "br0");

    private static readonly Finding Finding = new(FindingIds.BridgeDown, Severity.Warning, "bridge br0 is down", ["br0: DOWN"],
        new FixPlan("bring br0 up", [new FixStep("set br0 up", Up, Down), new FixStep("address it", Addr)], Undoable: true), "br0");

    [Fact]
    public async Task A_successful_fix_is_an_applied_change_set_with_its_commands()
    {
        using var temp = new TempJournal();
        var journal = temp.Open();
        var runner = new FakeCommandRunner(new NetworkTarget("ntl-x")).Answer(Up, "").Answer(Addr, "");
        await using var observer = new JournalFixObserver(journal, runner.Target);

        var outcome = await new FixRunner(runner, observer: observer).RunAsync(Finding, Finding.Fix!, TestContext.Current.CancellationToken);

        Assert.True(outcome.Succeeded);
        var detail = await journal.GetAsync(observer.ChangeSetId!.Value, TestContext.Current.CancellationToken);
        Assert.NotNull(detail);
        Assert.Equal(ChangeSetStatus.Applied, detail.ChangeSet.Status);
        Assert.Equal("ntl-x", detail.ChangeSet.Namespace);
        Assert.Contains("bring br0 up", detail.ChangeSet.Summary);
        Assert.Equal([StepStatus.Applied, StepStatus.Applied], detail.Steps.Select(s => s.Status));
        Assert.Equal(JournalFixObserver.StepKind, detail.Steps[0].InverseKind);
        Assert.Contains("down", detail.Steps[0].InverseParametersJson);
        Assert.Null(detail.Steps[1].InverseKind);
    }

    [Fact]
    public async Task A_failed_fix_is_journaled_as_failed_after_its_first_step_was_undone()
    {
        using var temp = new TempJournal();
        var journal = temp.Open();
        var runner = new FakeCommandRunner().Answer(Up, "").Fail(Addr, 2, "RTNETLINK answers: File exists").Answer(Down, "");
        await using var observer = new JournalFixObserver(journal, runner.Target);

        var outcome = await new FixRunner(runner, observer: observer).RunAsync(Finding, Finding.Fix!, TestContext.Current.CancellationToken);

        Assert.False(outcome.Succeeded);
        Assert.Equal(Down.Display, Assert.Single(outcome.Undone).Command);
        var detail = await journal.GetAsync(observer.ChangeSetId!.Value, TestContext.Current.CancellationToken);
        Assert.Equal(ChangeSetStatus.Failed, detail!.ChangeSet.Status);
        Assert.Contains("File exists", detail.ChangeSet.Error);
        Assert.Equal([StepStatus.Applied, StepStatus.Failed], detail.Steps.Select(s => s.Status));
    }
}
