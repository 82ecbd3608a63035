using NetTui.Core.Commands;
using NetTui.Core.Operations;
using NetTui.History.Journaling;
using NetTui.Host.Changes;
using NetTui.Lab;
using NetTui.Recording;
using NetTui.Tui;

namespace NetTui.LabTests.History;

/// <summary>
/// The TUI's change path (<see cref="TuiApp.ChangePath"/>, exactly what the TUI wires to its
/// forms, not the CLI) in a lab namespace with a history database of its own: the change is
/// journaled completely, and with a 3 s confirm timer left unconfirmed the detached watchdog
/// rolls it back. Waits are "eventually" (up to 60 s): the machine is shared.
/// </summary>
public sealed class TuiChangePathLabTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The TUI's path for this lab: its namespace, history and daemons; the watchdog as the nettui under test (this test host is not nettui).</summary>
    private static TuiChangePath TuiPath(HistoryLab h)
    {
        var options = new TuiOptions(h.Netns)
        {
            History = h.Db,
            OvsDb = h.Lab.Context.Ovs.Db,
            WatchdogOptions = ["--ovs-db", h.Lab.Context.Ovs.Db!, "--docker-host", "unix://" + Path.Combine(h.Absent, "docker.sock"),
                "--log-file", Path.Combine(h.Lab.Host.StateDir, "nettui-watchdog.log")],
            StartWatchdog = (db, id, forwarded) => WatchdogLauncher.Start(db, id, forwarded, [.. NettuiCli.Command], h.Environment()),
        };
        return TuiApp.ChangePath(options, new NetworkTarget(h.Netns), h.Lab.Inventory, Serilog.Core.Logger.None);
    }

    [Fact]
    public async Task A_change_applied_through_the_TUI_path_is_a_complete_applied_change_set_with_its_commands()
    {
        await using var h = await HistoryLab.CreateAsync();
        var report = await TuiPath(h).ApplyAsync([new CreateBridge("brtj", "10.7.0.1/24")], ct: Ct);
        Assert.True(report.Outcome == ChangeOutcome.Applied, $"{report.Outcome}: {report.Summary}");
        Assert.True((await h.Lab.Host.RunAsync("ip", "link", "show", "brtj")).Succeeded, "brtj should exist");

        var cs = Assert.Single(await h.Journal.ListAllAsync(Ct));
        Assert.Equal((ChangeSetKind.Change, ChangeSetStatus.Applied, h.Netns), (cs.Kind, cs.Status, cs.Namespace));
        Assert.NotNull(cs.CompletedAt);
        Assert.Contains($"history #{cs.Id}", report.Notes);
        var step = Assert.Single((await h.Journal.GetAsync(cs.Id, Ct))!.Steps);
        Assert.Equal((StepStatus.Applied, "bridge.del"), (step.Status, step.InverseKind));
        Assert.Equal(["ip link add brtj type bridge stp_state 0", "ip addr add 10.7.0.1/24 dev brtj", "ip link set brtj up"], step.Commands.Select(c => c.Display));
        Assert.All(step.Commands, c => Assert.Equal(0, c.ExitCode));
        Assert.Equal("true", cs.AfterFacts["link/brtj/exists"]);
        Assert.Equal("false", cs.BeforeFacts["link/brtj/exists"]);
    }

    [Fact]
    public async Task With_a_3_second_timer_and_no_confirm_the_watchdog_rolls_the_TUI_change_back()
    {
        await using var h = await HistoryLab.CreateAsync();
        var before = await h.ReadAsync();
        var path = TuiPath(h);
        var report = await path.ApplyAsync([new CreateBridge("brtw", "10.8.0.1/24")], TimeSpan.FromSeconds(3), Ct);
        Assert.True(report.Outcome == ChangeOutcome.Applied, $"{report.Outcome}: {report.Summary}");

        var cs = Assert.Single(await h.Journal.ListAllAsync(Ct));
        h.Track(cs.WatchdogPid);
        Assert.NotNull(cs.WatchdogPid);
        Assert.NotNull(cs.ConfirmDeadline);
        Assert.Contains(report.Notes, n => n.StartsWith($"history #{cs.Id}: press c", StringComparison.Ordinal));

        // No confirm: the watchdog (its own process) rolls it back after the deadline.
        await h.WaitForStatusAsync(cs.Id, ChangeSetStatus.RolledBack, TimeSpan.FromSeconds(60));
        Assert.False((await h.Lab.Host.RunAsync("ip", "link", "show", "brtw")).Succeeded, "brtw should be gone");
        Assert.Contains(await h.Journal.ListAllAsync(Ct), r => r.Kind == ChangeSetKind.Rollback && r.RevertsId == cs.Id && r.Status == ChangeSetStatus.Applied);
        Operations.SnapshotShape.Equal(before, await h.ReadAsync(), "after the watchdog's rollback");

        // What the TUI's countdown reads: nothing awaits any more, and the change says it was rolled back.
        var backend = new JournalConfirmBackend(() => path.Journal().Journal, h.Netns);
        Assert.Empty(await backend.AwaitingAsync(Ct));
        Assert.Equal(ChangeSetStatus.RolledBack, await backend.StatusAsync(cs.Id, Ct));
        await LabWait.UntilAsync("the watchdog to exit", () => Task.FromResult(!LabSignals.IsAlive(cs.WatchdogPid!.Value)), TimeSpan.FromSeconds(30));
    }
}
