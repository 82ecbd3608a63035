using NetTui.Lab;

namespace NetTui.LabTests;

/// <summary>
/// The Logs view of the real program in tmux against a lab host running ovsdb-server,
/// ovs-vswitchd, NetworkManager and dockerd: each daemon's log is found where it really goes
/// (OVS's --log-file from its command line, NetworkManager's from the file its stderr is open
/// on, dockerd's named in NETTUI_DAEMON_LOGS), a failing `add-port` (untyped, no such device) puts ovs-vswitchd's
/// error line on screen while the view is open (followed live, no key pressed), and `l` on the
/// port's row in Open vSwitch shows only the lines naming it.
/// </summary>
public sealed partial class TuiLogsTmuxTests
{
    [Fact]
    public async Task A_failing_add_port_puts_ovs_vswitchds_error_line_in_the_Logs_view()
    {
        await using var host = await LabHost.CreateAsync();
        var ovs = await LabOvs.StartAsync(host);
        await ovs.AddBridgeAsync("obr0");
        var nm = await LabNetworkManager.StartAsync(host);
        var docker = await LabDocker.StartAsync(host);

        var env = NettuiCli.Environment(host.StateDir, new Dictionary<string, string>
        {
            ["DBUS_SYSTEM_BUS_ADDRESS"] = nm.BusAddress,
            ["DOCKER_HOST"] = docker.DockerHost,
            // dockerd's file is named (as an admin would for a daemon whose output a supervisor keeps);
            // NetworkManager's is found: the file its stderr is open on.
            ["NETTUI_DAEMON_LOGS"] = $"dockerd={docker.LogFile}",
        });
        foreach (var (k, v) in ovs.Environment) env[k] = v;
        var tmux = await LabTmux.StartAsync(host, [.. NettuiCli.Command, "--netns", host.Name, "--ovs-db", ovs.DbTarget], env, width: 148, height: 40);
        await tmux.WaitForTextAsync("OVS ok", TimeSpan.FromSeconds(60));

        await tmux.SendKeysAsync("9");
        await tmux.WaitForTextAsync(" said├", TimeSpan.FromSeconds(20)); // newest last: the view follows the end, a line is selected
        // The first rows say where each daemon's log is read from.
        await tmux.SendKeysAsync("Home");
        var screen = await tmux.WaitForTextAsync("ovs-vswitchd.ovslog");
        Assert.Contains("reading " + nm.LogFile, screen, StringComparison.Ordinal);
        Assert.Contains("reading " + docker.LogFile, screen, StringComparison.Ordinal);
        Assert.Contains("ovsdb-server.ovslog", screen, StringComparison.Ordinal);
        await tmux.SendKeysAsync("End"); // back to following new lines

        // As the seed's admin did: a port without a type, whose device does not exist.
        await ovs.VsctlAsync("add-port", "obr0", "gre9");
        screen = await tmux.WaitForTextAsync("gre9 (No such device)", TimeSpan.FromSeconds(30));
        var error = screen.Split('\n').First(l => l.Contains("gre9 (No such device)", StringComparison.Ordinal));
        Assert.Contains("ovs-vswitchd", error, StringComparison.Ordinal);
        Assert.Contains("WARN", error, StringComparison.Ordinal);
        SaveFixtures(ovs, nm, docker);

        // `l` on gre9's row in Open vSwitch: only lines naming gre9 (the source rows stay).
        await tmux.SendKeysAsync("3");
        // OVS is re-read every 5 s: wait for the port's row (its error column names the device).
        await LabWait.UntilAsync("gre9's row in the Open vSwitch view", async () =>
        {
            var s = await tmux.ScreenAsync();
            return !s.Contains(" said├", StringComparison.Ordinal) && s.Contains("gre9", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200));
        await tmux.SendKeysAsync("/");
        await tmux.SendTextAsync("gre9");
        await tmux.SendKeysAsync("Enter");
        await tmux.SendKeysAsync("l");
        screen = await tmux.WaitForTextAsync("lines naming gre9", TimeSpan.FromSeconds(20));
        var shown = LogLines(screen);
        Assert.NotEmpty(shown);
        Assert.All(shown, l => Assert.Contains("gre9", l, StringComparison.Ordinal));

        // `l` again in Logs: every line, the bridge's own lines too.
        await tmux.SendKeysAsync("l");
        await tmux.WaitForTextAsync("every line", TimeSpan.FromSeconds(20));
        await LabWait.UntilAsync("lines not naming gre9 in the Logs view", async () =>
            LogLines(await tmux.ScreenAsync()).Any(l => !l.Contains("gre9", StringComparison.Ordinal)), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200));
    }

    /// <summary>The rows of the Logs table that are daemons' lines: they start with a time (source rows have none).</summary>
    private static List<string> LogLines(string screen) =>
        screen.Split('\n').Where(l => LineRow().IsMatch(l)).ToList();

    [System.Text.RegularExpressions.GeneratedRegex(@"^│\d\d-\d\d \d\d:\d\d:\d\d (ovs-vswitchd|ovsdb-server|NetworkManager|dockerd) ")]
    private static partial System.Text.RegularExpressions.Regex LineRow();

    /// <summary>With NETTUI_LOG_FIXTURES_DIR set, copies the daemons' real logs there (how tests/NetTui.UnitTests/Fixtures/logs was captured).</summary>
    private static void SaveFixtures(LabOvs ovs, LabNetworkManager nm, LabDocker docker)
    {
        if (Environment.GetEnvironmentVariable("NETTUI_LOG_FIXTURES_DIR") is not { Length: > 0 } dir) return;
        Directory.CreateDirectory(dir);
        foreach (var f in new[] { Path.Combine(ovs.Dir, "ovs-vswitchd.ovslog"), Path.Combine(ovs.Dir, "ovsdb-server.ovslog"), nm.LogFile, docker.LogFile })
            File.Copy(f, Path.Combine(dir, Path.GetFileName(f)), overwrite: true);
    }
}
