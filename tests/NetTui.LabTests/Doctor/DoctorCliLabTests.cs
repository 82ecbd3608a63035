using System.Text.Json;
using NetTui.Core.Doctor;
using NetTui.Lab;

namespace NetTui.LabTests.Doctor;

/// <summary>
/// `nettui doctor` as a program: exit 1 with a finding, `--fix` refused (exit 2) without
/// --yes when there is no terminal, applied with --yes, and exit 0 afterwards.
/// </summary>
public sealed class DoctorCliLabTests
{
    [Fact]
    public async Task Doctor_names_the_stopped_server_refuses_to_fix_without_yes_and_fixes_with_it()
    {
        await using var lab = await DoctorLab.CreateAsync();
        await lab.Ovs!.StopServerAsync();
        var history = Path.Combine(lab.Host.StateDir, "history.db");
        var env = lab.OvsEnvironment()
            .Add("DOCKER_HOST", "unix://" + Path.Combine(lab.Host.StateDir, "absent.sock"))
            .Add("NETTUI_HISTORY", history); // never the machine's /var/lib/nettui
        string[] common = ["--netns", lab.Host.Name, "--ovs-db", lab.Ovs.DbTarget, "--docker-config", lab.DaemonJson, "--boot-script", Path.Combine(lab.Host.StateDir, "rc.local")];

        var diagnose = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["doctor", .. common]);
        Assert.True(diagnose.ExitCode == 1, diagnose.StandardOutput + diagnose.StandardError);
        Assert.Contains(FindingIds.OvsServerNotRunning, diagnose.StandardOutput);
        Assert.Contains("database connection failed", diagnose.StandardOutput);

        var refused = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["doctor", .. common, "--fix", FindingIds.OvsServerNotRunning]);
        Assert.True(refused.ExitCode == 2, refused.StandardOutput + refused.StandardError);
        Assert.Contains("--yes", refused.StandardError);
        Assert.Contains("ovsdb-server " + lab.Ovs.DbFile, refused.StandardOutput); // the plan was shown
        Assert.False(File.Exists(lab.Ovs.DbSocket)); // and nothing ran

        var fixedRun = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["doctor", .. common, "--fix", FindingIds.OvsServerNotRunning, "--yes"]);
        Assert.Contains("is resolved", fixedRun.StandardOutput);
        Assert.Contains("Journaled as change-set #", fixedRun.StandardOutput);
        Assert.True(File.Exists(history));
        Assert.True(fixedRun.ExitCode == 0, fixedRun.StandardOutput + fixedRun.StandardError);
        Assert.True((await lab.VsctlShowAsync()).Succeeded);

        // The fix started ovsdb-server: undo does not stop it, and says so by name; rollback goes past it.
        string[] scope = ["--netns", lab.Host.Name];
        var undo = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["undo", "--yes", .. scope]);
        Assert.True(undo.ExitCode == 1, undo.StandardOutput + undo.StandardError);
        Assert.Contains("starting ovsdb-server is not undone; stop it by hand if wanted", undo.StandardError);
        Assert.Matches(@"Doctor fix #\d+: starting ovsdb-server", undo.StandardError);
        var rollback = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["rollback", "--to", "0", "--yes", .. scope]);
        Assert.True(rollback.ExitCode == 0, rollback.StandardOutput + rollback.StandardError);
        Assert.Contains("skipped: Doctor fix #", rollback.StandardError);
        Assert.True((await lab.VsctlShowAsync()).Succeeded, "ovsdb-server still runs");

        var json = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["doctor", .. common, "--json"]);
        Assert.True(json.ExitCode == 0, json.StandardOutput + json.StandardError);
        using var doc = JsonDocument.Parse(json.StandardOutput);
        Assert.True(doc.RootElement.GetProperty("healthy").GetBoolean());
        Assert.Equal(lab.Ovs.DbSocket, doc.RootElement.GetProperty("facts").GetProperty("ovs").GetProperty("clientSocket").GetString());
    }
}
