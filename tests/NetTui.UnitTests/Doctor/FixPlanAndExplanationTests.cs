using System.Collections.Immutable;
using NetTui.Core.Commands;
using NetTui.Core.Doctor;
using NetTui.Host.Doctor;
using NetTui.Presentation.Doctor;
using static NetTui.UnitTests.Doctor.DoctorFixtures;

namespace NetTui.UnitTests.Doctor;

public class FixPlanAndExplanationTests
{
    [Fact]
    public void Every_check_has_an_explanation_file_copied_next_to_the_program()
    {
        var lib = ExplanationLibrary.Default;
        foreach (var id in FindingIds.All)
        {
            var text = lib.Get(id);
            Assert.True(text is { Length: > 100 }, $"no explanation for {id} at {lib.PathOf(id)}");
            Assert.StartsWith("# ", text);
            Assert.NotNull(lib.Summary(id));
        }
    }

    [Fact]
    public void No_explanation_file_is_orphaned()
    {
        var files = Directory.GetFiles(ExplanationLibrary.Default.Directory, "*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.Equal(FindingIds.All.Order(), files.Order()!);
    }

    [Fact]
    public void The_preview_shows_the_environment_the_namespace_and_whether_it_can_be_undone()
    {
        var f = OvsFixesFor();
        var lines = f.Preview(new NetworkTarget("ntl-x")).ToList();
        Assert.Contains("(in network namespace ntl-x)", lines[0]);
        Assert.Contains(lines, l => l.Contains("OVS_RUNDIR=" + LabDir) && l.Contains("ovsdb-server " + LabDir + "/conf.db"));
        Assert.Contains(lines, l => l.Contains("mkdir -p " + LabDir) && l.Contains("outside the namespace"));
    }

    [Fact]
    public void A_plan_without_inputs_binds_to_itself()
    {
        var plan = OvsFixesFor();
        Assert.Same(plan, plan.Bind(ImmutableDictionary<string, string>.Empty));
    }

    [Fact]
    public void Presenter_rows_and_detail_carry_evidence_explanation_and_commands()
    {
        var finding = DoctorChecks.Run(Facts(Snapshot(ovsUp: false), Ovs(socket: Core.Doctor.Facts.SocketState.Missing, servers: []))).Single();
        var screen = DoctorPresenter.Screen([finding], NetworkTarget.Current);
        Assert.StartsWith("1 problem found", screen.Header);
        var row = Assert.Single(screen.Rows);
        Assert.Equal(("ERROR", FindingIds.OvsServerNotRunning, "fix"), (row.Severity, row.Id, row.FixState));
        var detail = DoctorPresenter.Detail(finding, ExplanationLibrary.Default.Get, NetworkTarget.Current);
        Assert.Contains(detail, l => l.Contains("database connection failed"));
        Assert.Contains(detail, l => l.Contains("Every OVS command talks to ovsdb-server"));
        Assert.Contains(detail, l => l.Contains("ovsdb-server " + LabDir + "/conf.db"));
        Assert.Equal(DoctorPresenter.Healthy, DoctorPresenter.Screen([], NetworkTarget.Current).Header);
    }

    [Fact]
    public void Ovs_defaults_are_read_from_the_binaries_help()
    {
        const string vsctl = "  --db=DATABASE               connect to DATABASE\n                              (default: unix:/usr/local/var/run/openvswitch/db.sock)\n";
        const string server = "The default DATABASE, if none is given, is\n  /usr/local/etc/openvswitch/conf.db\n  --pidfile[=FILE]        create pidfile (default: /usr/local/var/run/openvswitch/ovsdb-server.pid)\n  --log-file[=FILE]        enable logging to specified FILE\n                           (default: /usr/local/var/log/openvswitch/ovsdb-server.log)\n";
        Assert.Equal("/usr/local/var/run/openvswitch/db.sock", OvsDefaults.VsctlSocket(vsctl));
        Assert.Equal("/usr/local/etc/openvswitch/conf.db", OvsDefaults.ServerDatabase(server));
        Assert.Equal("/usr/local/var/run/openvswitch/ovsdb-server.pid", OvsDefaults.ServerPidFile(server));
        Assert.Equal("/usr/local/var/log/openvswitch/ovsdb-server.log", OvsDefaults.ServerLogFile(server));
        Assert.Equal(Core.Doctor.Facts.OvsInstall.SourceBuild, OvsFactGatherer.InstallOf("/usr/local/sbin/ovsdb-server"));
        Assert.Equal(Core.Doctor.Facts.OvsInstall.Package, OvsFactGatherer.InstallOf("/usr/sbin/ovsdb-server"));
    }

    [Fact]
    public void Boot_scripts_are_followed_one_level()
    {
        var dir = Directory.CreateTempSubdirectory("nettui-doctor-");
        try
        {
            var inner = Path.Combine(dir.FullName, "autorun.sh");
            var rc = Path.Combine(dir.FullName, "rc.local");
            File.WriteAllText(inner, "ovs-vswitchd --pidfile --detach\n");
            File.WriteAllText(rc, $"#!/bin/sh\nsource {inner}\nexit 0\n");
            var scripts = BootScriptReader.Read([rc, Path.Combine(dir.FullName, "missing")]);
            Assert.Equal([rc, inner], scripts.Select(s => s.Path));
            Assert.Equal(rc, scripts[1].IncludedFrom);
        }
        finally { dir.Delete(true); }
    }

    private static FixPlan OvsFixesFor() =>
        DoctorChecks.Run(Facts(Snapshot(ovsUp: false), Ovs(socket: Core.Doctor.Facts.SocketState.Missing, servers: []))).Single().Fix!;
}
