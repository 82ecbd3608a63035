using System.Collections.Immutable;
using System.Globalization;
using NetTui.Core.Commands;
using NetTui.Core.Doctor.Facts;

namespace NetTui.Core.Doctor.Fixes;

/// <summary>
/// OVS command lines for fixes, built from the gathered facts: every path (socket, pid
/// file, log, database) and the OVS_* environment come from <see cref="OvsFacts"/>, never
/// from a hard-coded /var/run, so a fix acts on the OVS instance that was diagnosed.
/// </summary>
public static class OvsCommands
{
    /// <summary>ovs-vsctl's own wait; the process timeout leaves it time to report it.</summary>
    public const int VsctlTimeoutSeconds = 10;

    public static CommandSpec Vsctl(OvsFacts ovs, params string[] args) =>
        new CommandSpec("ovs-vsctl",
            [$"--db=unix:{ovs.ClientSocket}", $"--timeout={VsctlTimeoutSeconds.ToString(CultureInfo.InvariantCulture)}", .. args],
            TimeSpan.FromSeconds(VsctlTimeoutSeconds + 5), InTargetNamespace: false, Environment: ovs.Paths.Environment);

    /// <summary>`ovs-vsctl --no-wait init`: creates the Open_vSwitch root row; needs no ovs-vswitchd.</summary>
    public static CommandSpec Init(OvsFacts ovs) => Vsctl(ovs, "--no-wait", "init");

    /// <summary>
    /// ovsdb-server as the seed starts it, but with the diagnosed paths spelled out (socket,
    /// pid file, log) and run in the target namespace; --detach returns once it listens.
    /// </summary>
    public static CommandSpec StartServer(OvsFacts ovs) => new(
        "ovsdb-server",
        [
            ovs.DbFile,
            "--remote=punix:" + ovs.ClientSocket,
            "--remote=db:Open_vSwitch,Open_vSwitch,manager_options",
            "--pidfile=" + ovs.Paths.ServerPidFile,
            "--log-file=" + Path.Combine(ovs.Paths.LogDir, "ovsdb-server.log"),
            "--detach",
        ],
        TimeSpan.FromSeconds(20), InTargetNamespace: true, Environment: ovs.Paths.Environment);

    public static CommandSpec StartVswitchd(OvsFacts ovs) => new(
        "ovs-vswitchd",
        [
            "unix:" + ovs.ClientSocket,
            "--pidfile=" + ovs.Paths.VswitchdPidFile,
            "--log-file=" + Path.Combine(ovs.Paths.LogDir, "ovs-vswitchd.log"),
            "--detach",
        ],
        TimeSpan.FromSeconds(30), InTargetNamespace: true, Environment: ovs.Paths.Environment);

    /// <summary>Asks a daemon we started to exit (the undo of a start), found through its pid file in the run directory.</summary>
    public static CommandSpec Exit(OvsFacts ovs, string daemon) => new(
        "ovs-appctl", ["--timeout=5", "-t", daemon, "exit"], TimeSpan.FromSeconds(10), InTargetNamespace: false, Environment: ovs.Paths.Environment);

    public static CommandSpec MakeDir(string dir) => new("mkdir", ["-p", dir], CommandSpec.DefaultTimeout, InTargetNamespace: false);

    public static CommandSpec RemoveFile(string path) => new("rm", ["-f", path], CommandSpec.DefaultTimeout, InTargetNamespace: false);

    public static CommandSpec Systemctl(params string[] args) =>
        new("systemctl", [.. args], TimeSpan.FromSeconds(60), InTargetNamespace: false);

    public static ImmutableArray<FixStep> MakeRunAndLogDirs(OvsFacts ovs) =>
    [
        new("make the run directory", MakeDir(Path.GetDirectoryName(ovs.ClientSocket) ?? ovs.Paths.RunDir)),
        new("make the log directory", MakeDir(ovs.Paths.LogDir)),
    ];
}
