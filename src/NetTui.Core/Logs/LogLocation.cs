namespace NetTui.Core.Logs;

/// <summary>Where one daemon's lines are read from, or why they cannot be.</summary>
public abstract record LogLocation(LogDaemon Daemon)
{
    /// <summary>The daemon's own log file (OVS's --log-file, the file its stderr goes to, or one configured).</summary>
    public sealed record File(LogDaemon Daemon, string Path) : LogLocation(Daemon);

    /// <summary>The systemd journal, entries whose SYSLOG_IDENTIFIER is the daemon's program.</summary>
    public sealed record Journal(LogDaemon Daemon) : LogLocation(Daemon);

    /// <summary>A syslog file (/var/log/syslog), lines tagged with the daemon's program.</summary>
    public sealed record Syslog(LogDaemon Daemon, string Path) : LogLocation(Daemon);

    /// <summary>Not readable: one line saying why.</summary>
    public sealed record Unavailable(LogDaemon Daemon, string Why) : LogLocation(Daemon);

    /// <summary>Where, in a few words, for the Logs view's header line.</summary>
    public string Describe() => this switch
    {
        File f => f.Path,
        Journal => "journal",
        Syslog s => s.Path,
        Unavailable u => u.Why,
        _ => "",
    };
}

/// <summary>What is known about one daemon on the target: its running process (if found) and a configured log file.</summary>
/// <param name="Running">Whether the daemon runs in the target's network namespace.</param>
/// <param name="CommandLine">Its argv (OVS daemons name their log file there).</param>
/// <param name="StderrFile">The regular file its stderr goes to, when it does (a daemon started with 2&gt;FILE).</param>
/// <param name="Configured">The file the admin named for it (NETTUI_DAEMON_LOGS).</param>
public sealed record DaemonLogFacts(LogDaemon Daemon, bool Running, IReadOnlyList<string> CommandLine, string? StderrFile, string? Configured);

/// <summary>What is known about the host's log stores.</summary>
/// <param name="OvsLogDirectory">OVS_LOGDIR, else the packaged /var/log/openvswitch.</param>
/// <param name="JournalRunning">journald's socket exists (/run/systemd/journal/socket).</param>
/// <param name="SyslogFile">The first of /var/log/syslog, /var/log/messages that exists.</param>
public sealed record HostLogFacts(string OvsLogDirectory, bool JournalRunning, string? SyslogFile);

/// <summary>
/// Decides where each daemon really logs, from what was found on the host; pure, so each rule
/// is a unit test. In order: the file the admin configured; an OVS daemon's --log-file (bare
/// --log-file means OVS_LOGDIR/NAME.log); the regular file its stderr goes to; the journal
/// when journald runs; a syslog file; otherwise one line why not.
/// </summary>
public static class LogLocator
{
    public static LogLocation Locate(DaemonLogFacts d, HostLogFacts host, Func<string, bool> exists)
    {
        if (d.Configured is { Length: > 0 } configured) return new LogLocation.File(d.Daemon, configured);
        if (d.Daemon.IsOvs())
        {
            if (OvsLogFile(d.Daemon, d.CommandLine, host.OvsLogDirectory) is { } named) return new LogLocation.File(d.Daemon, named);
            var standard = System.IO.Path.Combine(host.OvsLogDirectory, d.Daemon.Program() + ".log");
            if (!d.Running && exists(standard)) return new LogLocation.File(d.Daemon, standard);
        }
        if (d.StderrFile is { } stderr) return new LogLocation.File(d.Daemon, stderr);
        if (host.JournalRunning) return new LogLocation.Journal(d.Daemon);
        if (host.SyslogFile is { } syslog) return new LogLocation.Syslog(d.Daemon, syslog);
        var program = d.Daemon.Program();
        return new LogLocation.Unavailable(d.Daemon, d.Running
            ? $"{program}: no log file, no journal and no syslog file here (name one: NETTUI_DAEMON_LOGS={program}=PATH)"
            : $"{program}: not running here, and no log file, journal or syslog file to read");
    }

    /// <summary>OVS's `--log-file[=FILE]`: FILE, or LOGDIR/PROGRAM.log for the bare option; null when it logs to no file.</summary>
    public static string? OvsLogFile(LogDaemon daemon, IReadOnlyList<string> argv, string logDirectory)
    {
        for (var i = 0; i < argv.Count; i++)
        {
            var a = argv[i];
            if (a.StartsWith("--log-file=", StringComparison.Ordinal)) return a["--log-file=".Length..];
            if (a == "--log-file") return System.IO.Path.Combine(logDirectory, daemon.Program() + ".log");
        }
        return null;
    }

    /// <summary>NETTUI_DAEMON_LOGS: "dockerd=/path/a.log,NetworkManager=/path/b.log"; unknown names and empty parts are ignored.</summary>
    public static IReadOnlyDictionary<LogDaemon, string> ParseConfigured(string? value)
    {
        var map = new Dictionary<LogDaemon, string>();
        foreach (var part in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0 || eq == part.Length - 1) continue;
            if (LogDaemons.FromProgram(part[..eq].Trim()) is { } daemon) map[daemon] = part[(eq + 1)..].Trim();
        }
        return map;
    }
}
