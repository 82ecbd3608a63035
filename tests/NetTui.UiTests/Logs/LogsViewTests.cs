using NetTui.Core.Logs;
using NetTui.Presentation;
using NetTui.UiTests.Fixtures;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.Input;

namespace NetTui.UiTests.Logs;

/// <summary>
/// The Logs view (9, `l`): its follower runs only while it is on screen, the first rows say
/// where each daemon's log is read from (or why not, in one line), lines come newest last and
/// the view follows them, `l` on a row filters to that row's object, host text is escaped.
/// </summary>
[Collection(UiCollection.Name)]
public class LogsViewTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 3, 0, TimeSpan.Zero);

    private static readonly IReadOnlyList<LogLocation> Sources =
    [
        new LogLocation.File(LogDaemon.OvsVswitchd, "/var/log/openvswitch/ovs-vswitchd.log"),
        new LogLocation.File(LogDaemon.OvsdbServer, "/var/log/openvswitch/ovsdb-server.log"),
        new LogLocation.Journal(LogDaemon.NetworkManager),
        new LogLocation.Unavailable(LogDaemon.Dockerd, "dockerd: not running here, and no log file, journal or syslog file to read"),
    ];

    private static LogLine L(int s, string message, LogSeverity severity = LogSeverity.Info) =>
        new(LogDaemon.OvsVswitchd, T0.AddSeconds(s), severity, message);

    [Fact]
    public void Shown_it_follows_the_logs_says_where_each_is_read_and_keeps_the_newest_line_selected()
    {
        using var s = new Screen(LabSnapshots.Lab(), width: 140, height: 30);
        var following = new List<bool>();
        s.Window.LogsFollowing += following.Add;
        s.Press(new Key('9'));
        Assert.Equal([true], following);
        s.Window.ShowLogSources(Sources);
        s.Window.AppendLogs([L(1, "bridge: bridge obr0: added interface obr0 on port 65534"), L(2, "bridge: could not open network device gre9 (No such device)", LogSeverity.Warning)]);

        var text = s.Text;
        Assert.Contains("reading /var/log/openvswitch/ovs-vswitchd.log", text);
        Assert.Contains("reading the systemd journal (journalctl -t NetworkManager)", text);
        Assert.Contains("not readable: dockerd: not running here", text);
        var gre9 = s.Lines.First(l => l.Contains("gre9") && l.Contains("ovs-vswitchd"));
        Assert.Contains("12-07 09:03:02", gre9);
        Assert.Contains("WARN", gre9);
        Assert.Contains("ovs-vswitchd said", text); // the newest line is selected: its detail is shown

        // A new line arrives: still the newest one selected (following, as tail -f).
        s.Window.AppendLogs([L(3, "bridge: bridge obr0: deleted interface gre9")]);
        Assert.Contains("deleted interface gre9", s.Text);
        Assert.Contains("deleted interface gre9", s.Lines.Last(l => l.Contains("message")));

        s.Press(new Key('1'));
        Assert.Equal([true, false], following); // off screen: nothing is followed
    }

    [Fact]
    public void L_on_a_row_shows_only_the_lines_naming_its_object_and_l_again_shows_every_line()
    {
        using var s = new Screen(LabSnapshots.Lab(), width: 140, height: 30);
        s.Window.ShowLogSources(Sources);
        s.Window.AppendLogs([L(1, "bridge: veth1a: added"), L(2, "bridge: br0 is up"), L(3, "netdev: veth1a: link state down")]);
        s.Window.CurrentPane.Select("veth1a");
        Assert.Equal("veth1a", LogsPresenter.SubjectName(s.Window.CurrentPane.Selected));

        s.Press(Key.L);
        Assert.Equal(ViewKind.Logs, s.Window.CurrentView);
        Assert.Equal("veth1a", s.Window.LogsName);
        Assert.Contains("logs: lines naming veth1a", s.Text);
        Assert.Contains("veth1a: added", s.Text);
        Assert.Contains("veth1a: link state down", s.Text);
        Assert.DoesNotContain("br0 is up", s.Text);

        s.Press(Key.L);
        Assert.Null(s.Window.LogsName);
        Assert.Contains("br0 is up", s.Text);
    }

    [Fact]
    public void Host_text_with_escape_sequences_is_shown_escaped()
    {
        using var s = new Screen(LabSnapshots.Lab(), width: 140, height: 30);
        s.Press(new Key('9'));
        s.Window.ShowLogSources(Sources);
        s.Window.AppendLogs([L(1, "evil \u001b]0;owned\u0007 title")]);
        Assert.DoesNotContain("\u001b", s.Text);
        Assert.Contains("evil ", s.Text);
    }

    [Fact]
    public void The_buffer_is_bounded_however_much_is_logged()
    {
        using var s = new Screen(LabSnapshots.Lab(), width: 140, height: 30);
        s.Press(new Key('9'));
        s.Window.ShowLogSources(Sources);
        for (var batch = 0; batch < 12; batch++)
            s.Window.AppendLogs([.. Enumerable.Range(0, 500).Select(i => L(batch * 500 + i, $"line {batch * 500 + i}"))]);
        Assert.Equal(LogBuffer.DefaultCapacity, s.Window.LogLines.Count);
        Assert.Equal(6_000 - LogBuffer.DefaultCapacity, s.Window.LogLines.Dropped);
        Assert.Contains("line 5999", s.Text);
    }
}
