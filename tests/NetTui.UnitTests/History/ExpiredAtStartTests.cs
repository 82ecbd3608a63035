using NetTui.Composition;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.History.Journaling;
using NetTui.UnitTests.Operations;

namespace NetTui.UnitTests.History;

/// <summary>
/// Commit-confirmed without a single point of failure: a change past its deadline whose
/// watchdog is gone is rolled back by the next NetTui that changes something, first, and said.
/// </summary>
public sealed class ExpiredAtStartTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const int DeadWatchdog = 4_194_304 + 99;
    private readonly TempJournal _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_next_change_rolls_back_an_expired_change_whose_watchdog_died_first_and_says_so()
    {
        var inventory = new FakeInventory(TestHost.Basic());
        var runner = new RecordingRunner();
        runner.After = spec =>
        {
            var name = spec.Arguments.FirstOrDefault(a => a.StartsWith("br", StringComparison.Ordinal));
            if (name is null || spec.Program != "ip" || !spec.Arguments.Contains("link")) return;
            if (spec.Arguments.Contains("add") && inventory.Snapshot.FindLink(name) is null) inventory.Snapshot = inventory.Snapshot.WithBridge(name);
            if (spec.Arguments.Contains("del"))
                inventory.Snapshot = inventory.Snapshot with { Links = [.. inventory.Snapshot.Links.Where(l => l.Name != name)], Bridges = [.. inventory.Snapshot.Bridges.Where(b => b.Name != name)] };
        };
        using var changes = new HostChanges(TestChanges.Options(_temp.DbPath),
            TestChanges.Parts(runner, inventory) with { StartWatchdog = (_, _, _) => DeadWatchdog });

        var unconfirmed = await changes.ApplyAsync(new ChangeRequest([new CreateBridge("br7")])
        {
            ConfirmWithin = TimeSpan.FromMilliseconds(1),
            Probes = Core.Reachability.ProbeKinds.None,
        }, Ct);
        Assert.NotNull(unconfirmed.ConfirmDeadline);
        await Task.Delay(50, Ct);

        var next = await changes.ApplyAsync(new ChangeRequest([new CreateBridge("br8")]) { Probes = Core.Reachability.ProbeKinds.None }, Ct);

        Assert.Contains(next.Notes, n => n.Contains($"#{unconfirmed.ChangeSetId}", StringComparison.Ordinal) && n.Contains("rolled back first", StringComparison.Ordinal));
        Assert.Contains("ip link del dev br7", runner.Lines);
        Assert.Equal(ChangeSetStatus.RolledBack, (await _temp.Open().GetAsync(unconfirmed.ChangeSetId!.Value, Ct))!.ChangeSet.Status);
        Assert.True(next.Report!.Succeeded, next.Report.Summary);
        Assert.Null(inventory.Snapshot.FindLink("br7"));
    }
}
