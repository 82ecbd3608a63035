using System.Globalization;
using NetTui.Core.Logs;
using NetTui.Core.Text;

namespace NetTui.Presentation;

/// <summary>A row of the Logs view: where a daemon's log is read from (or why not), or one line it logged.</summary>
public abstract record LogsRow
{
    public sealed record Source(LogLocation Location) : LogsRow;
    public sealed record Line(BufferedLogLine Logged) : LogsRow;
}

/// <summary>
/// The Logs view, pure: first one row per daemon saying where its log is read from (or, in one
/// line, why it cannot be), then the lines, oldest first and newest last, those naming
/// <c>name</c> only when an object is selected. Every host string passes TerminalText.
/// </summary>
public static class LogsPresenter
{
    public static IRowSet Rows(IReadOnlyList<LogLocation> sources, IReadOnlyList<BufferedLogLine> lines)
    {
        var rows = new List<LogsRow>(sources.Count + lines.Count);
        rows.AddRange(sources.Select(s => new LogsRow.Source(s)));
        rows.AddRange(lines.Select(l => new LogsRow.Line(l)));
        return new RowSet<LogsRow>(ViewKind.Logs, rows,
        [
            new("Time", r => r is LogsRow.Line l ? Time(l.Logged.Line.Time) : ""),
            new("Daemon", r => Daemon(r).Program()),
            new("Level", r => r switch
            {
                LogsRow.Source { Location: LogLocation.Unavailable } => "n/a",
                LogsRow.Source => "source",
                LogsRow.Line l => Level(l.Logged.Line.Severity),
                _ => "",
            }),
            new("Message", r => r switch
            {
                LogsRow.Source s => SourceText(s.Location),
                LogsRow.Line l => TerminalText.Escape(l.Logged.Line.Message),
                _ => "",
            }),
        ],
        Key, Detail, orderIsMeaningful: true, tone: Tone);
    }

    /// <summary>
    /// The name a selected row's object goes by in daemons' logs (`l` filters to it): an
    /// interface, a bridge port (else the bridge), an OVS interface (else port, else bridge), a
    /// route's device, a container, a drifting interface; null where a row names nothing.
    /// </summary>
    public static string? SubjectName(object? subject) => subject switch
    {
        Core.Model.Link l => l.Name,
        BridgeRow b => b.Port?.Name ?? b.Bridge.Name,
        OvsRow o => o.Interface?.Name ?? o.Port?.Name ?? o.Bridge.Name,
        Core.Model.Route r => r.Device,
        Core.Model.Container c => c.Name,
        Core.Persisting.DriftItem d => d.Interface ?? d.Object,
        _ => null,
    };

    /// <summary>What the Logs view says for a source row: where it reads, or why it cannot.</summary>
    public static string SourceText(LogLocation location) => location switch
    {
        LogLocation.File f => "reading " + TerminalText.Escape(f.Path),
        LogLocation.Journal => "reading the systemd journal (journalctl -t " + location.Daemon.Program() + ")",
        LogLocation.Syslog s => "reading " + TerminalText.Escape(s.Path) + " (lines tagged " + location.Daemon.Program() + ")",
        LogLocation.Unavailable u => "not readable: " + TerminalText.Escape(u.Why),
        _ => "",
    };

    public static string Level(LogSeverity s) => s switch
    {
        LogSeverity.Error => "ERR",
        LogSeverity.Warning => "WARN",
        LogSeverity.Info => "INFO",
        LogSeverity.Debug => "DBG",
        _ => "",
    };

    private static string Time(DateTimeOffset? t) =>
        t is { } v ? v.UtcDateTime.ToString("MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "";

    private static LogDaemon Daemon(LogsRow r) => r switch
    {
        LogsRow.Source s => s.Location.Daemon,
        LogsRow.Line l => l.Logged.Line.Daemon,
        _ => LogDaemon.OvsVswitchd,
    };

    private static string Key(LogsRow r) => r switch
    {
        LogsRow.Source s => "source:" + s.Location.Daemon.Program(),
        LogsRow.Line l => "line:" + l.Logged.Number.ToString(CultureInfo.InvariantCulture),
        _ => "",
    };

    private static RowTone Tone(LogsRow r) => r switch
    {
        LogsRow.Source { Location: LogLocation.Unavailable } => RowTone.Warn,
        LogsRow.Source => RowTone.Dim,
        LogsRow.Line { Logged.Line.Severity: LogSeverity.Error } => RowTone.Error,
        LogsRow.Line { Logged.Line.Severity: LogSeverity.Warning } => RowTone.Warn,
        _ => RowTone.Normal,
    };

    private static DetailModel Detail(LogsRow r)
    {
        if (r is LogsRow.Source s)
        {
            var d = new DetailBuilder($"Log of {s.Location.Daemon.Program()}").Add("source", SourceText(s.Location));
            if (ReadCommand(s.Location) is { } cmd) d.Command(cmd);
            return d.Build();
        }
        var line = ((LogsRow.Line)r).Logged.Line;
        return new DetailBuilder($"{line.Daemon.Program()} said")
            .Add("time (UTC)", line.Time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture))
            .Add("level", Level(line.Severity))
            .Add("message", TerminalText.Escape(line.Message))
            .Build();
    }

    /// <summary>The command an admin would type to read the same log.</summary>
    public static string? ReadCommand(LogLocation location) => location switch
    {
        LogLocation.File f => "tail -F " + Core.Commands.ShellQuote.Quote(TerminalText.Escape(f.Path)),
        LogLocation.Journal => "journalctl -f -t " + location.Daemon.Program(),
        LogLocation.Syslog s => $"tail -F {TerminalText.Escape(s.Path)} | grep {location.Daemon.Program()}",
        _ => null,
    };
}
