namespace NetTui.Lab;

/// <summary>
/// NetworkManager confined to one <see cref="LabHost"/>: its network namespace, a private
/// D-Bus (<see cref="PrivateBus"/>), a private mount namespace with tmpfs on its run and
/// state dirs, and keyfile profiles in <see cref="KeyfileDir"/>. It is configured never to
/// touch what the namespace does not isolate: the hostname and /etc/resolv.conf.
/// Stop + remove the namespace + start with the same keyfile dir simulates a reboot.
/// </summary>
public sealed class LabNetworkManager : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(45);
    private readonly LabHost _host;
    private readonly PrivateBus _bus;
    private LabDaemon? _daemon;

    public string Dir { get; }
    public string KeyfileDir => Path.Combine(Dir, "conn");
    public string ConfigFile => Path.Combine(Dir, "nm.conf");
    /// <summary>The value for DBUS_SYSTEM_BUS_ADDRESS (nmcli, nmtui, Tmds.DBus).</summary>
    public string BusAddress => _bus.Address;

    public IReadOnlyDictionary<string, string> ClientEnvironment =>
        new Dictionary<string, string> { ["DBUS_SYSTEM_BUS_ADDRESS"] = BusAddress };

    public bool Running => _daemon is { HasExited: false };

    /// <summary>Where NetworkManager's log lines go (--debug: stderr, as there is no syslog in the lab), for nettui's NETTUI_DAEMON_LOGS.</summary>
    public string LogFile => Path.Combine(Dir, "NetworkManager.err");

    private LabNetworkManager(LabHost host)
    {
        _host = host;
        Dir = Path.Combine(host.StateDir, "nm");
        _bus = new PrivateBus(host, Dir);
    }

    public static async Task<LabNetworkManager> StartAsync(LabHost host)
    {
        var nm = new LabNetworkManager(host);
        host.Own(nm);
        Directory.CreateDirectory(nm.KeyfileDir);
        await nm.StartAsync().ConfigureAwait(false);
        return nm;
    }

    /// <summary>Starts the bus (if needed) and NetworkManager; waits until nmcli gets answers.</summary>
    public async Task StartAsync()
    {
        if (Running) return;
        await _bus.StartAsync().ConfigureAwait(false);
        await File.WriteAllTextAsync(ConfigFile, $"""
            [main]
            plugins=keyfile
            auth-polkit=false
            # The UTS namespace and /etc are shared with the real host: leave them alone.
            hostname-mode=none
            dns=none
            rc-manager=unmanaged
            # No automatic "Wired connection" DHCP profiles on the lab's veths.
            no-auto-default=*

            [keyfile]
            path={KeyfileDir}

            [logging]
            level=INFO
            """).ConfigureAwait(false);
        // The mount points must exist before the private tmpfs can go on them; empty dirs.
        Directory.CreateDirectory("/run/NetworkManager");
        Directory.CreateDirectory("/var/lib/NetworkManager");
        // unshare -m: a private mount namespace (propagation private by default), so the
        // tmpfs mounts and NetworkManager's run/state files stay invisible to the real host.
        // The config path is passed as $1, not pasted into the script.
        // A sysfs of the namespace's own (the inherited one shows the root namespace's links),
        // read-only: NetworkManager then does not wait for udev (there is none for the lab's
        // devices), so it can manage devices it did not create (a veth, a brctl bridge).
        _daemon = LabDaemon.Start("NetworkManager", Dir, _host.InNamespace(
            "unshare", "-m", "--", "sh", "-c",
            "mount -t tmpfs none /run/NetworkManager && mount -t tmpfs none /var/lib/NetworkManager && mount -t sysfs -o ro sysfs /sys && exec NetworkManager --debug --config=\"$1\"",
            "lab-nm", ConfigFile), ClientEnvironment);
        await LabWait.UntilAsync("NetworkManager to answer on " + BusAddress, async () =>
        {
            if (_daemon.HasExited) throw new LabException("NetworkManager exited: " + _daemon.LogTail());
            var r = await NmcliAsync("-t", "-f", "RUNNING", "general", "status").ConfigureAwait(false);
            return r.Succeeded && r.StandardOutput.Trim() == "running";
        }, ReadyTimeout, TimeSpan.FromMilliseconds(250)).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops NetworkManager and (unless <paramref name="keepBus"/>) its bus; the keyfiles stay.
    /// Keeping the bus gives the "bus up, NetworkManager not running" case.
    /// </summary>
    public async Task StopAsync(bool keepBus = false)
    {
        if (_daemon is not null)
        {
            await _daemon.StopAsync().ConfigureAwait(false);
            _daemon = null;
        }
        if (!keepBus) await _bus.StopAsync().ConfigureAwait(false);
    }

    /// <summary>nmcli against the private bus (inside the namespace); non-zero exit is returned.</summary>
    public Task<ExecResult> NmcliAsync(params string[] args) =>
        _host.RunAsync(["nmcli", .. args], ClientEnvironment, TimeSpan.FromSeconds(30));

    public async Task<ExecResult> NmcliCheckedAsync(params string[] args) =>
        (await NmcliAsync(args).ConfigureAwait(false)).EnsureSuccess();

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
