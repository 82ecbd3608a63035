using NetTui.Core.Commands;
using NetTui.History.Journaling;
using NetTui.Lab;

namespace NetTui.LabTests.History;

/// <summary>
/// `--confirm-within`: the change is applied, then rolled back by the detached watchdog unless
/// confirmed in time, even when nettui and its terminal are gone (tmux kill-session). The
/// timing is not asserted beyond "eventually" (polled for up to 60 s): the machine is shared.
/// </summary>
public sealed class CommitConfirmedLabTests
{
    [Fact]
    public async Task Unconfirmed_change_is_rolled_back_after_its_terminal_is_killed()
    {
        await using var h = await HistoryLab.CreateAsync();
        var session = "ntl-cc-" + Guid.NewGuid().ToString("N")[..8];
        // tmux runs its command through a shell; the words are quoted for it. The trailing
        // sleep keeps the terminal open, as an admin's session would be.
        var env = h.Environment().Select(kv => ShellQuote.Quote($"{kv.Key}={kv.Value}"));
        var nettui = ShellQuote.Join([.. NettuiCli.Command, "bridge", "add", "brcc", "--confirm-within", "3", .. h.Common]);
        var script = $"env {string.Join(' ', env)} {nettui} > {ShellQuote.Quote(Path.Combine(h.Lab.Host.StateDir, "tmux.out"))} 2>&1; sleep 600";
        await LabExec.CheckedAsync("tmux", "new-session", "-d", "-s", session, script);
        try
        {
            var journal = h.Journal;
            ChangeSet? cs = null;
            await LabWait.UntilAsync("the change to await confirmation", async () =>
            {
                cs = (await journal.ListAllAsync()).FirstOrDefault(c => c.Kind == ChangeSetKind.Change);
                return cs is { Status: ChangeSetStatus.ConfirmPending or ChangeSetStatus.ConfirmExpired or ChangeSetStatus.RolledBack };
            }, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(100));
            h.Track(cs!.WatchdogPid);
            Assert.NotNull(cs.WatchdogPid);
            Assert.NotEqual(cs.WriterPid, cs.WatchdogPid);
            // The watchdog re-executes the program that started it: the native binary under test.
            if (NettuiCli.NativePath is { } bin && new FileInfo($"/proc/{cs.WatchdogPid}/exe").LinkTarget is { } exe)
                Assert.Equal(bin, exe);

            // Kill nettui (if it has not exited yet) and its terminal.
            LabSignals.SignalIfOwned(cs.WriterPid, h.Db, LabSignals.SigKill);
            await LabExec.CheckedAsync("tmux", "kill-session", "-t", session);

            // 3 s + margin; the margin is generous because the machine is shared (load seen at 49 on 2 cores).
            await h.WaitForStatusAsync(cs.Id, ChangeSetStatus.RolledBack, TimeSpan.FromSeconds(60));
            Assert.False((await h.Lab.Host.RunAsync("ip", "link", "show", "brcc")).Succeeded, "brcc should be gone");
            var rows = await journal.ListAllAsync(TestContext.Current.CancellationToken);
            Assert.Contains(rows, r => r.Kind == ChangeSetKind.Rollback && r.RevertsId == cs.Id && r.Status == ChangeSetStatus.Applied);
            await LabWait.UntilAsync("the watchdog to exit", () => Task.FromResult(!LabSignals.IsAlive(cs.WatchdogPid!.Value)), TimeSpan.FromSeconds(30));
        }
        finally
        {
            await LabExec.RunAsync("tmux", "kill-session", "-t", session);
        }
    }

    [Fact]
    public async Task Confirmed_change_stays_after_the_deadline()
    {
        await using var h = await HistoryLab.CreateAsync();
        var apply = await h.CliAsync("bridge", "add", "brok", "--confirm-within", "10", "--json");
        Assert.True(apply.Succeeded, apply.StandardError);
        var doc = System.Text.Json.Nodes.JsonNode.Parse(apply.StandardOutput)!;
        var id = (long)doc["historyId"]!;
        var watchdog = (int)doc["watchdogPid"]!;
        h.Track(watchdog);

        // In this process: a second `dotnet` start could eat seconds on a loaded machine.
        var confirmed = await h.OkAsync("confirm", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains($"#{id} confirmed", confirmed, StringComparison.Ordinal);

        await LabWait.UntilAsync("the watchdog to see the confirmation and exit", () => Task.FromResult(!LabSignals.IsAlive(watchdog)), TimeSpan.FromSeconds(60));
        var cs = (await h.Journal.GetAsync(id, TestContext.Current.CancellationToken))!.ChangeSet;
        Assert.True(cs.ConfirmDeadline is not null);
        // Past the deadline, the change is still there and still applied.
        var wait = cs.ConfirmDeadline!.Value - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
        if (wait > TimeSpan.Zero) await Task.Delay(wait, TestContext.Current.CancellationToken);
        Assert.True((await h.Lab.Host.RunAsync("ip", "link", "show", "brok")).Succeeded, "brok should still exist");
        cs = (await h.Journal.GetAsync(id, TestContext.Current.CancellationToken))!.ChangeSet;
        Assert.Equal(ChangeSetStatus.Applied, cs.Status);
        Assert.NotNull(cs.ConfirmedAt);

        // A second confirm is no longer needed, and says so.
        var again = await h.RunAsync("confirm", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, again.Code);
    }

    [Fact]
    public async Task The_watchdog_rolls_back_a_change_whose_process_died_while_applying_it()
    {
        await using var h = await HistoryLab.CreateAsync();
        var before = await h.ReadAsync();
        using (var nettui = await h.StartPausedAsync(2, "bridge", "add", "brw", "--address", "10.6.0.1/24", "--confirm-within", "60"))
        {
            var pending = (await h.Journal.ListAllAsync(TestContext.Current.CancellationToken)).Single();
            h.Track(pending.WatchdogPid);
            Assert.NotNull(pending.WatchdogPid); // started before the first command
            nettui.Kill();
            await nettui.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        // Long before the 60 s deadline: the watchdog sees its writer gone mid-change.
        var id = (await h.Journal.ListAllAsync(TestContext.Current.CancellationToken)).Single(cs => cs.Kind == ChangeSetKind.Change).Id;
        await h.WaitForStatusAsync(id, ChangeSetStatus.RolledBack, TimeSpan.FromSeconds(60));
        Operations.SnapshotShape.Equal(before, await h.ReadAsync(), "after the watchdog's rollback");
    }
}
