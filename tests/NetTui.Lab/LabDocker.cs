using System.Text.Json.Nodes;

namespace NetTui.Lab;

/// <summary>
/// A dockerd private to one <see cref="LabHost"/>: data root, exec root, socket and pid file
/// in <see cref="Dir"/>; started with nsenter into the host's namespace (not `ip netns exec`,
/// which remounts /sys and hides the cgroup mounts dockerd needs). No iptables changes unless
/// asked (they are the namespace's anyway), vfs storage (no overlay needed), and the
/// <see cref="BusyboxImage"/> imported so containers can run without a registry.
/// </summary>
public sealed class LabDocker : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    private readonly LabHost _host;
    private LabDaemon? _daemon;

    public string Dir { get; }
    public string SocketPath => Path.Combine(Dir, "docker.sock");
    /// <summary>The value for DOCKER_HOST.</summary>
    public string DockerHost => "unix://" + SocketPath;
    public string ConfigFile => Path.Combine(Dir, "daemon.json");

    public IReadOnlyDictionary<string, string> ClientEnvironment => new Dictionary<string, string> { ["DOCKER_HOST"] = DockerHost };

    public bool Running => _daemon is { HasExited: false };

    /// <summary>dockerd runs with its iptables management on (not `--iptables=false`).</summary>
    public bool ManagesIptables { get; private init; }

    private LabDocker(LabHost host)
    {
        _host = host;
        Dir = Path.Combine(host.StateDir, "docker");
    }

    /// <summary>
    /// Starts dockerd in the host and imports local/busybox. <paramref name="daemonJson"/>,
    /// if given, becomes daemon.json (e.g. <c>{ "bridge": "br0" }</c>).
    /// </summary>
    /// <remarks>
    /// <paramref name="manageIptables"/>: let dockerd write its real FORWARD/DOCKER/DOCKER-USER
    /// chains and MASQUERADE rules, and set ip_forward, in the host's namespace (they stay there).
    /// </remarks>
    public static async Task<LabDocker> StartAsync(LabHost host, JsonObject? daemonJson = null, bool manageIptables = false)
    {
        var docker = new LabDocker(host) { ManagesIptables = manageIptables };
        host.Own(docker);
        Directory.CreateDirectory(docker.Dir);
        await docker.StartDaemonAsync(daemonJson).ConfigureAwait(false);
        var tar = await BusyboxImage.BuildTarAsync(docker.Dir).ConfigureAwait(false);
        await docker.CheckedAsync("import", tar, BusyboxImage.Name).ConfigureAwait(false);
        return docker;
    }

    /// <summary>
    /// Stops dockerd and starts it again with a new daemon.json (null: keep the current one).
    /// Containers survive as stopped ("exited") containers, as on a real daemon restart.
    /// </summary>
    public async Task RestartAsync(JsonObject? daemonJson = null)
    {
        await StopDaemonAsync(removeContainers: false).ConfigureAwait(false);
        await StartDaemonAsync(daemonJson).ConfigureAwait(false);
    }

    public async Task StartDaemonAsync(JsonObject? daemonJson = null)
    {
        if (Running) return;
        if (daemonJson is not null)
            await File.WriteAllTextAsync(ConfigFile, daemonJson.ToJsonString()).ConfigureAwait(false);
        List<string> argv =
        [
            "dockerd",
            "--data-root", Path.Combine(Dir, "data"),
            "--exec-root", Path.Combine(Dir, "exec"),
            "-H", DockerHost,
            "--pidfile", Path.Combine(Dir, "docker.pid"),
            "--storage-driver=vfs",
        ];
        if (!ManagesIptables) argv.AddRange(["--iptables=false", "--ip6tables=false"]);
        if (File.Exists(ConfigFile)) argv.AddRange(["--config-file", ConfigFile]);
        _daemon = LabDaemon.Start("dockerd", Dir, _host.InNamespace(argv));
        await LabWait.UntilAsync("dockerd to answer on " + SocketPath, async () =>
        {
            if (_daemon.HasExited) throw new LabException("dockerd exited: " + _daemon.LogTail());
            if (!File.Exists(SocketPath)) return false;
            var r = await DockerAsync("version", "--format", "{{.Server.Version}}").ConfigureAwait(false);
            return r.Succeeded;
        }, ReadyTimeout, TimeSpan.FromMilliseconds(250)).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops dockerd. Running containers are killed first (busybox `sleep` as pid 1 ignores
    /// SIGTERM, so a graceful stop would wait 10 s per container) and, unless kept, removed;
    /// then the mounts dockerd leaves under its roots are removed.
    /// </summary>
    public async Task StopDaemonAsync(bool removeContainers = true)
    {
        if (_daemon is null) return;
        if (Running)
        {
            var ids = await DockerAsync(removeContainers ? ["ps", "-aq"] : ["ps", "-q"]).ConfigureAwait(false);
            var list = ids.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (ids.Succeeded && list.Length > 0)
                await DockerAsync(removeContainers ? ["rm", "-f", .. list] : ["kill", .. list]).ConfigureAwait(false);
        }
        await _daemon.StopAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
        _daemon = null;
        await LabCleanup.UnmountUnderAsync(Dir).ConfigureAwait(false);
    }

    /// <summary>The docker CLI against this daemon (DOCKER_HOST set); non-zero exit is returned.</summary>
    public Task<ExecResult> DockerAsync(params string[] args) =>
        LabExec.RunAsync(["docker", .. args], ClientEnvironment, TimeSpan.FromSeconds(60));

    public async Task<ExecResult> CheckedAsync(params string[] args) =>
        (await DockerAsync(args).ConfigureAwait(false)).EnsureSuccess();

    /// <summary>`docker run -d --name NAME [extra...] local/busybox sleep 3600`; returns the id.</summary>
    public async Task<string> RunBusyboxAsync(string name, params string[] extra)
    {
        var r = await CheckedAsync(["run", "-d", "--name", name, .. extra, BusyboxImage.Name, "sleep", "3600"]).ConfigureAwait(false);
        return r.StandardOutput.Trim();
    }

    /// <summary>`docker inspect` of one object, parsed.</summary>
    public async Task<JsonObject> InspectAsync(string nameOrId)
    {
        var r = await CheckedAsync("inspect", nameOrId).ConfigureAwait(false);
        return (LabHost.ParseArray(r.StandardOutput)[0] as JsonObject) ?? throw new LabException("docker inspect: not an object");
    }

    public async ValueTask DisposeAsync() => await StopDaemonAsync().ConfigureAwait(false);
}
