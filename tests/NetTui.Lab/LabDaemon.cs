using CliWrap;

namespace NetTui.Lab;

/// <summary>
/// A long-running process the lab started and owns (dockerd, ovsdb-server, NetworkManager,
/// dbus-daemon...). It runs in the foreground as our child (no self-daemonizing, so we know
/// its pid for sure); stdout/stderr go to NAME.log/NAME.err in the state dir (post-mortems, and
/// the daemons' logs nettui's Logs view finds), and its
/// pid goes to <c>NAME.pid</c> there so tests/lab-sweep.sh can end it after a crashed run.
/// </summary>
public sealed class LabDaemon : IAsyncDisposable
{
    private readonly CancellationTokenSource _kill = new();
    private readonly CommandTask<CliWrap.CommandResult> _task;
    private readonly string _marker;

    public string Name { get; }
    public int Pid { get; }
    public string PidFile { get; }
    public string LogFile { get; }
    /// <summary>Where its stderr goes (NAME.err): dockerd's and NetworkManager's (--debug) log lines.</summary>
    public string ErrFile => Path.ChangeExtension(LogFile, ".err");

    private LabDaemon(string name, string dir, string marker, IReadOnlyList<string> argv, IReadOnlyDictionary<string, string>? env)
    {
        Name = name;
        _marker = marker;
        PidFile = Path.Combine(dir, name + ".pid");
        LogFile = Path.Combine(dir, name + ".log");
        var vars = new Dictionary<string, string?> { ["LC_ALL"] = "C" };
        if (env is not null)
            foreach (var (k, v) in env) vars[k] = v;
        // The daemon writes its output straight into the files (sh redirects, then execs it, so
        // the pid stays the daemon's): lines are there as it logs them, not when a copy's buffer
        // fills, and /proc/PID/fd/2 names the file, as for a daemon an admin started with 2>FILE.
        _task = Cli.Wrap("sh")
            .WithArguments(["-c", "exec \"$@\" >>\"$0.log\" 2>>\"$0.err\"", Path.Combine(dir, name), .. argv])
            .WithEnvironmentVariables(vars)
            .WithStandardOutputPipe(PipeTarget.Null)
            .WithStandardErrorPipe(PipeTarget.Null)
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(_kill.Token);
        Pid = _task.ProcessId;
        File.WriteAllText(PidFile, Pid.ToString());
    }

    /// <summary>
    /// Starts <paramref name="argv"/>. <paramref name="marker"/> must occur in its command line
    /// (normally the state dir): it is how every stop and sweep recognises the process as ours.
    /// </summary>
    public static LabDaemon Start(string name, string stateDir, IReadOnlyList<string> argv,
        IReadOnlyDictionary<string, string>? environment = null, string? marker = null)
    {
        var m = marker ?? stateDir;
        if (!string.Join(' ', argv).Contains(m, StringComparison.Ordinal))
            throw new ArgumentException($"{name}: the command line must mention {m} so the sweep can recognise it");
        return new LabDaemon(name, stateDir, m, argv, environment);
    }

    public bool HasExited => _task.Task.IsCompleted;

    /// <summary>The tail of the daemon's output, for failure messages.</summary>
    public string LogTail(int lines = 15)
    {
        var all = new List<string>();
        foreach (var f in new[] { LogFile, Path.ChangeExtension(LogFile, ".err") })
            try { all.AddRange(File.ReadAllLines(f)); } catch (IOException) { }
        return string.Join('\n', all.TakeLast(lines));
    }

    /// <summary>SIGTERM, then SIGKILL after <paramref name="grace"/>; waits until it is gone.</summary>
    public async Task StopAsync(TimeSpan? grace = null)
    {
        if (!HasExited)
            await LabSignals.StopOwnedAsync(Pid, _marker, grace ?? TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        if (!HasExited) _kill.Cancel(); // last resort: CliWrap kills the process itself
        try
        {
            await _task.Task.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) { }
        catch (TimeoutException) { }
        try { File.Delete(PidFile); } catch (IOException) { }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _kill.Dispose();
    }
}
