using NetTui.History.Journaling;
using NetTui.Lab;

namespace NetTui.LabTests.History;

/// <summary>
/// The real `nettui` TUI in tmux after a change was SIGKILLed between two steps: at start it
/// describes the half-done change-set in an overlay, and `r` rolls it back (the code of
/// `nettui rollback --pending`): the bridge is gone and the journal says rolled back.
/// </summary>
public sealed class TuiCrashTmuxTests
{
    [Fact]
    public async Task The_tui_offers_the_crashed_change_at_start_and_r_rolls_it_back()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await HistoryLab.CreateAsync();
        using (var nettui = await h.StartPausedAsync(2, "bridge", "add", "brcr", "--address", "10.6.0.1/24"))
        {
            nettui.Kill(); // SIGKILL between two steps
            await nettui.WaitForExitAsync(ct);
        }
        Assert.Contains(await h.Lab.Host.IpJsonAsync("link", "show"), l => (string?)l!["ifname"] == "brcr");
        var crashed = (await h.Journal.ListAllAsync(ct)).Single(cs => cs.Status == ChangeSetStatus.Pending);

        var tmux = await LabTmux.StartAsync(h.Lab.Host, [.. NettuiCli.Command, .. h.Common], h.Environment(), width: 100, height: 30);
        var screen = await tmux.WaitForTextAsync("A change was left half-done", TimeSpan.FromSeconds(90));
        Assert.Contains($"#{crashed.Id} create bridge brcr", screen);
        Assert.Contains("roll back what it did", screen);

        await tmux.SendKeysAsync("r");
        screen = await tmux.WaitForTextAsync("(any key closes)", TimeSpan.FromSeconds(90));
        Assert.Contains("done", screen);
        Assert.DoesNotContain(await h.Lab.Host.IpJsonAsync("link", "show"), l => (string?)l!["ifname"] == "brcr");
        Assert.Equal(ChangeSetStatus.RolledBack, (await h.Journal.GetAsync(crashed.Id, ct))!.ChangeSet.Status);

        // Any key closes the result, the History view's number key shows the rollback in it, q quits.
        await tmux.SendKeysAsync("Space");
        await tmux.SendKeysAsync(((char)('1' + (int)NetTui.Presentation.ViewKind.History)).ToString());
        screen = await tmux.WaitForTextAsync("rolled back", TimeSpan.FromSeconds(30));
        Assert.Contains($"rollback #{crashed.Id}", screen);
        await tmux.SendKeysAsync("q");
        await LabWait.UntilAsync("nettui to quit on q", async () =>
            (await tmux.TmuxAsync("list-panes", "-a", "-F", "#{pane_dead}")).StandardOutput.Trim() == "1", TimeSpan.FromSeconds(20));
    }
}
