namespace NetTui.Core.Logs;

/// <summary>The daemons whose logs the Logs view follows.</summary>
public enum LogDaemon
{
    OvsVswitchd,
    OvsdbServer,
    NetworkManager,
    Dockerd,
}

/// <summary>How bad a log line says it is, as the daemon wrote it (ERR, <warn>, level=error, PRIORITY=3).</summary>
public enum LogSeverity
{
    Unknown,
    Debug,
    Info,
    Warning,
    Error,
}

/// <summary>
/// One line a daemon logged, parsed: when (null when the line carries no time), how bad, and
/// what it said. <see cref="Message"/> is the host's text as read: it goes through TerminalText
/// before it reaches a terminal.
/// </summary>
public sealed record LogLine(LogDaemon Daemon, DateTimeOffset? Time, LogSeverity Severity, string Message);

public static class LogDaemons
{
    public static readonly IReadOnlyList<LogDaemon> All = [LogDaemon.OvsVswitchd, LogDaemon.OvsdbServer, LogDaemon.NetworkManager, LogDaemon.Dockerd];

    /// <summary>The program's name: its /proc comm, its syslog identifier and its journal SYSLOG_IDENTIFIER.</summary>
    public static string Program(this LogDaemon d) => d switch
    {
        LogDaemon.OvsVswitchd => "ovs-vswitchd",
        LogDaemon.OvsdbServer => "ovsdb-server",
        LogDaemon.NetworkManager => "NetworkManager",
        LogDaemon.Dockerd => "dockerd",
        _ => d.ToString(),
    };

    /// <summary>The daemon named <paramref name="program"/> (case-insensitive), if it is one of ours.</summary>
    public static LogDaemon? FromProgram(string? program) =>
        All.Cast<LogDaemon?>().FirstOrDefault(d => string.Equals(d!.Value.Program(), program, StringComparison.OrdinalIgnoreCase));

    public static bool IsOvs(this LogDaemon d) => d is LogDaemon.OvsVswitchd or LogDaemon.OvsdbServer;
}
