using NetTui.Core.Logs;

namespace NetTui.UnitTests.Logs;

/// <summary>Where each daemon really logs, decided from what was found (argv from /proc, stderr, journald, syslog).</summary>
public class LogLocatorTests
{
    private static readonly HostLogFacts Bare = new("/var/log/openvswitch", JournalRunning: false, SyslogFile: null);
    private static DaemonLogFacts Running(LogDaemon d, params string[] argv) => new(d, true, argv, null, null);
    private static bool None(string _) => false;

    [Fact]
    public void An_ovs_daemon_logs_where_its_log_file_option_says()
    {
        // The lab's: ovs-vswitchd unix:D/db.sock --pidfile --log-file=D/ovs-vswitchd.ovslog
        var at = LogLocator.Locate(Running(LogDaemon.OvsVswitchd, "ovs-vswitchd", "unix:/lab/ovs/db.sock", "--pidfile", "--log-file=/lab/ovs/ovs-vswitchd.ovslog"), Bare, None);
        Assert.Equal(new LogLocation.File(LogDaemon.OvsVswitchd, "/lab/ovs/ovs-vswitchd.ovslog"), at);
        // Debian's ovs-ctl: a bare --log-file, so OVS_LOGDIR/NAME.log.
        at = LogLocator.Locate(Running(LogDaemon.OvsdbServer, "ovsdb-server", "/etc/openvswitch/conf.db", "--log-file", "--detach"), Bare with { OvsLogDirectory = "/var/log/openvswitch" }, None);
        Assert.Equal(new LogLocation.File(LogDaemon.OvsdbServer, "/var/log/openvswitch/ovsdb-server.log"), at);
    }

    [Fact]
    public void A_configured_file_wins_then_the_file_stderr_goes_to_then_the_journal_then_syslog()
    {
        var nm = new DaemonLogFacts(LogDaemon.NetworkManager, true, ["NetworkManager", "--debug"], "/lab/nm/NetworkManager.err", null);
        var withJournal = Bare with { JournalRunning = true, SyslogFile = "/var/log/syslog" };
        Assert.Equal(new LogLocation.File(LogDaemon.NetworkManager, "/x/nm.log"), LogLocator.Locate(nm with { Configured = "/x/nm.log" }, withJournal, None));
        Assert.Equal(new LogLocation.File(LogDaemon.NetworkManager, "/lab/nm/NetworkManager.err"), LogLocator.Locate(nm, withJournal, None));
        Assert.Equal(new LogLocation.Journal(LogDaemon.NetworkManager), LogLocator.Locate(nm with { StderrFile = null }, withJournal, None));
        Assert.Equal(new LogLocation.Syslog(LogDaemon.NetworkManager, "/var/log/syslog"), LogLocator.Locate(nm with { StderrFile = null }, withJournal with { JournalRunning = false }, None));
    }

    [Fact]
    public void With_nowhere_to_read_one_line_says_why_and_how_to_name_a_file()
    {
        var running = LogLocator.Locate(Running(LogDaemon.Dockerd, "dockerd"), Bare, None);
        var why = Assert.IsType<LogLocation.Unavailable>(running).Why;
        Assert.Equal("dockerd: no log file, no journal and no syslog file here (name one: NETTUI_DAEMON_LOGS=dockerd=PATH)", why);
        var gone = LogLocator.Locate(new DaemonLogFacts(LogDaemon.Dockerd, false, [], null, null), Bare, None);
        Assert.Contains("not running here", Assert.IsType<LogLocation.Unavailable>(gone).Why);
        Assert.DoesNotContain('\n', why);
    }

    [Fact]
    public void A_stopped_ovs_daemon_still_has_its_packaged_log_file_to_read()
    {
        var stopped = new DaemonLogFacts(LogDaemon.OvsVswitchd, false, [], null, null);
        Assert.Equal(new LogLocation.File(LogDaemon.OvsVswitchd, "/var/log/openvswitch/ovs-vswitchd.log"),
            LogLocator.Locate(stopped, Bare, p => p == "/var/log/openvswitch/ovs-vswitchd.log"));
    }

    [Fact]
    public void The_configured_files_parse_by_program_name_and_ignore_the_rest()
    {
        var map = LogLocator.ParseConfigured(" dockerd=/a/dockerd.err , networkmanager=/b/nm.log,sshd=/c,=x,ovs-vswitchd=");
        Assert.Equal(2, map.Count);
        Assert.Equal("/a/dockerd.err", map[LogDaemon.Dockerd]);
        Assert.Equal("/b/nm.log", map[LogDaemon.NetworkManager]);
        Assert.Empty(LogLocator.ParseConfigured(null));
    }
}
