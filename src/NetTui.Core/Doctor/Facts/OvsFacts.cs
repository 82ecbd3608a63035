using System.Collections.Immutable;

namespace NetTui.Core.Doctor.Facts;

/// <summary>
/// How OVS was installed decides the fix: packages put binaries in /usr/sbin, sockets in
/// /var/run/openvswitch and ship a systemd unit; a source build (`./configure && make
/// install`, as in the seed) uses /usr/local/... and has no unit.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(NetTui.Core.Model.CamelCaseEnumConverter<OvsInstall>))]
public enum OvsInstall { Unknown, Package, SourceBuild }

/// <summary>Whether anything answers on a unix socket path.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(NetTui.Core.Model.CamelCaseEnumConverter<SocketState>))]
public enum SocketState
{
    /// <summary>No file at the path.</summary>
    Missing,
    /// <summary>connect() succeeded: a server listens.</summary>
    Listening,
    /// <summary>The file is there but connect() is refused: the server that made it is gone.</summary>
    Stale,
    /// <summary>connect() was denied: this user may not use the socket.</summary>
    PermissionDenied,
    /// <summary>The path exists but is not a socket, or connect() failed otherwise.</summary>
    NotASocket,
}

/// <summary>
/// The directories OVS tools use, from OVS_RUNDIR/OVS_DBDIR/OVS_LOGDIR/OVS_SYSCONFDIR or the
/// defaults compiled into the installed binaries. Fixes take every path from here.
/// </summary>
public sealed record OvsPaths(string RunDir, string DbDir, string LogDir, string SysConfDir)
{
    public string DbSocket => Path.Combine(RunDir, "db.sock");
    public string DbFile => Path.Combine(DbDir, "conf.db");
    public string ServerPidFile => Path.Combine(RunDir, "ovsdb-server.pid");
    public string VswitchdPidFile => Path.Combine(RunDir, "ovs-vswitchd.pid");

    public static readonly OvsPaths PackageDefaults = new("/var/run/openvswitch", "/etc/openvswitch", "/var/log/openvswitch", "/etc");
    public static readonly OvsPaths SourceDefaults = new("/usr/local/var/run/openvswitch", "/usr/local/etc/openvswitch", "/usr/local/var/log/openvswitch", "/usr/local/etc");

    /// <summary>The OVS_* variables that make every OVS tool use these directories.</summary>
    public ImmutableDictionary<string, string> Environment => ImmutableDictionary.CreateRange(StringComparer.Ordinal, new KeyValuePair<string, string>[]
    {
        new("OVS_RUNDIR", RunDir), new("OVS_DBDIR", DbDir), new("OVS_LOGDIR", LogDir), new("OVS_SYSCONFDIR", SysConfDir),
    });
}

/// <summary>
/// A running OVS daemon (ovsdb-server or ovs-vswitchd) in the target's network namespace.
/// <see cref="ListenSockets"/> are its punix: remotes as canonical paths; the control socket
/// is where `ovs-appctl -t` reaches it (null if it could not be found).
/// </summary>
public sealed record OvsDaemon(
    int Pid,
    string Program,
    ImmutableArray<string> CommandLine,
    ImmutableArray<string> ListenSockets,
    string? ControlSocket);

/// <summary>
/// What the Doctor learned about Open vSwitch. <see cref="ClientSocket"/> is the socket
/// ovs-vsctl (and NetTui) connect to: the --ovs-db path, else OVS_RUNDIR/db.sock, else the
/// compiled-in default. Paths are compared canonically (/var/run is /run).
/// </summary>
public sealed record OvsFacts(
    OvsInstall Install,
    string? ServerBinary,
    OvsPaths Paths,
    bool PathsFromEnvironment,
    string ClientSocket,
    SocketState ClientSocketState,
    string? ClientError,
    bool DbFileExists,
    string? SchemaFile,
    bool? NeedsConversion,
    ImmutableArray<OvsDaemon> Servers,
    ImmutableArray<OvsDaemon> Vswitchds,
    bool? Initialized,
    bool? KernelModuleLoaded,
    string? CanonicalClientSocket = null)
{
    public string DbFile => Paths.DbFile;

    /// <summary>The server that serves <see cref="ClientSocket"/>, if one runs.</summary>
    public OvsDaemon? ServerForClient =>
        Servers.FirstOrDefault(s => s.ListenSockets.Any(l => l == ClientSocket || l == CanonicalClientSocket));
}
