namespace NetTui.Lab;

/// <summary>
/// An Open vSwitch instance private to one <see cref="LabHost"/>: its own database, sockets
/// and logs in <see cref="Dir"/> (OVS_RUNDIR/DBDIR/LOGDIR/SYSCONFDIR all point there), with
/// ovsdb-server and ovs-vswitchd running inside the host's namespace. The kernel datapath
/// module is absent on the lab machine, so bridges use the userspace datapath (netdev);
/// their internal ports appear as tap devices in the namespace.
/// </summary>
public sealed class LabOvs : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private readonly LabHost _host;
    private LabDaemon? _server;
    private LabDaemon? _vswitchd;

    public string Dir { get; }
    public string DbFile => Path.Combine(Dir, "conf.db");
    public string DbSocket => Path.Combine(Dir, "db.sock");
    /// <summary>What `--db=` and nettui's `--ovs-db` take.</summary>
    public string DbTarget => "unix:" + DbSocket;

    /// <summary>The variables every OVS tool needs to find this instance.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    public bool ServerRunning => _server is { HasExited: false };

    private LabOvs(LabHost host)
    {
        _host = host;
        Dir = Path.Combine(host.StateDir, "ovs");
        Environment = new Dictionary<string, string>
        {
            ["OVS_RUNDIR"] = Dir,
            ["OVS_DBDIR"] = Dir,
            ["OVS_LOGDIR"] = Dir,
            ["OVS_SYSCONFDIR"] = Dir,
        };
    }

    /// <summary>Creates the database and starts ovsdb-server and ovs-vswitchd in the host.</summary>
    public static async Task<LabOvs> StartAsync(LabHost host)
    {
        var ovs = new LabOvs(host);
        host.Own(ovs);
        Directory.CreateDirectory(ovs.Dir);
        (await LabExec.RunAsync(["ovsdb-tool", "create", ovs.DbFile, "/usr/share/openvswitch/vswitch.ovsschema"], ovs.Environment, null)
            .ConfigureAwait(false)).EnsureSuccess();
        await ovs.StartServerAsync().ConfigureAwait(false);
        // init needs no vswitchd (--no-wait): it creates the Open_vSwitch root row.
        await ovs.VsctlNoWaitAsync("init").ConfigureAwait(false);
        await ovs.StartVswitchdAsync().ConfigureAwait(false);
        return ovs;
    }

    public async Task StartServerAsync()
    {
        if (ServerRunning) return;
        // Foreground (no --detach): the lab owns the pid and sees the process end.
        _server = LabDaemon.Start("ovsdb-server", Dir, _host.InNamespace(
            "ovsdb-server", DbFile,
            "--remote=punix:" + DbSocket,
            "--remote=db:Open_vSwitch,Open_vSwitch,manager_options",
            "--pidfile", "--log-file=" + Path.Combine(Dir, "ovsdb-server.ovslog")), Environment);
        await LabWait.UntilAsync("ovsdb-server to listen on " + DbSocket, async () =>
        {
            if (_server.HasExited) throw new LabException("ovsdb-server exited: " + _server.LogTail());
            if (!File.Exists(DbSocket)) return false;
            var r = await LabExec.RunAsync(["ovs-vsctl", "--db=" + DbTarget, "--timeout=2", "--no-wait", "show"], Environment, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            return r.Succeeded;
        }, StartTimeout).ConfigureAwait(false);
    }

    /// <summary>Stops ovsdb-server; db.sock disappears, clients get "database connection failed".</summary>
    public async Task StopServerAsync()
    {
        if (_server is null) return;
        await _server.StopAsync().ConfigureAwait(false);
        _server = null;
        // ovsdb-server removes its socket on a clean exit; make sure even after a SIGKILL.
        try { File.Delete(DbSocket); } catch (IOException) { }
    }

    public async Task StartVswitchdAsync()
    {
        if (_vswitchd is { HasExited: false }) return;
        _vswitchd = LabDaemon.Start("ovs-vswitchd", Dir, _host.InNamespace(
            "ovs-vswitchd", DbTarget, "--pidfile",
            "--log-file=" + Path.Combine(Dir, "ovs-vswitchd.ovslog")), Environment);
        // Ready once its control socket answers (found through OVS_RUNDIR's pid file).
        await LabWait.UntilAsync("ovs-vswitchd to answer on its control socket", async () =>
        {
            if (_vswitchd.HasExited) throw new LabException("ovs-vswitchd exited: " + _vswitchd.LogTail());
            if (!File.Exists(Path.Combine(Dir, "ovs-vswitchd.pid"))) return false;
            var r = await LabExec.RunAsync(["ovs-appctl", "--timeout=3", "-t", "ovs-vswitchd", "version"], Environment, TimeSpan.FromSeconds(6)).ConfigureAwait(false);
            return r.Succeeded;
        }, StartTimeout).ConfigureAwait(false);
    }

    /// <summary>Both daemons stopped (before a simulated reboot).</summary>
    public async Task StopAsync()
    {
        await StopVswitchdAsync().ConfigureAwait(false);
        await StopServerAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// A new, empty database and both daemons started again in the host's (new) namespace: a
    /// boot where OVSDB holds nothing, so only what the boot configuration says comes back.
    /// </summary>
    public async Task StartEmptyAsync()
    {
        await StopAsync().ConfigureAwait(false);
        File.Delete(DbFile);
        (await LabExec.RunAsync(["ovsdb-tool", "create", DbFile, "/usr/share/openvswitch/vswitch.ovsschema"], Environment, null)
            .ConfigureAwait(false)).EnsureSuccess();
        await StartServerAsync().ConfigureAwait(false);
        await VsctlNoWaitAsync("init").ConfigureAwait(false);
        await StartVswitchdAsync().ConfigureAwait(false);
    }

    public async Task StopVswitchdAsync()
    {
        if (_vswitchd is null) return;
        await _vswitchd.StopAsync().ConfigureAwait(false);
        _vswitchd = null;
    }

    /// <summary>
    /// `ovs-vsctl ARGS` against this instance, run in the host's namespace. Always with
    /// --timeout: without ovs-vswitchd a change would otherwise wait forever.
    /// </summary>
    public Task<ExecResult> VsctlAsync(params string[] args) =>
        _host.RunAsync(["ovs-vsctl", "--db=" + DbTarget, "--timeout=15", .. args], Environment, TimeSpan.FromSeconds(20));

    /// <summary>Like <see cref="VsctlAsync"/> with --no-wait (does not wait for ovs-vswitchd).</summary>
    public async Task<ExecResult> VsctlNoWaitAsync(params string[] args) =>
        (await _host.RunAsync(["ovs-vsctl", "--db=" + DbTarget, "--timeout=15", "--no-wait", .. args], Environment, TimeSpan.FromSeconds(20))
            .ConfigureAwait(false)).EnsureSuccess();

    /// <summary>Runs ovs-vsctl and throws with stderr on failure.</summary>
    public async Task<ExecResult> VsctlCheckedAsync(params string[] args) =>
        (await VsctlAsync(args).ConfigureAwait(false)).EnsureSuccess();

    /// <summary>Adds a bridge on the userspace datapath (the only one available here).</summary>
    public Task<ExecResult> AddBridgeAsync(string name) =>
        VsctlCheckedAsync("add-br", name, "--", "set", "bridge", name, "datapath_type=netdev");

    /// <summary>
    /// Adds a GRE port the atomic way (port and type in one transaction), as an admin should:
    /// add-port without a type would leave a broken row behind.
    /// </summary>
    public Task<ExecResult> AddGrePortAsync(string bridge, string port, string remoteIp, string? key = null)
    {
        List<string> args = ["add-port", bridge, port, "--", "set", "interface", port, "type=gre", "options:remote_ip=" + remoteIp];
        if (key is not null) args.Add("options:key=" + key);
        return VsctlCheckedAsync([.. args]);
    }

    public async ValueTask DisposeAsync()
    {
        await StopVswitchdAsync().ConfigureAwait(false);
        await StopServerAsync().ConfigureAwait(false);
    }
}
