using NetTui.Core.Logs;

namespace NetTui.UnitTests.Logs;

/// <summary>Each daemon's format, on lines captured from lab daemons (Fixtures/logs, README there).</summary>
public class LogLineParserTests
{
    private static List<LogLine> File(LogDaemon daemon, string fixture) =>
        [.. Fixtures.Read("logs/" + fixture).Split('\n').Select(l => LogLineParser.FileLine(daemon, l)).OfType<LogLine>()];

    [Fact]
    public void Ovs_vswitchd_lines_carry_time_level_and_module_and_the_failed_add_port_is_a_warning()
    {
        var lines = File(LogDaemon.OvsVswitchd, "ovs-vswitchd.ovslog");
        Assert.Equal(45, lines.Count);
        Assert.All(lines, l => Assert.NotNull(l.Time));
        var gre9 = lines[^1];
        Assert.Equal(LogSeverity.Warning, gre9.Severity);
        Assert.Equal("bridge: could not open network device gre9 (No such device)", gre9.Message);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 9, 3, 2, 258, TimeSpan.Zero), gre9.Time);
        Assert.Contains(lines, l => l.Severity == LogSeverity.Info && l.Message.StartsWith("bridge: bridge obr0: added interface obr0", StringComparison.Ordinal));
    }

    [Fact]
    public void NetworkManager_stderr_lines_have_their_level_and_epoch_time()
    {
        var lines = File(LogDaemon.NetworkManager, "NetworkManager.err");
        Assert.Equal(47, lines.Count);
        Assert.Equal("NetworkManager (version 1.42.4) is starting... (boot:927b8ce6-c8b8-4292-b943-0c45034cf5fb)", lines[0].Message);
        Assert.Equal(LogSeverity.Info, lines[0].Severity);
        Assert.Equal(2026, lines[0].Time!.Value.Year);
        var warn = Assert.Single(lines, l => l.Message == "device (docker0): failed to read bridge setting 'vlan_protocol'");
        Assert.Equal(LogSeverity.Warning, warn.Severity);
    }

    [Fact]
    public void Dockerd_logrus_lines_keep_the_message_and_its_extra_fields()
    {
        var lines = File(LogDaemon.Dockerd, "dockerd.err");
        Assert.Equal(89, lines.Count);
        Assert.Equal("Starting up", lines[0].Message);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 9, 2, 56, TimeSpan.Zero).AddTicks(8195486), lines[0].Time);
        var plugin = Assert.Single(lines, l => l.Message.StartsWith("failed to load plugin io.containerd.snapshotter.v1.devmapper", StringComparison.Ordinal));
        Assert.Equal(LogSeverity.Warning, plugin.Severity);
        Assert.EndsWith("error=devmapper not configured", plugin.Message);
        Assert.Contains(lines, l => l.Message == "[core] parsed scheme: \"unix\" module=grpc");
    }

    [Fact]
    public void A_line_in_no_known_format_is_kept_whole_without_a_time()
    {
        var line = LogLineParser.FileLine(LogDaemon.Dockerd, "panic: something odd");
        Assert.Equal(new LogLine(LogDaemon.Dockerd, null, LogSeverity.Unknown, "panic: something odd"), line);
        Assert.Null(LogLineParser.FileLine(LogDaemon.OvsVswitchd, ""));
    }

    [Fact]
    public void Journal_entries_of_our_daemons_are_parsed_with_their_inner_format_and_others_skipped()
    {
        var lines = Fixtures.Read("logs/journal.jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(LogLineParser.JournalLine).ToList();
        Assert.Equal(5, lines.Count);
        Assert.Null(lines[4]); // sshd
        Assert.Equal(new LogLine(LogDaemon.OvsVswitchd, DateTimeOffset.FromUnixTimeMilliseconds(1796634182258), LogSeverity.Warning,
            "bridge: could not open network device gre9 (No such device)"), lines[0]);
        Assert.Equal(LogDaemon.NetworkManager, lines[1]!.Daemon);
        Assert.Equal("device (docker0): failed to read bridge setting 'vlan_protocol'", lines[1]!.Message);
        Assert.Equal(LogSeverity.Warning, lines[2]!.Severity);
        Assert.Equal("Your kernel does not support cgroup blkio weight", lines[2]!.Message);
        // A byte-array MESSAGE is decoded; its escape byte is left for the sanitizer.
        Assert.Equal("line \u001b[31mred", lines[3]!.Message);
        Assert.Null(LogLineParser.JournalLine("-- No entries --"));
    }

    [Fact]
    public void Syslog_lines_of_our_daemons_in_both_timestamp_formats()
    {
        var lines = Fixtures.Read("logs/syslog.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => LogLineParser.SyslogLine(l, 2026)).ToList();
        Assert.Equal(LogDaemon.OvsVswitchd, lines[0]!.Daemon);
        Assert.Equal("bridge: could not open network device gre9 (No such device)", lines[0]!.Message);
        Assert.Equal(LogSeverity.Warning, lines[0]!.Severity);
        Assert.Null(lines[1]);
        Assert.Equal(LogDaemon.NetworkManager, lines[2]!.Daemon);
        Assert.Equal("device (docker0): carrier: link connected", lines[2]!.Message);
        Assert.Equal(LogDaemon.Dockerd, lines[3]!.Daemon);
        Assert.Equal(LogSeverity.Warning, lines[3]!.Severity);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 9, 2, 56, TimeSpan.Zero).AddTicks(8771321), lines[3]!.Time);
    }
}
