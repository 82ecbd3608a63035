using System.Runtime.CompilerServices;
using NetTui.Lab;

namespace NetTui.LabTests;

/// <summary>
/// The real `nettui` full-screen UI in a real terminal (tmux, 80x24) against a lab
/// namespace: the screen is read with capture-pane, a link is created from outside with
/// `ip`, and it must appear without any key being pressed (netlink events drive the UI).
/// tmux runs on its own server socket, so no other tmux session is ever touched.
/// </summary>
public sealed class TuiTmuxTests
{
    private sealed class TmuxSession(string socket) : IAsyncDisposable
    {
        public const string Name = "tui";

        public static async Task<TmuxSession> StartAsync(string socket, int width, int height, IReadOnlyList<string> command)
        {
            var session = new TmuxSession(socket);
            await LabExec.CheckedAsync(["tmux", "-L", socket, "new-session", "-d", "-s", Name,
                "-x", width.ToString(), "-y", height.ToString(), .. command]);
            return session;
        }

        public async Task<string> CaptureAsync() =>
            (await LabExec.CheckedAsync("tmux", "-L", socket, "capture-pane", "-p", "-t", Name)).StandardOutput;

        public async Task<bool> IsRunningAsync() =>
            (await LabExec.RunAsync("tmux", "-L", socket, "has-session", "-t", Name)).Succeeded;

        public Task SendKeysAsync(params string[] keys) =>
            LabExec.CheckedAsync(["tmux", "-L", socket, "send-keys", "-t", Name, .. keys]);

        public async Task<string> WaitForAsync(string what, Func<string, bool> condition, TimeSpan timeout)
        {
            string screen = "";
            try
            {
                await LabWait.UntilAsync(what, async () => condition(screen = await CaptureAsync()), timeout, TimeSpan.FromMilliseconds(200));
            }
            catch (LabException e)
            {
                throw new LabException($"{e.Message}; the screen was:\n{screen}", e);
            }
            return screen;
        }

        // Only this test's tmux server (its own -L socket) is stopped, with what runs in it.
        public async ValueTask DisposeAsync() => await LabExec.RunAsync("tmux", "-L", socket, "kill-server");
    }

    [Fact]
    public async Task A_link_added_from_outside_appears_on_screen_without_a_keypress()
    {
        await using var host = await LabHost.CreateAsync();
        await host.CheckedAsync("ip", "link", "add", "br0", "type", "bridge");
        await host.CheckedAsync("ip", "addr", "add", "10.61.0.1/24", "dev", "br0");
        await host.CheckedAsync("ip", "link", "set", "br0", "up");

        // nettui must not reach the machine's own daemons: every default socket points nowhere.
        var absent = Path.Combine(host.StateDir, "absent");
        string[] command =
        [
            "env",
            "NETTUI_LOG=" + Path.Combine(host.StateDir, "nettui-tui.log"),
            "DOCKER_HOST=unix://" + Path.Combine(absent, "docker.sock"),
            "OVS_RUNDIR=" + absent,
            "DBUS_SYSTEM_BUS_ADDRESS=unix:path=" + Path.Combine(absent, "bus.sock"),
            "dotnet", NettuiCli.DllPath, "--netns", host.Name,
        ];
        await using var tmux = await TmuxSession.StartAsync($"ntl-{host.Name}", 80, 24, command);

        var screen = await tmux.WaitForAsync("the first snapshot on screen",
            s => s.Contains("iproute2 ok") && s.Contains("br0"), TimeSpan.FromSeconds(60));
        var lines = screen.TrimEnd('\n').Split('\n');
        Assert.Contains($"netns {host.Name}", lines[0]);
        Assert.Contains("OVS DOWN", lines[1]);
        Assert.Contains("Quit", lines[^1]);
        Assert.Contains("10.61.0.1/24", screen);

        // From outside NetTui, as an admin in another terminal would.
        await host.CheckedAsync("ip", "link", "add", "ntl-e2e0", "type", "veth", "peer", "name", "ntl-e2e1");
        screen = await tmux.WaitForAsync("the new veth on screen without a keypress",
            s => s.Contains("ntl-e2e0") && s.Contains("ntl-e2e1"), TimeSpan.FromSeconds(20));
        SaveCapture(screen);

        await host.CheckedAsync("ip", "link", "del", "ntl-e2e0");
        await tmux.WaitForAsync("the deleted veth gone from the screen",
            s => !s.Contains("ntl-e2e0"), TimeSpan.FromSeconds(20));

        // q quits: nettui exits, and with it the only session of this tmux server.
        await tmux.SendKeysAsync("q");
        await LabWait.UntilAsync("nettui to quit on q", async () => !await tmux.IsRunningAsync(), TimeSpan.FromSeconds(20));
    }

    /// <summary>The live capture, for README (docs/screen-tmux.txt).</summary>
    private static void SaveCapture(string screen, [CallerFilePath] string caller = "")
    {
        var dir = Path.GetDirectoryName(caller);
        while (dir is not null && !File.Exists(Path.Combine(dir, "NetTui.sln"))) dir = Path.GetDirectoryName(dir);
        if (dir is null) return;
        Directory.CreateDirectory(Path.Combine(dir, "docs"));
        File.WriteAllText(Path.Combine(dir, "docs", "screen-tmux.txt"),
            string.Join("\n", screen.Replace("\r", "").Split('\n').Select(l => l.TrimEnd())).TrimEnd() + "\n");
    }
}
