using NetTui.History.Journaling;
using NetTui.Lab;

namespace NetTui.LabTests.History;

/// <summary>
/// The real `nettui` TUI in tmux against a lab namespace with its own history: a form applied
/// with "Confirm within" shows the countdown in the header; left alone, the watchdog rolls it
/// back and the TUI says so; `c` keeps the next one. The screen is read with capture-pane,
/// the outcome from the journal. Waits are "eventually" (the machine is shared).
/// </summary>
public sealed class TuiCommitConfirmedTmuxTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_TUI_counts_down_reports_the_rollback_and_c_keeps_a_change()
    {
        await using var h = await HistoryLab.CreateAsync();
        var tmux = await LabTmux.StartAsync(h.Lab.Host, [.. NettuiCli.Command, .. h.Common], h.Environment(), width: 150, height: 40);
        await tmux.WaitForTextAsync("iproute2 ok", TimeSpan.FromSeconds(60));

        // 1. A new bridge with a 3 s timer, not confirmed: the watchdog rolls it back and the TUI notices.
        var first = await ApplyNewBridgeAsync(tmux, "3");
        await h.WaitForStatusAsync(first.Id, ChangeSetStatus.RolledBack, TimeSpan.FromSeconds(60));
        await tmux.WaitForTextAsync($"change #{first.Id} was not confirmed: rolled back", TimeSpan.FromSeconds(30));
        h.Track(first.WatchdogPid);

        // 2. Another with 120 s: the header counts down, c confirms it through the journal.
        var second = await ApplyNewBridgeAsync(tmux, "120");
        h.Track(second.WatchdogPid);
        await tmux.WaitForTextAsync($"unconfirmed change #{second.Id}: rolls back in", TimeSpan.FromSeconds(30));
        await tmux.SendKeysAsync("c");
        await tmux.WaitForTextAsync($"#{second.Id} confirmed: the change stays", TimeSpan.FromSeconds(30));
        var cs = (await h.Journal.GetAsync(second.Id, Ct))!.ChangeSet;
        Assert.Equal(ChangeSetStatus.Applied, cs.Status);
        Assert.NotNull(cs.ConfirmedAt);
        Assert.DoesNotContain("unconfirmed change", (await tmux.ScreenAsync()).Split('\n')[0]);
        await LabWait.UntilAsync("the watchdog to see the confirmation and exit", () => Task.FromResult(!LabSignals.IsAlive(cs.WatchdogPid!.Value)), TimeSpan.FromSeconds(60));

        async Task<ChangeSet> ApplyNewBridgeAsync(LabTmux t, string seconds)
        {
            var known = (await h.Journal.ListAllAsync(Ct)).Select(c => c.Id).ToHashSet();
            await t.SendKeysAsync("2");
            await t.SendKeysAsync("n");
            await t.WaitForTextAsync("Confirm within");
            await t.SendKeysAsync("Tab", "Tab", "Tab");
            await t.SendTextAsync(seconds);
            await t.SendKeysAsync("Enter");
            await t.WaitForTextAsync("press c to keep it before", TimeSpan.FromSeconds(60));
            // Esc closes the form; wait for it, or the next key would arrive as Alt+key (ESC then a letter).
            await t.SendKeysAsync("Escape");
            await LabWait.UntilAsync("the form to close", async () => !(await t.ScreenAsync()).Contains("New Linux bridge", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
            return (await h.Journal.ListAllAsync(Ct)).Single(c => c.Kind == ChangeSetKind.Change && !known.Contains(c.Id));
        }
    }
}
