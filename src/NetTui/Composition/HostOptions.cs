using NetTui.Core.Commands;
using NetTui.History;
using NetTui.Host.Inventory;
using NetTui.Host.Inventory.Docker;

namespace NetTui.Composition;

/// <summary>
/// Where a NetTui process acts and which daemons it talks to: the target namespace, the OVSDB
/// socket, the Docker API, the system D-Bus (NetworkManager), the history journal and the log.
/// Read ONCE, by the composition root, from the command line and the environment
/// (<see cref="FromEnvironment"/> is the only reader of DBUS_SYSTEM_BUS_ADDRESS, DOCKER_HOST,
/// NETTUI_HISTORY, NETTUI_CONFIG_ROOT, NETTUI_DAEMON_LOGS and OVS_LOGDIR); everything below gets these values instead of looking for its own.
/// </summary>
public sealed record HostOptions
{
    public const string BusVariable = "DBUS_SYSTEM_BUS_ADDRESS";
    public const string DockerVariable = "DOCKER_HOST";
    /// <summary>Where the configuration files NetTui writes live ("" = /): tests point it at a directory, never at the real /etc.</summary>
    public const string ConfigRootVariable = "NETTUI_CONFIG_ROOT";
    /// <summary>Where daemons log when it is not where NetTui looks (the journal, syslog, OVS's --log-file): "dockerd=/path,NetworkManager=/path".</summary>
    public const string DaemonLogsVariable = "NETTUI_DAEMON_LOGS";

    public string? Netns { get; init; }
    /// <summary>--ovs-db as given (null: ovs-vsctl's own default from OVS_RUNDIR).</summary>
    public string? OvsDb { get; init; }
    /// <summary>--docker-host, else DOCKER_HOST, else the default socket.</summary>
    public string DockerHost { get; init; } = DockerEndpoint.Default;
    /// <summary>The system bus NetworkManager is probed and driven on (null: the default socket).</summary>
    public string? BusAddress { get; init; }
    /// <summary>The journal file: --history, else NETTUI_HISTORY, else the per-host or per-user default.</summary>
    public required string HistoryPath { get; init; }

    /// <summary>The directory the persistence backends' paths (/etc/network/...) are under: NETTUI_CONFIG_ROOT, else "" (the host's own /).</summary>
    public string ConfigRoot { get; init; } = "";

    /// <summary>Log files named for daemons in NETTUI_DAEMON_LOGS (the Logs view reads these first).</summary>
    public IReadOnlyDictionary<Core.Logs.LogDaemon, string> DaemonLogs { get; init; } = new Dictionary<Core.Logs.LogDaemon, string>();

    /// <summary>OVS_LOGDIR, where OVS daemons started with a bare --log-file write (null: the packaged /var/log/openvswitch).</summary>
    public string? OvsLogDirectory { get; init; }

    /// <summary>Where the per-target apply locks are (namespace, OVSDB; see TargetLocks): /run/nettui/locks, a test's own directory.</summary>
    public string LockDirectory { get; init; } = NetTui.History.Locking.TargetLocks.DefaultDirectory;

    /// <summary>SSH_CONNECTION of this session ("client port server port"): the path back to the admin is one of the reachability probes.</summary>
    public string? SshConnection { get; init; }
    /// <summary>--log-file as given (forwarded to the watchdog).</summary>
    public string? LogFile { get; init; }
    /// <summary>Whether --docker-host was given (forwarded to the watchdog only then).</summary>
    public bool DockerHostGiven { get; init; }

    /// <summary>Where systemd's directories are (/run/systemd/system, /etc/systemd/system): the config root, else "/".</summary>
    public string SystemdRoot => Inventory.SystemdRoot;

    public NetworkTarget Target => new(Netns);

    public InventoryOptions Inventory => new(OvsDb, DockerHost, BusAddress) { ConfigRoot = ConfigRoot };

    /// <summary>
    /// What the commit-confirmed watchdog must be started with to reach the same daemons and log
    /// (--netns comes from the change's target; the bus address reaches it through the environment it inherits).
    /// </summary>
    public IReadOnlyList<string> WatchdogOptions =>
    [
        .. OvsDb is { } db ? ["--ovs-db", db] : Array.Empty<string>(),
        .. DockerHostGiven ? ["--docker-host", DockerHost] : Array.Empty<string>(),
        .. LogFile is { } log ? ["--log-file", log] : Array.Empty<string>(),
    ];

    /// <summary>The options of this process: the command line's values, the rest from <paramref name="environment"/> (default: the process environment).</summary>
    public static HostOptions FromEnvironment(
        string? netns = null, string? ovsDb = null, string? dockerHost = null, string? history = null, string? logFile = null,
        Func<string, string?>? environment = null)
    {
        var env = environment ?? Environment.GetEnvironmentVariable;
        var bus = env(BusVariable);
        return new HostOptions
        {
            Netns = netns,
            OvsDb = ovsDb,
            DockerHost = DockerEndpoint.Resolve(dockerHost, env(DockerVariable)),
            DockerHostGiven = !string.IsNullOrWhiteSpace(dockerHost),
            BusAddress = string.IsNullOrWhiteSpace(bus) ? null : bus,
            HistoryPath = environment is null
                ? HistoryLocation.Resolve(history)
                : HistoryLocation.Resolve(history, env, Environment.IsPrivilegedProcess, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)),
            LogFile = logFile,
            SshConnection = env("SSH_CONNECTION"),
            ConfigRoot = env(ConfigRootVariable) is { Length: > 0 } root ? root : "",
            DaemonLogs = Core.Logs.LogLocator.ParseConfigured(env(DaemonLogsVariable)),
            OvsLogDirectory = env("OVS_LOGDIR") is { Length: > 0 } logDir ? logDir : null,
        };
    }

    /// <summary>NetTui's state directory (the journal's), from the environment: where the TUI wizard saves plans unless told otherwise.</summary>
    public static string DefaultStateDirectory() => Path.GetDirectoryName(HistoryLocation.Resolve(null)) ?? "/var/lib/nettui";

    /// <summary>This invocation's state directory: beside its journal (honours --history).</summary>
    public string StateDirectory => Path.GetDirectoryName(HistoryPath) ?? DefaultStateDirectory();
}
