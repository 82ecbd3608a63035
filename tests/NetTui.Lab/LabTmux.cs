namespace NetTui.Lab;

/// <summary>
/// A terminal for full-screen programs (nettui's TUI, nmtui as a peer to compare with): a
/// tmux server private to one <see cref="LabHost"/> (its own socket in the state dir, so
/// it never meets a user's tmux), started inside the host's namespace so the program in
/// the pane sees that host. Keys go in with send-keys, the screen comes out as text.
/// </summary>
public sealed class LabTmux : IAsyncDisposable
{
    private const string Session = "lab";
    private readonly LabHost _host;

    public string SocketPath { get; }
    public string PidFile { get; }
    public int? ServerPid { get; private set; }

    private LabTmux(LabHost host, string name)
    {
        _host = host;
        SocketPath = Path.Combine(host.StateDir, $"tmux-{name}.sock");
        PidFile = Path.Combine(host.StateDir, $"tmux-{name}.pid");
    }

    /// <summary>Starts <paramref name="argv"/> in a detached width x height pane.</summary>
    public static async Task<LabTmux> StartAsync(LabHost host, IReadOnlyList<string> argv, IReadOnlyDictionary<string, string>? environment = null,
        int width = 120, int height = 40, string name = "tui")
    {
        var t = new LabTmux(host, name);
        host.Own(t);
        List<string> cmd = ["tmux", "-S", t.SocketPath, "new-session", "-d", "-s", Session, "-x", width.ToString(), "-y", height.ToString()];
        // -e: the pane's environment (tmux does not pass the client's on to the program).
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) cmd.AddRange(["-e", $"{k}={v}"]);
        cmd.Add("--");
        cmd.AddRange(argv);
        var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["TERM"] = "xterm-256color" };
        (await host.RunAsync(cmd, env, TimeSpan.FromSeconds(15)).ConfigureAwait(false)).EnsureSuccess();
        // The server daemonized itself: record its pid so a sweep can end it after a crash
        // (its command line names the socket, i.e. the state dir).
        var pid = await t.TmuxAsync("display-message", "-p", "-t", Session, "#{pid}").ConfigureAwait(false);
        if (int.TryParse(pid.StandardOutput.Trim(), out var p))
        {
            t.ServerPid = p;
            await File.WriteAllTextAsync(t.PidFile, p.ToString()).ConfigureAwait(false);
        }
        // Keep the pane (and its last screen) when the program exits, for post-mortems.
        await t.TmuxAsync("set-option", "-t", Session, "remain-on-exit", "on").ConfigureAwait(false);
        return t;
    }

    public Task<ExecResult> TmuxAsync(params string[] args) =>
        LabExec.RunAsync(["tmux", "-S", SocketPath, .. args], null, TimeSpan.FromSeconds(10));

    /// <summary>tmux key names ("Enter", "Down", "C-c", "F10") or literal text.</summary>
    public async Task SendKeysAsync(params string[] keys) =>
        (await TmuxAsync(["send-keys", "-t", Session, .. keys]).ConfigureAwait(false)).EnsureSuccess();

    /// <summary>Literal text, no key-name interpretation.</summary>
    public async Task SendTextAsync(string text) =>
        (await TmuxAsync("send-keys", "-t", Session, "-l", text).ConfigureAwait(false)).EnsureSuccess();

    /// <summary>The visible screen as plain text, one line per row.</summary>
    public async Task<string> ScreenAsync() =>
        (await TmuxAsync("capture-pane", "-p", "-t", Session).ConfigureAwait(false)).EnsureSuccess().StandardOutput;

    /// <summary>Waits until the screen shows <paramref name="text"/>; the failure message shows the screen.</summary>
    public async Task<string> WaitForTextAsync(string text, TimeSpan? timeout = null)
    {
        var screen = "";
        try
        {
            await LabWait.UntilAsync($"\"{text}\" on the screen", async () =>
            {
                screen = await ScreenAsync().ConfigureAwait(false);
                return screen.Contains(text, StringComparison.Ordinal);
            }, timeout ?? TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(100)).ConfigureAwait(false);
        }
        catch (LabException e)
        {
            throw new LabException($"{e.Message}; the screen was:\n{screen}", e);
        }
        return screen;
    }

    public async ValueTask DisposeAsync()
    {
        await TmuxAsync("kill-server").ConfigureAwait(false);
        if (ServerPid is { } pid)
            await LabSignals.StopOwnedAsync(pid, SocketPath, TimeSpan.FromSeconds(3)).ConfigureAwait(false);
        try { File.Delete(PidFile); } catch (IOException) { }
    }
}
