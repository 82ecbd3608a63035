using NetTui.Core.Doctor;
using NetTui.Core.Doctor.Checks;
using NetTui.Core.Doctor.Facts;
using static NetTui.UnitTests.Doctor.DoctorFixtures;

namespace NetTui.UnitTests.Doctor;

public class OvsConnectionCheckTests
{
    private static Finding Single(DoctorFacts f) => Assert.Single(OvsConnectionCheck.Run(f));

    [Fact]
    public void Connected_ovs_gives_no_connection_finding() =>
        Assert.Empty(OvsConnectionCheck.Run(Facts(Snapshot(), Ovs())));

    [Fact]
    public void No_ovs_installed_gives_nothing() =>
        Assert.Empty(OvsConnectionCheck.Run(Facts(Snapshot(ovsUp: false), null)));

    [Fact]
    public void No_server_and_a_database_is_server_not_running_with_a_direct_start_on_the_lab_paths()
    {
        var f = Single(Facts(Snapshot(ovsUp: false), Ovs(socket: SocketState.Missing, servers: [])));
        Assert.Equal(FindingIds.OvsServerNotRunning, f.Id);
        Assert.Contains(f.Evidence, e => e.Contains("database connection failed"));
        var start = f.Fix!.Steps.Single(s => s.Do.Program == "ovsdb-server").Do;
        Assert.Contains("--remote=punix:" + LabDir + "/db.sock", start.Arguments);
        Assert.Contains("--pidfile=" + LabDir + "/ovsdb-server.pid", start.Arguments);
        Assert.Equal(LabDir + "/conf.db", start.Arguments[0]);
        Assert.True(start.InTargetNamespace);
        Assert.Equal(LabDir, start.Environment!["OVS_RUNDIR"]);
        Assert.DoesNotContain(f.Fix.Steps, s => s.Do.Arguments.Any(a => a.Contains("/var/run/openvswitch")));
        Assert.Equal("ovs-appctl", f.Fix.Steps.Single(s => s.Do.Program == "ovsdb-server").Undo!.Program);
    }

    [Fact]
    public void A_package_install_managed_by_systemd_is_fixed_through_its_unit()
    {
        var ovs = Ovs(paths: OvsPaths.PackageDefaults, fromEnv: false, socket: SocketState.Missing, servers: []);
        var f = Single(Facts(Snapshot(ovsUp: false), ovs, SystemdWith(UnitState.Disabled)));
        Assert.Equal(FindingIds.OvsServerNotRunning, f.Id);
        var step = Assert.Single(f.Fix!.Steps);
        Assert.Equal("systemctl", step.Do.Program);
        Assert.Equal(["enable", "--now", "openvswitch-switch.service"], step.Do.Arguments);
    }

    [Fact]
    public void A_source_build_gets_a_direct_start_with_its_usr_local_paths_even_with_systemd()
    {
        var ovs = Ovs(install: OvsInstall.SourceBuild, paths: OvsPaths.SourceDefaults, fromEnv: false, socket: SocketState.Missing, servers: []);
        var f = Single(Facts(Snapshot(ovsUp: false), ovs, SystemdWith(UnitState.Disabled)));
        Assert.DoesNotContain(f.Fix!.Steps, s => s.Do.Program == "systemctl");
        var start = f.Fix.Steps.Single(s => s.Do.Program == "ovsdb-server").Do;
        Assert.Contains("--remote=punix:/usr/local/var/run/openvswitch/db.sock", start.Arguments);
        Assert.Equal("/usr/local/etc/openvswitch/conf.db", start.Arguments[0]);
    }

    [Fact]
    public void A_package_with_a_private_rundir_is_started_directly_not_through_systemd()
    {
        var f = Single(Facts(Snapshot(ovsUp: false), Ovs(socket: SocketState.Missing, servers: []), SystemdWith(UnitState.Enabled)));
        Assert.DoesNotContain(f.Fix!.Steps, s => s.Do.Program == "systemctl");
    }

