using System.Runtime.CompilerServices;
using NetTui.Lab;

namespace NetTui.LabTests;

/// <summary>
/// The real `nettui` full-screen UI in a real terminal (the lab's tmux, 80x24) against a
/// lab namespace: the screen is read with capture-pane, a link is created from outside with
/// `ip`, and it must appear without any key being pressed (netlink events drive the UI).
/// </summary>
public sealed class TuiTmuxTests
{
    [Fact]
    public async Task A_link_added_from_outside_appears_on_screen_without_a_keypress()
    {
        await using var host = await LabHost.CreateAsync();
        await host.CheckedAsync("ip", "link", "add", "br0", "type", "bridge");
        await host.CheckedAsync("ip", "addr", "add", "10.61.0.1/24", "dev", "br0");
        await host.CheckedAsync("ip", "link", "set", "br0", "up");

        // nettui must not reach the machine's own daemons: every default socket points nowhere.
        var absent = Path.Combine(host.StateDir, "absent");
        var env = new Dictionary<string, string>
        {
            ["NETTUI_LOG"] = Path.Combine(host.StateDir, "nettui-tui.log"),
            ["DOCKER_HOST"] = "unix://" + Path.Combine(absent, "docker.sock"),
            ["OVS_RUNDIR"] = absent,
            ["DBUS_SYSTEM_BUS_ADDRESS"] = "unix:path=" + Path.Combine(absent, "bus.sock"),
            // The TUI reads the journal at start (History view, crash question): never /var/lib/nettui from a test.
            ["NETTUI_HISTORY"] = Path.Combine(host.StateDir, "history.db"),
        };
        var tmux = await LabTmux.StartAsync(host, [.. NettuiCli.Command, "--netns", host.Name], env, width: 80, height: 24);

        var screen = await tmux.WaitForTextAsync("iproute2 ok", TimeSpan.FromSeconds(60));
        screen = await tmux.WaitForTextAsync("10.61.0.1/24");
        var lines = screen.TrimEnd('\n').Split('\n');
        Assert.Contains($"netns {host.Name}", lines[0]);
        Assert.Contains("OVS DOWN", lines[1]);
        Assert.Contains("br0", screen);
        Assert.Contains("Quit", lines[^1]);

        // From outside NetTui, as an admin in another terminal would; no key is sent.
        await host.CheckedAsync("ip", "link", "add", "ntl-e2e0", "type", "veth", "peer", "name", "ntl-e2e1");
        screen = await tmux.WaitForTextAsync("ntl-e2e0");
        Assert.Contains("ntl-e2e1", screen);
        SaveCapture(screen);

        await host.CheckedAsync("ip", "link", "del", "ntl-e2e0");
        await LabWait.UntilAsync("the deleted veth gone from the screen",
            async () => !(await tmux.ScreenAsync()).Contains("ntl-e2e0"), TimeSpan.FromSeconds(20));

        // q quits (the lab keeps the dead pane for post-mortems).
        await tmux.SendKeysAsync("q");
        await LabWait.UntilAsync("nettui to quit on q", async () =>
            (await tmux.TmuxAsync("list-panes", "-a", "-F", "#{pane_dead}")).StandardOutput.Trim() == "1",
            TimeSpan.FromSeconds(20));
    }

    /// <summary>
    /// The live capture, for README (docs/screen-tmux.txt). It names a random namespace and
    /// the time, so it is rewritten only on request (NETTUI_UPDATE_CAPTURES=1), not by every run.
    /// </summary>
    private static void SaveCapture(string screen, [CallerFilePath] string caller = "")
    {
        if (Environment.GetEnvironmentVariable("NETTUI_UPDATE_CAPTURES") != "1") return;
        var dir = Path.GetDirectoryName(caller);
        while (dir is not null && !File.Exists(Path.Combine(dir, "NetTui.sln"))) dir = Path.GetDirectoryName(dir);
        if (dir is null) return;
        Directory.CreateDirectory(Path.Combine(dir, "docs"));
        File.WriteAllText(Path.Combine(dir, "docs", "screen-tmux.txt"),
            string.Join("\n", screen.Replace("\r", "").Split('\n').Select(l => l.TrimEnd())).TrimEnd() + "\n");
    }
}
