using System.Collections.Immutable;
using NetTui.Core.Doctor.Facts;

namespace NetTui.Core.Doctor.Fixes;

/// <summary>
/// Fix plans for the OVS daemon findings. A package install that systemd manages, using the
/// package's own paths, is fixed through its unit (so the fix also survives a reboot); a
/// source build, a custom OVS_RUNDIR or a host without systemd gets the daemons started
/// directly with the diagnosed paths (and the boot check says how to make that permanent).
/// </summary>
public static class OvsFixes
{
    /// <summary>True when the OVS that was diagnosed is the one the package's systemd unit runs.</summary>
    public static bool UsesService(OvsFacts ovs, SystemdFacts systemd) =>
        ovs.Install == OvsInstall.Package
        && systemd.Running == true
        && systemd.OvsMainUnit is not null
        && !ovs.PathsFromEnvironment
        && (ovs.CanonicalClientSocket ?? ovs.ClientSocket) is "/run/openvswitch/db.sock" or "/var/run/openvswitch/db.sock";

    public static FixPlan StartServer(OvsFacts ovs, SystemdFacts systemd)
    {
        if (UsesService(ovs, systemd)) return EnableService(systemd.OvsMainUnit!, "start Open vSwitch through its systemd unit, now and at every boot");
        return new FixPlan("start ovsdb-server on " + ovs.ClientSocket, [.. ServerStartSteps(ovs)], Undoable: true);
    }

    public static FixPlan RemoveStaleSocketAndStart(OvsFacts ovs, SystemdFacts systemd)
    {
        var remove = new FixStep("remove the socket left behind by an ovsdb-server that is gone", OvsCommands.RemoveFile(ovs.ClientSocket));
        if (UsesService(ovs, systemd))
        {
            var svc = EnableService(systemd.OvsMainUnit!, "");
            return svc with { Summary = "remove the stale db.sock and start Open vSwitch through its systemd unit", Steps = [remove, .. svc.Steps] };
        }
        return new FixPlan("remove the stale " + ovs.ClientSocket + " and start ovsdb-server", [remove, .. ServerStartSteps(ovs)], Undoable: true,
            Note: "undo stops the server again; the stale socket file is not put back");
    }

    public static FixPlan CreateDatabase(OvsFacts ovs, SystemdFacts systemd)
    {
        var schema = ovs.SchemaFile ?? "/usr/share/openvswitch/vswitch.ovsschema";
        List<FixStep> steps =
        [
            new("make the database directory", OvsCommands.MakeDir(ovs.Paths.DbDir)),
            new("create the database from the installed schema",
                new("ovsdb-tool", ["create", ovs.DbFile, schema], TimeSpan.FromSeconds(20), InTargetNamespace: false, Environment: ovs.Paths.Environment),
                OvsCommands.RemoveFile(ovs.DbFile)),
        ];
        if (UsesService(ovs, systemd))
            steps.AddRange(EnableService(systemd.OvsMainUnit!, "").Steps);
        else
        {
            steps.AddRange(ServerStartSteps(ovs));
            steps.Add(new("create the Open_vSwitch root record (ovs-vsctl --no-wait init)", OvsCommands.Init(ovs)));
        }
        return new FixPlan("create " + ovs.DbFile + ", start ovsdb-server and initialise the database", [.. steps], Undoable: true,
            Note: "undo stops the server and deletes the new, empty database");
    }

    public static FixPlan ConvertSchema(OvsFacts ovs, SystemdFacts systemd)
    {
        var schema = ovs.SchemaFile ?? "/usr/share/openvswitch/vswitch.ovsschema";
        var backup = ovs.DbFile + ".before-convert";
        List<FixStep> steps =
        [
            new("keep a copy of the database as it is", new("cp", ["-p", ovs.DbFile, backup], TimeSpan.FromSeconds(20), InTargetNamespace: false)),
            new("convert the database to the installed schema",
                new("ovsdb-tool", ["convert", ovs.DbFile, schema], TimeSpan.FromSeconds(60), InTargetNamespace: false, Environment: ovs.Paths.Environment),
                new("cp", ["-p", backup, ovs.DbFile], TimeSpan.FromSeconds(20), InTargetNamespace: false)),
        ];
        steps.AddRange(UsesService(ovs, systemd) ? EnableService(systemd.OvsMainUnit!, "").Steps : ServerStartSteps(ovs));
        return new FixPlan("convert " + ovs.DbFile + " to the installed schema and start ovsdb-server", [.. steps], Undoable: true,
            Note: "the old database is kept as " + backup);
    }

    /// <summary>
    /// A server runs but listens elsewhere: add the client's socket as another remote of the
    /// running server (no restart, nothing lost). Runtime only: the explanation says how to
    /// make the two agree for good.
    /// </summary>
    public static FixPlan? AddRemote(OvsFacts ovs, OvsDaemon server)
    {
        if (server.ControlSocket is null) return null;
        var dir = Path.GetDirectoryName(ovs.ClientSocket) ?? ovs.Paths.RunDir;
        return new FixPlan($"make the running ovsdb-server (pid {server.Pid}) also listen on {ovs.ClientSocket}",
        [
            new("make the directory the clients look in", OvsCommands.MakeDir(dir)),
            new("add the clients' socket as a remote of the running server",
                Appctl(server.ControlSocket, "ovsdb-server/add-remote", "punix:" + ovs.ClientSocket),
                Appctl(server.ControlSocket, "ovsdb-server/remove-remote", "punix:" + ovs.ClientSocket)),
        ], Undoable: true, Note: "this lasts until ovsdb-server restarts; see the explanation to make it permanent");
    }

    public static FixPlan Initialize(OvsFacts ovs) =>
        new("initialise the database (ovs-vsctl --no-wait init)", [new("create the Open_vSwitch root record", OvsCommands.Init(ovs))], Undoable: false,
            Note: "init only adds the empty root record; there is nothing to undo");

    public static FixPlan StartVswitchd(OvsFacts ovs, SystemdFacts systemd)
    {
        if (UsesService(ovs, systemd)) return EnableService(systemd.OvsMainUnit!, "start Open vSwitch (ovs-vswitchd) through its systemd unit");
        return new FixPlan("start ovs-vswitchd on " + ovs.ClientSocket,
        [
            new("make the log directory", OvsCommands.MakeDir(ovs.Paths.LogDir)),
            new("start ovs-vswitchd in the background", OvsCommands.StartVswitchd(ovs), OvsCommands.Exit(ovs, "ovs-vswitchd")) { KeptOnUndo = "starting ovs-vswitchd" },
        ], Undoable: true);
    }

    public static FixPlan EnableService(string unit, string summary) =>
        new(summary.Length > 0 ? summary : "enable and start " + unit,
            [new("enable " + unit + " at boot and start it now", OvsCommands.Systemctl("enable", "--now", unit), OvsCommands.Systemctl("disable", "--now", unit))
                { KeptOnUndo = "enabling and starting " + unit }],
            Undoable: true);

    private static IEnumerable<FixStep> ServerStartSteps(OvsFacts ovs)
    {
        foreach (var s in OvsCommands.MakeRunAndLogDirs(ovs)) yield return s;
        yield return new("start ovsdb-server in the background", OvsCommands.StartServer(ovs), OvsCommands.Exit(ovs, "ovsdb-server")) { KeptOnUndo = "starting ovsdb-server" };
    }

    private static NetTui.Core.Commands.CommandSpec Appctl(string control, params string[] args) =>
        new("ovs-appctl", ["--timeout=5", "-t", control, .. args], TimeSpan.FromSeconds(10), InTargetNamespace: false);
}
