using NetTui.History.Journaling;
using NetTui.Lab;
using NetTui.LabTests.Operations;

namespace NetTui.LabTests.History;

/// <summary>
/// Daemons and the watchdog die mid-change, the way real hosts fail: nettui (its own process,
/// as admins run it) is held between two steps by the test-only hook (NETTUI_TEST_PAUSE_AFTER_STEP
/// with NETTUI_TEST_RESUME_FILE), the test kills ovsdb-server or the watchdog, or starts a second
/// nettui with another journal, then lets it go on, and checks the host (ip -j, ovs-vsctl) and
/// what history, undo, rollback --pending and the next change say.
/// </summary>
public sealed class FaultInjectionLabTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ovsdb_killed_mid_change_needs_repair_until_rollback_pending_once_it_is_back()
    {
        await using var h = await HistoryLab.CreateAsync(ovs: true);
        var before = await h.ReadAsync();
        var resume = Path.Combine(h.Lab.Host.StateDir, "resume-ovsdb");

        ExecResult change;
        using (var nettui = await h.StartPausedUntilAsync(resume, 1, "ovs", "bridge", "add", "obr1", "--datapath", "netdev"))
        {
            // add-br is done; the database goes away before the rest and the undo.
            await h.Lab.Ovs!.StopServerAsync();
            await File.WriteAllTextAsync(resume, "", Ct);
            await nettui.WaitForExitAsync(Ct);
            change = new([], nettui.ExitCode, await nettui.StandardOutput.ReadToEndAsync(Ct), await nettui.StandardError.ReadToEndAsync(Ct));
        }
        Assert.True(change.ExitCode == 1, change.StandardOutput + change.StandardError);
        Assert.Contains("NEEDS REPAIR", change.StandardError, StringComparison.Ordinal);
        Assert.Contains("Open vSwitch could not be read", change.StandardError, StringComparison.Ordinal); // read back, not guessed
        Assert.DoesNotContain("history: #", change.StandardOutput, StringComparison.Ordinal);

        var id = (await h.Journal.ListAllAsync(Ct)).Single(cs => cs.Summary.Contains("obr1", StringComparison.Ordinal)).Id;
        Assert.Equal(ChangeSetStatus.NeedsRepair, (await h.Journal.GetAsync(id, Ct))!.ChangeSet.Status);
        var history = await h.CliAsync("history");
        Assert.Contains("NEEDS REPAIR", history.StandardOutput + history.StandardError, StringComparison.Ordinal);
        var undo = await h.CliAsync("undo", "--yes");
        Assert.Equal(1, undo.ExitCode);
        Assert.Contains($"#{id}", undo.StandardError, StringComparison.Ordinal);
        Assert.Contains("needs repair", undo.StandardError, StringComparison.Ordinal);
        var next = await h.CliAsync("bridge", "add", "brz", "--probe", "none");
        Assert.Equal(1, next.ExitCode);
        Assert.Contains("NEEDS REPAIR", next.StandardError, StringComparison.Ordinal);
        // While OVS is down a repair cannot see the bridge: refused, nothing marked.
        var blind = await h.CliAsync("rollback", "--pending", "--yes");
        Assert.Equal(1, blind.ExitCode);
        Assert.Contains("Open vSwitch cannot be read", blind.StandardError, StringComparison.Ordinal);

        await h.Lab.Ovs.StartServerAsync();
        Assert.Contains("obr1", (await h.Lab.Ovs.VsctlNoWaitAsync("list-br")).StandardOutput, StringComparison.Ordinal); // left in OVSDB
        var repair = await h.CliAsync("rollback", "--pending", "--yes");
        Assert.True(repair.Succeeded, repair.StandardOutput + repair.StandardError);
        Assert.Contains("as it was before it", repair.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("", (await h.Lab.Ovs.VsctlNoWaitAsync("list-br")).StandardOutput.Trim());
        SnapshotShape.Equal(before, await h.ReadAsync(), "after the repair");
        Assert.Equal(ChangeSetStatus.RolledBack, (await h.Journal.GetAsync(id, Ct))!.ChangeSet.Status);
        Assert.True((await h.CliAsync("bridge", "add", "brz", "--probe", "none")).Succeeded);
    }

    [Fact]
    public async Task Watchdog_killed_the_next_change_rolls_the_expired_change_back_first()
    {
        await using var h = await HistoryLab.CreateAsync();
        var made = await h.CliAsync("bridge", "add", "brw", "--confirm-within", "3", "--probe", "none");
        Assert.True(made.Succeeded, made.StandardOutput + made.StandardError);
        var cs = (await h.Journal.ListAllAsync(Ct)).Single(c => c.Summary.Contains("brw", StringComparison.Ordinal));
        // SIGKILL the watchdog this test's nettui started (its command line names this test's journal).
        Assert.True(LabSignals.SignalIfOwned(cs.WatchdogPid!.Value, h.Db, 9), "the watchdog was not running");
        await LabWait.UntilAsync("the watchdog to be gone", () => Task.FromResult(!LabSignals.IsAlive(cs.WatchdogPid.Value)), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));
        await Task.Delay(TimeSpan.FromSeconds(3.5), Ct); // past the deadline, nobody left to roll it back

        var next = await h.CliAsync("bridge", "add", "brx", "--probe", "none");
        Assert.True(next.Succeeded, next.StandardOutput + next.StandardError);
        Assert.Contains($"#{cs.Id}", next.StandardError, StringComparison.Ordinal);
        Assert.Contains("rolled back first", next.StandardError, StringComparison.Ordinal);
        Assert.False((await h.Lab.Host.RunAsync("ip", "link", "show", "brw")).Succeeded);
        Assert.Equal(ChangeSetStatus.RolledBack, (await h.Journal.GetAsync(cs.Id, Ct))!.ChangeSet.Status);
    }

    [Fact]
    public async Task Two_nettui_with_different_journals_on_one_namespace_take_turns()
    {
        await using var h = await HistoryLab.CreateAsync();
        var resume = Path.Combine(h.Lab.Host.StateDir, "resume-lock");
        var otherDb = Path.Combine(h.Lab.Host.StateDir, "other.db");

        using var first = await h.StartPausedUntilAsync(resume, 1, "bridge", "add", "bra", "--address", "10.6.0.1/24", "--probe", "none");
        // The second names another journal: only the namespace's lock can make it wait.
        var second = NettuiCli.RunAsync(h.Lab.Host.StateDir, h.Environment(),
            ["bridge", "add", "brb", "--probe", "none", "--netns", h.Netns, "--history", otherDb, "--docker-host", "unix://" + Path.Combine(h.Absent, "docker.sock")]);
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        Assert.False(second.IsCompleted, "the second nettui changed the namespace while the first was mid-change");
        Assert.False((await h.Lab.Host.RunAsync("ip", "link", "show", "brb")).Succeeded);

        await File.WriteAllTextAsync(resume, "", Ct);
        await first.WaitForExitAsync(Ct);
        Assert.Equal(0, first.ExitCode);
        var done = await second;
        Assert.True(done.Succeeded, done.StandardOutput + done.StandardError);
        Assert.True((await h.Lab.Host.RunAsync("ip", "link", "show", "brb")).Succeeded);
    }
}
