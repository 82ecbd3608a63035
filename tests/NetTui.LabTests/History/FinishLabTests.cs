using NetTui.History.Journaling;
using NetTui.Lab;

namespace NetTui.LabTests.History;

/// <summary>
/// `nettui finish`: a two-operation plan (an OVS bridge, then a Linux bridge with an address)
/// is SIGKILLed between two steps (the test-only NETTUI_TEST_PAUSE_AFTER_STEP hook); finish
/// completes it on the real host, checked with ip -j and ovs-vsctl, and the journal then shows
/// that same change-set applied, with every step applied.
/// </summary>
public sealed class FinishLabTests
{
    private static string Plan(HistoryLab h) => WritePlan(h, """
        { "schema": "nettui.plan/v1", "metadata": { "createdBy": "test" }, "operations": [
          { "op": "ovs.bridge.add", "name": "ovsf", "datapath": "netdev" },
          { "op": "bridge.add", "name": "brf", "address": "10.6.0.1/24" } ] }
        """);

    private static string WritePlan(HistoryLab h, string json)
    {
        var path = Path.Combine(h.Lab.Host.StateDir, "finish.plan.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public async Task A_change_killed_inside_a_step_is_finished_the_half_done_step_redone()
    {
        await using var h = await HistoryLab.CreateAsync(ovs: true);
        // Steps: 1 create ovsf; 2 create brf, 3 its address (pause here, SIGKILL), 4 bring brf up.
        await CrashAsync(h, 3);
        var brf = (await h.Lab.Host.IpJsonAsync("link", "show", "brf"))[0]!;
        Assert.DoesNotContain("UP", brf["flags"]!.AsArray().Select(f => (string?)f));

        await FinishAndCheckAsync(h, "was half-done");
    }

    [Fact]
    public async Task A_change_killed_between_two_operations_is_finished()
    {
        await using var h = await HistoryLab.CreateAsync(ovs: true);
        await CrashAsync(h, 1);
        Assert.False((await h.Lab.Host.RunAsync("ip", "link", "show", "brf")).Succeeded, "brf must not exist yet");

        await FinishAndCheckAsync(h, null);
    }

    private static async Task CrashAsync(HistoryLab h, int pauseAfter)
    {
        using var nettui = await h.StartPausedAsync(pauseAfter, "apply", Plan(h));
        nettui.Kill(); // SIGKILL: no journal completion, the flock dropped by the kernel
        await nettui.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    private static async Task FinishAndCheckAsync(HistoryLab h, string? how)
    {
        // Without --yes and nobody to ask: usage error, nothing done.
        var asked = await h.CliAsync("finish", "--json");
        Assert.Equal(2, asked.ExitCode);

        var finish = await h.CliAsync("finish", "--yes");
        Assert.True(finish.Succeeded, finish.StandardOutput + finish.StandardError);
        Assert.Contains("done and verified", finish.StandardOutput, StringComparison.Ordinal);
        if (how is not null) Assert.Contains(how, finish.StandardOutput, StringComparison.Ordinal);

        // The whole change is on the host.
        var brf = (await h.Lab.Host.IpJsonAsync("addr", "show", "brf"))[0]!;
        Assert.Contains("UP", brf["flags"]!.AsArray().Select(f => (string?)f));
        Assert.Contains(brf["addr_info"]!.AsArray(), a => (string?)a!["local"] == "10.6.0.1" && (int?)a["prefixlen"] == 24);
        Assert.Equal("bridge", (string?)(await h.Lab.Host.IpJsonAsync("-d", "link", "show", "brf"))[0]!["linkinfo"]!["info_kind"]);
        var ovs = await h.Lab.Ovs!.VsctlCheckedAsync("list-br");
        Assert.Contains("ovsf", ovs.StandardOutput.Split('\n', StringSplitOptions.TrimEntries));
        Assert.Equal("netdev", (await h.Lab.Ovs.VsctlCheckedAsync("get", "bridge", "ovsf", "datapath_type")).StandardOutput.Trim().Trim('"'));

        // The journal: the crashed change-set itself is applied, every step applied, nothing pending.
        var rows = await h.Journal.ListAllAsync(TestContext.Current.CancellationToken);
        var cs = Assert.Single(rows);
        Assert.Equal(ChangeSetStatus.Applied, cs.Status);
        var detail = (await h.Journal.GetAsync(cs.Id, TestContext.Current.CancellationToken))!;
        Assert.All(detail.Steps, s => Assert.Equal(StepStatus.Applied, s.Status));
        Assert.All(detail.Steps, s => Assert.NotNull(s.InverseKind));

        // Changes are accepted again, and the finished change undoes like any other.
        Assert.True((await h.CliAsync("finish", "--yes")).Succeeded, "nothing left: still exit 0");
        var undo = await h.CliAsync("undo", "--yes");
        Assert.True(undo.Succeeded, undo.StandardOutput + undo.StandardError);
        Assert.False((await h.Lab.Host.RunAsync("ip", "link", "show", "brf")).Succeeded, "undo removes brf");
        Assert.DoesNotContain("ovsf", (await h.Lab.Ovs.VsctlCheckedAsync("list-br")).StandardOutput, StringComparison.Ordinal);
    }
}
