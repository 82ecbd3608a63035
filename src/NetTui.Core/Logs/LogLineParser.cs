using System.Globalization;
using System.Text.Json;

namespace NetTui.Core.Logs;

/// <summary>
/// Pure parsers for what each daemon writes, one line at a time: OVS's vlog file format,
/// NetworkManager's "&lt;level&gt; [epoch] text", dockerd's logrus "time=... level=... msg=...",
/// a syslog file line, and a journal entry (journalctl -o json). A line that fits no format is
/// kept whole with no time (a daemon's stray stderr still says something).
/// </summary>
public static class LogLineParser
{
    /// <summary>A line of the daemon's own log file (or the stderr it was started with).</summary>
    public static LogLine? FileLine(LogDaemon daemon, string raw)
    {
        var line = raw.TrimEnd('\r');
        if (line.Length == 0) return null;
        return daemon switch
        {
            LogDaemon.OvsVswitchd or LogDaemon.OvsdbServer => Ovs(daemon, line),
            LogDaemon.NetworkManager => NetworkManager(line, null),
            LogDaemon.Dockerd => Dockerd(line, null),
            _ => new LogLine(daemon, null, LogSeverity.Unknown, line),
        };
    }

    /// <summary>
    /// A syslog file line of one of our daemons ("2026-12-07T08:00:00.123+00:00 host prog[pid]: text"
    /// or "Dec  7 08:00:00 host prog[pid]: text"); null for other programs' lines.
    /// <paramref name="year"/> completes the traditional format, which has none.
    /// </summary>
    public static LogLine? SyslogLine(string raw, int year)
    {
        var line = raw.TrimEnd('\r');
        DateTimeOffset? time;
        string rest;
        var firstSpace = line.IndexOf(' ');
        if (firstSpace > 0 && DateTimeOffset.TryParse(line[..firstSpace], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso))
        {
            time = iso;
            rest = line[(firstSpace + 1)..];
        }
        else if (line.Length > 16 && DateTime.TryParseExact(line[..15], ["MMM d HH:mm:ss", "MMM  d HH:mm:ss", "MMM dd HH:mm:ss"], CultureInfo.InvariantCulture,
                     DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowInnerWhite, out var old))
        {
            time = new DateTimeOffset(new DateTime(year, old.Month, old.Day, old.Hour, old.Minute, old.Second, DateTimeKind.Utc));
            rest = line[16..];
        }
        else return null;

        // "host prog[pid]: message"
        var hostEnd = rest.IndexOf(' ');
        if (hostEnd < 0) return null;
        var tagged = rest[(hostEnd + 1)..];
        var colon = tagged.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0) return null;
        var tag = tagged[..colon];
        var bracket = tag.IndexOf('[');
        if (LogDaemons.FromProgram(bracket > 0 ? tag[..bracket] : tag) is not { } daemon) return null;
        return Message(daemon, tagged[(colon + 2)..], time, null);
    }

    /// <summary>One entry of `journalctl -o json` (one JSON object per line); null if it is not one of ours or not JSON.</summary>
    public static LogLine? JournalLine(string raw)
    {
        try
        {
            using var doc = JsonDocument.Parse(raw);
            var e = doc.RootElement;
            if (e.ValueKind != JsonValueKind.Object) return null;
            var program = Text(e, "SYSLOG_IDENTIFIER") ?? Text(e, "_COMM");
            if (LogDaemons.FromProgram(program) is not { } daemon) return null;
            var message = Text(e, "MESSAGE");
            if (message is null) return null;
            DateTimeOffset? time = long.TryParse(Text(e, "__REALTIME_TIMESTAMP"), NumberStyles.None, CultureInfo.InvariantCulture, out var us)
                ? DateTimeOffset.FromUnixTimeMilliseconds(us / 1000) : null;
            LogSeverity? priority = int.TryParse(Text(e, "PRIORITY"), NumberStyles.None, CultureInfo.InvariantCulture, out var p)
                ? p switch { <= 3 => LogSeverity.Error, 4 => LogSeverity.Warning, 5 or 6 => LogSeverity.Info, _ => LogSeverity.Debug } : null;
            return Message(daemon, message, time, priority);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The journal gives MESSAGE as a string, or as an array of bytes when it is not valid UTF-8
    /// (decoded with replacement characters: the sanitizer escapes what is left).
    /// </summary>
    private static string? Text(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v)) return null;
        if (v.ValueKind == JsonValueKind.String) return v.GetString();
        if (v.ValueKind != JsonValueKind.Array) return null;
        var bytes = new List<byte>();
        foreach (var b in v.EnumerateArray())
            if (b.TryGetByte(out var x)) bytes.Add(x);
        return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>A message relayed by syslog or the journal: the daemon's own format inside, where it has one.</summary>
    private static LogLine Message(LogDaemon daemon, string text, DateTimeOffset? time, LogSeverity? severity)
    {
        var inner = daemon switch
        {
            // OVS to syslog: "ovs|00012|bridge|ERR|text" (no time).
            LogDaemon.OvsVswitchd or LogDaemon.OvsdbServer => OvsFields(daemon, text, null),
            LogDaemon.NetworkManager => NetworkManager(text, null),
            LogDaemon.Dockerd => Dockerd(text, null),
            _ => null,
        };
        inner ??= new LogLine(daemon, null, LogSeverity.Unknown, text);
        // The daemon's own time is the finer one (syslog's traditional format has whole seconds).
        return inner with { Time = inner.Time ?? time, Severity = inner.Severity == LogSeverity.Unknown ? severity ?? LogSeverity.Unknown : inner.Severity };
    }

    // 2026-12-07T03:08:27.857Z|00012|bridge|ERR|could not open network device gre9 (No such device)
    private static LogLine Ovs(LogDaemon daemon, string line) =>
        OvsFields(daemon, line, null) ?? new LogLine(daemon, null, LogSeverity.Unknown, line);

    private static LogLine? OvsFields(LogDaemon daemon, string line, DateTimeOffset? time)
    {
        var parts = line.Split('|', 5);
        if (parts.Length != 5) return null;
        var severity = parts[3] switch
        {
            "EMER" or "ERR" => LogSeverity.Error,
            "WARN" => LogSeverity.Warning,
            "INFO" => LogSeverity.Info,
            "DBG" => LogSeverity.Debug,
            _ => LogSeverity.Unknown,
        };
        if (severity == LogSeverity.Unknown) return null;
        if (DateTimeOffset.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) time = t;
        return new LogLine(daemon, time, severity, parts[2] + ": " + parts[4]);
    }

    // <info>  [1765094400.1234] device (br0): state change: unmanaged -> unavailable
    private static LogLine? NetworkManager(string line, DateTimeOffset? time)
    {
        if (!line.StartsWith('<')) return new LogLine(LogDaemon.NetworkManager, time, LogSeverity.Unknown, line);
        var close = line.IndexOf('>');
        if (close < 0) return new LogLine(LogDaemon.NetworkManager, time, LogSeverity.Unknown, line);
        var severity = line[1..close] switch
        {
            "error" or "err" or "crit" => LogSeverity.Error,
            "warn" => LogSeverity.Warning,
            "info" => LogSeverity.Info,
            "debug" or "trace" => LogSeverity.Debug,
            _ => LogSeverity.Unknown,
        };
        var rest = line[(close + 1)..].TrimStart();
        if (rest.StartsWith('[') && rest.IndexOf(']') is var end and > 1)
        {
            if (double.TryParse(rest[1..end], NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch))
                time ??= DateTimeOffset.FromUnixTimeMilliseconds((long)(epoch * 1000));
            rest = rest[(end + 1)..].TrimStart();
        }
        return new LogLine(LogDaemon.NetworkManager, time, severity, rest);
    }

    // time="2026-12-07T08:00:00.123456789Z" level=error msg="Handler for POST ..." error="..."
    private static LogLine? Dockerd(string line, DateTimeOffset? time)
    {
        var fields = LogfmtFields(line);
        if (!fields.TryGetValue("msg", out var msg) || !fields.TryGetValue("level", out var level))
            return new LogLine(LogDaemon.Dockerd, time, LogSeverity.Unknown, line);
        if (fields.TryGetValue("time", out var t) && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            time ??= parsed;
        var severity = level switch
        {
            "error" or "fatal" or "panic" => LogSeverity.Error,
            "warning" or "warn" => LogSeverity.Warning,
            "info" => LogSeverity.Info,
            "debug" or "trace" => LogSeverity.Debug,
            _ => LogSeverity.Unknown,
        };
        var extra = fields.Where(kv => kv.Key is not ("time" or "level" or "msg")).Select(kv => $"{kv.Key}={kv.Value}");
        return new LogLine(LogDaemon.Dockerd, time, severity, string.Join(' ', [msg, .. extra]));
    }

    /// <summary>logrus's key=value and key="quoted \"value\"" pairs, in order.</summary>
    internal static Dictionary<string, string> LogfmtFields(string line)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && line[i] == ' ') i++;
            var eq = line.IndexOf('=', i);
            if (eq <= i) break;
            var key = line[i..eq];
            if (key.Contains(' ')) break;
            i = eq + 1;
            var value = new System.Text.StringBuilder();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (i < line.Length && line[i] != '"')
                {
                    if (line[i] == '\\' && i + 1 < line.Length) { i++; value.Append(line[i] == 'n' ? '\n' : line[i]); }
                    else value.Append(line[i]);
                    i++;
                }
                i++;
            }
            else
            {
                while (i < line.Length && line[i] != ' ') value.Append(line[i++]);
            }
            fields[key] = value.ToString();
        }
        return fields;
    }
}
