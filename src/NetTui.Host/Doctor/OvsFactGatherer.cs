using System.Collections.Immutable;
using System.Text.Json;
using NetTui.Core.Commands;
using NetTui.Core.Doctor.Facts;
using NetTui.Core.Model;
using NetTui.Host.Commands;
using NetTui.Host.Inventory;

namespace NetTui.Host.Doctor;

/// <summary>
/// Gathers what the OVS checks need: how OVS is installed and which paths it uses, whether
/// the clients' socket answers, whether a database exists (and of which schema), which
/// OVS daemons run in the target namespace and where they listen. Every program call has a
/// timeout; a fact that cannot be learned stays null instead of failing the diagnosis.
/// </summary>
public sealed class OvsFactGatherer(ICommandRunner runner, DoctorOptions options)
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(5);
    private static readonly string[] BinDirs = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    /// <summary>How OVS is installed and which paths its clients use; resolved once per gatherer.</summary>
    private sealed record Layout(OvsInstall Install, string? Server, string? Vsctl, OvsPaths Paths, string ClientSocket, ImmutableDictionary<string, string>? Env);

    private Task<Layout?>? _layout;

    private Task<Layout?> LayoutAsync(CancellationToken ct) => _layout ??= ResolveLayoutAsync(ct);

    /// <summary>
    /// Whether the Open_vSwitch table has its root record, asked read-only with ovsdb-client.
    /// Must run before the inventory: any ovs-vsctl command (even `list`) inserts the missing
    /// root record itself, so after the first ovs-vsctl read the table is never empty.
    /// </summary>
    public async Task<bool?> ProbeRootRecordAsync(CancellationToken ct)
    {
        if (await LayoutAsync(ct).ConfigureAwait(false) is not { } layout) return null;
        if (UnixSocketProbe.Probe(layout.ClientSocket) != SocketState.Listening || FindBinary("ovsdb-client") is not { } client) return null;
        var json = await OutputAsync(new CommandSpec(client,
            ["query", "unix:" + layout.ClientSocket, """["Open_vSwitch",{"op":"select","table":"Open_vSwitch","where":[],"columns":["_uuid"]}]"""],
            Quick, false, layout.Env), ct).ConfigureAwait(false);
        if (json is null) return null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement[0].GetProperty("rows").GetArrayLength() > 0;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    public async Task<OvsFacts?> GatherAsync(HostSnapshot snapshot, bool? rootRecord, CancellationToken ct)
    {
        if (await LayoutAsync(ct).ConfigureAwait(false) is not { } layout) return null;
        var (install, server, paths, clientSocket, envSpec) = (layout.Install, layout.Server, layout.Paths, layout.ClientSocket, layout.Env);
        var canonicalClient = PathCanon.Canonical(clientSocket);

        var schema = SchemaFile(server, install);
        var dbExists = File.Exists(paths.DbFile);
        bool? needsConversion = null;
        if (dbExists && schema is not null && FindBinary("ovsdb-tool") is { } tool)
        {
            var answer = await OutputAsync(new CommandSpec(tool, ["needs-conversion", paths.DbFile, schema], Quick, false, envSpec), ct).ConfigureAwait(false);
            needsConversion = answer?.Trim() switch { "yes" => true, "no" => false, _ => null };
        }

        var myNetns = await TargetNetnsAsync(ct).ConfigureAwait(false);
        // Found by name, believed by owner: another user's "ovsdb-server" is reported, never used.
        var trusted = DaemonTrust.TrustedUids();
        var found = ProcessTable.Find(new HashSet<string>(StringComparer.Ordinal) { "ovsdb-server", "ovs-vswitchd" })
            .Where(p => myNetns is null || p.NetNamespace == myNetns)
            .Select(p => DaemonTrust.Judge(ToDaemon(p, paths), p.OwnerUid, trusted))
            .ToList();
        var daemons = found.Where(d => d.Distrust is null).ToList();

        var moduleLoaded = Directory.Exists(options.SysModuleDir) ? Directory.Exists(Path.Combine(options.SysModuleDir, "openvswitch")) : (bool?)null;

        return new OvsFacts(
            install,
            server,
            paths,
            PathsFromEnvironment: options.Ovs("OVS_RUNDIR") is not null,
            ClientSocket: clientSocket,
            ClientSocketState: UnixSocketProbe.Probe(clientSocket),
            ClientError: snapshot.Source(SourceKind.Ovs) is { Available: false } down ? down.Reason : null,
            DbFileExists: dbExists,
            SchemaFile: schema,
            NeedsConversion: needsConversion,
            Servers: [.. daemons.Where(d => d.Program == "ovsdb-server")],
            Vswitchds: [.. daemons.Where(d => d.Program == "ovs-vswitchd")],
            Initialized: rootRecord,
            KernelModuleLoaded: moduleLoaded,
            CanonicalClientSocket: canonicalClient)
        { Untrusted = [.. found.Where(d => d.Distrust is not null)] };
    }

    private async Task<Layout?> ResolveLayoutAsync(CancellationToken ct)
    {
        var server = FindBinary("ovsdb-server");
        var vsctl = FindBinary("ovs-vsctl");
        if (server is null && vsctl is null) return null; // OVS is not installed: nothing to diagnose

        var install = InstallOf(server ?? vsctl!);
        var env = options.OvsEnvironment.Where(kv => kv.Value.Length > 0).ToImmutableDictionary(StringComparer.Ordinal);
        var envSpec = env.IsEmpty ? null : env;
        var vsctlHelp = vsctl is null ? null : await OutputAsync(new CommandSpec(vsctl, ["--help"], Quick, false, envSpec), ct).ConfigureAwait(false);
        var serverHelp = server is null ? null : await OutputAsync(new CommandSpec(server, ["--help"], Quick, false, envSpec), ct).ConfigureAwait(false);

        var fallback = install == OvsInstall.SourceBuild ? OvsPaths.SourceDefaults : OvsPaths.PackageDefaults;
        var explicitSocket = DbSocketPath(options.OvsDatabase);
        var defaultSocket = vsctlHelp is null ? null : OvsDefaults.VsctlSocket(vsctlHelp);
        var builtInRunDir = Dir(serverHelp is null ? null : OvsDefaults.ServerPidFile(serverHelp)) ?? Dir(defaultSocket) ?? fallback.RunDir;
        // --ovs-db naming a socket outside the built-in run directory, with no OVS_* set, is a
        // private instance (like a lab's): its database, pid files and logs live next to the
        // socket, and no fix may touch the system's /etc/openvswitch or /var/run/openvswitch.
        var socketDir = explicitSocket is null ? null : Path.GetDirectoryName(explicitSocket);
        var privateDir = socketDir is not null && options.Ovs("OVS_RUNDIR") is null
            && PathCanon.Canonical(socketDir) != PathCanon.Canonical(builtInRunDir) ? socketDir : null;
        var paths = new OvsPaths(
            options.Ovs("OVS_RUNDIR") ?? privateDir ?? builtInRunDir,
            options.Ovs("OVS_DBDIR") ?? privateDir ?? Dir(serverHelp is null ? null : OvsDefaults.ServerDatabase(serverHelp)) ?? fallback.DbDir,
            options.Ovs("OVS_LOGDIR") ?? privateDir ?? Dir(serverHelp is null ? null : OvsDefaults.ServerLogFile(serverHelp)) ?? fallback.LogDir,
            options.Ovs("OVS_SYSCONFDIR") ?? privateDir ?? fallback.SysConfDir);
        var clientSocket = explicitSocket ?? defaultSocket ?? paths.DbSocket;
        return new Layout(install, server, vsctl, paths, clientSocket, envSpec);
    }

    public static OvsInstall InstallOf(string binary) =>
        binary.StartsWith("/usr/local/", StringComparison.Ordinal) || binary.StartsWith("/opt/", StringComparison.Ordinal) ? OvsInstall.SourceBuild
        : binary.StartsWith("/usr/", StringComparison.Ordinal) || binary.StartsWith("/sbin/", StringComparison.Ordinal) || binary.StartsWith("/bin/", StringComparison.Ordinal) ? OvsInstall.Package
        : OvsInstall.Unknown;

    /// <summary>"unix:/x/db.sock" → "/x/db.sock"; other transports (tcp:, ssl:) have no file to inspect.</summary>
    public static string? DbSocketPath(string? db) =>
        db is { Length: > 5 } && db.StartsWith("unix:", StringComparison.Ordinal) ? db[5..] : null;

    private static string? Dir(string? file) => file is null ? null : Path.GetDirectoryName(file);

    private string? SchemaFile(string? server, OvsInstall install)
    {
        List<string> candidates = [];
        if (options.Ovs("OVS_PKGDATADIR") is { } pkg) candidates.Add(Path.Combine(pkg, "vswitch.ovsschema"));
        if (server is not null) candidates.Add(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(server)!, "..", "share", "openvswitch", "vswitch.ovsschema")));
        candidates.AddRange(install == OvsInstall.SourceBuild
            ? ["/usr/local/share/openvswitch/vswitch.ovsschema", "/usr/share/openvswitch/vswitch.ovsschema"]
            : ["/usr/share/openvswitch/vswitch.ovsschema", "/usr/local/share/openvswitch/vswitch.ovsschema"]);
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// The punix: sockets a daemon listens on, and its control socket (--unixctl, else
    /// NAME.PID.ctl in its own OVS_RUNDIR, its pid file's directory or its sockets' directory).
    /// </summary>
    public static OvsDaemon ToDaemon(ProcessInfo p, OvsPaths paths)
    {
        var listen = p.CommandLine
            .Where(a => a.StartsWith("--remote=punix:", StringComparison.Ordinal))
            .Select(a => PathCanon.Canonical(a["--remote=punix:".Length..]))
            .ToImmutableArray();
        string? control = p.CommandLine.FirstOrDefault(a => a.StartsWith("--unixctl=", StringComparison.Ordinal))?["--unixctl=".Length..];
        if (control is null)
        {
            var name = $"{p.Comm}.{p.Pid}.ctl";
            var dirs = new List<string?>
            {
                p.Environment.GetValueOrDefault("OVS_RUNDIR"),
                Dir(p.CommandLine.FirstOrDefault(a => a.StartsWith("--pidfile=", StringComparison.Ordinal))?["--pidfile=".Length..]),
            };
            dirs.AddRange(listen.Select(Dir));
            dirs.Add(paths.RunDir);
            dirs.AddRange([OvsPaths.PackageDefaults.RunDir, OvsPaths.SourceDefaults.RunDir]);
            control = dirs.OfType<string>().Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
        }
        return new OvsDaemon(p.Pid, p.Comm, p.CommandLine, listen, control);
    }

    /// <summary>The target's network namespace as /proc names it ("net:[N]"), read from inside it.</summary>
    private async Task<string?> TargetNetnsAsync(CancellationToken ct)
    {
        if (runner.Target.IsCurrent) return ProcessTable.NetNamespaceOf(Environment.ProcessId);
        var r = await OutputAsync(new CommandSpec("readlink", ["/proc/self/ns/net"], Quick), ct).ConfigureAwait(false);
        return r?.Trim() is { Length: > 0 } id ? id : null;
    }

    private async Task<string?> OutputAsync(CommandSpec spec, CancellationToken ct)
    {
        var run = await ToolRun.RunAsync(runner, spec, ct).ConfigureAwait(false);
        return run.Ok ? run.Output : null;
    }

    private static string? FindBinary(string name)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        foreach (var dir in path.Concat(BinDirs).Distinct())
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
