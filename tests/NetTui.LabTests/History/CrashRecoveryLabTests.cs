using NetTui.History.Journaling;
using NetTui.Lab;
using NetTui.LabTests.Operations;

namespace NetTui.LabTests.History;

/// <summary>
/// nettui SIGKILLed between two steps of a real change (held there by the test-only hook
/// NETTUI_TEST_PAUSE_AFTER_STEP, see src/NetTui/Recording/TestHooks.cs): the next start finds
/// the pending change-set and says what was applied, new changes are refused until it is
/// resolved, and `rollback --pending` restores the host.
/// </summary>
public sealed class CrashRecoveryLabTests
{
    [Fact]
    public async Task A_change_killed_between_steps_is_found_and_rolled_back()
    {
        await using var h = await HistoryLab.CreateAsync(ovs: true);
        await h.OkAsync("bridge", "add", "br0");
        var before = await h.ReadAsync();

        // The plan: create brc, add its address (pause here, then SIGKILL), bring it up.
        using (var nettui = await h.StartPausedAsync(2, "bridge", "add", "brc", "--address", "10.5.0.1/24"))
        {
            nettui.Kill(); // SIGKILL: no finally blocks, no journal completion, the flock dropped by the kernel
            await nettui.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        // Half done: brc exists, with its address, but was never brought up.
        var brc = (await h.Lab.Host.IpJsonAsync("addr", "show", "brc"))[0]!;
        Assert.Contains(brc["addr_info"]!.AsArray(), a => (string?)a!["local"] == "10.5.0.1");
        Assert.DoesNotContain("UP", brc["flags"]!.AsArray().Select(f => (string?)f));

        // The next start finds it: history reports it, a new change is refused.
        var history = await h.CliAsync("history");
        Assert.Equal(0, history.ExitCode);
        Assert.Contains("0 of 1 step(s) applied", history.StandardError, StringComparison.Ordinal);
        Assert.Contains("was interrupted", history.StandardError, StringComparison.Ordinal);
        Assert.Contains("rollback --pending", history.StandardError, StringComparison.Ordinal);
        var refused = await h.CliAsync("bridge", "add", "brz");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("half-changed", refused.StandardError, StringComparison.Ordinal);

        var rollback = await h.CliAsync("rollback", "--pending", "--yes");
        Assert.True(rollback.Succeeded, rollback.StandardOutput + rollback.StandardError);
        SnapshotShape.Equal(before, await h.ReadAsync(), "after rollback --pending");

        var rows = await h.Journal.ListAllAsync(TestContext.Current.CancellationToken);
        var crashed = rows.Single(cs => cs.Summary.StartsWith("create bridge brc", StringComparison.Ordinal));
        Assert.Equal(ChangeSetStatus.RolledBack, crashed.Status);
        Assert.Contains(rows, cs => cs.Kind == ChangeSetKind.Rollback && cs.RevertsId == crashed.Id && cs.Status == ChangeSetStatus.Applied);
        Assert.DoesNotContain(rows, cs => cs.Status == ChangeSetStatus.Pending);
        // And changes are accepted again.
        Assert.True((await h.CliAsync("bridge", "add", "brz")).Succeeded);
    }
}