    [Fact]
    public void A_missing_database_is_named_and_created_with_ovsdb_tool_then_initialised()
    {
        var f = Single(Facts(Snapshot(ovsUp: false), Ovs(socket: SocketState.Missing, servers: [], dbExists: false, needsConversion: null)));
        Assert.Equal(FindingIds.OvsDatabaseMissing, f.Id);
        var programs = f.Fix!.Steps.Select(s => s.Do.Program).ToList();
        Assert.Equal(["mkdir", "ovsdb-tool", "mkdir", "mkdir", "ovsdb-server", "ovs-vsctl"], programs);
        Assert.Equal(["create", LabDir + "/conf.db", "/usr/share/openvswitch/vswitch.ovsschema"], f.Fix.Steps[1].Do.Arguments);
        Assert.Contains("init", f.Fix.Steps[^1].Do.Arguments);
    }

    [Fact]
    public void An_old_schema_is_converted_with_a_backup()
    {
        var f = Single(Facts(Snapshot(ovsUp: false), Ovs(socket: SocketState.Missing, servers: [], needsConversion: true)));
        Assert.Equal(FindingIds.OvsSchemaOld, f.Id);
        Assert.Equal("cp", f.Fix!.Steps[0].Do.Program);
        Assert.Equal(["convert", LabDir + "/conf.db", "/usr/share/openvswitch/vswitch.ovsschema"], f.Fix.Steps[1].Do.Arguments);
    }

    [Fact]
    public void A_refused_socket_with_no_server_is_a_stale_socket_removed_before_the_start()
    {
        var f = Single(Facts(Snapshot(ovsUp: false), Ovs(socket: SocketState.Stale, servers: [])));
        Assert.Equal(FindingIds.OvsStaleSocket, f.Id);
        Assert.Equal(["-f", LabDir + "/db.sock"], f.Fix!.Steps[0].Do.Arguments);
        Assert.Contains(f.Fix.Steps, s => s.Do.Program == "ovsdb-server");
    }

    [Fact]
    public void A_server_listening_elsewhere_is_a_rundir_mismatch_fixed_by_adding_a_remote()
    {
        var server = Server(42, "/tmp/ntl-x/real/db.sock", "/tmp/ntl-x/real/ovsdb-server.42.ctl");
        var f = Single(Facts(Snapshot(ovsUp: false), Ovs(socket: SocketState.Missing, servers: [server])));
        Assert.Equal(FindingIds.OvsRundirMismatch, f.Id);
        Assert.Contains(f.Evidence, e => e.Contains("/tmp/ntl-x/real/db.sock") && e.Contains("42"));
        var add = f.Fix!.Steps.Single(s => s.Do.Program == "ovs-appctl");
        Assert.Equal(["--timeout=5", "-t", "/tmp/ntl-x/real/ovsdb-server.42.ctl", "ovsdb-server/add-remote", "punix:" + LabDir + "/db.sock"], add.Do.Arguments);
        Assert.Contains("ovsdb-server/remove-remote", add.Undo!.Arguments);
    }

    [Fact]
    public void A_mismatch_without_a_control_socket_is_named_but_has_no_fix()
    {
        var f = Single(Facts(Snapshot(ovsUp: false), Ovs(socket: SocketState.Missing, servers: [Server(42, "/elsewhere/db.sock")])));
        Assert.Equal(FindingIds.OvsRundirMismatch, f.Id);
        Assert.Null(f.Fix);
    }

    [Fact]
    public void A_denied_socket_is_a_permission_finding() =>
        Assert.Equal(FindingIds.OvsSocketPermission, Single(Facts(Snapshot(ovsUp: false), Ovs(socket: SocketState.PermissionDenied, servers: []))).Id);

    [Fact]
    public void A_server_on_the_socket_with_an_empty_root_table_is_not_initialised() =>
        Assert.Equal(FindingIds.OvsNotInitialized, Single(Facts(Snapshot(ovsUp: false), Ovs(initialized: false))).Id);

    [Fact]
    public void A_server_on_the_socket_that_still_fails_is_a_generic_connection_failure() =>
        Assert.Equal(FindingIds.OvsConnectionFailed, Single(Facts(Snapshot(ovsUp: false), Ovs())).Id);
}
