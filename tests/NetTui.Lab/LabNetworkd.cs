namespace NetTui.Lab;

/// <summary>
/// systemd-networkd for a lab host, run by hand (LAB-NOTES "Persistence without NetworkManager"):
/// inside the host's namespace and a private mount namespace with a tmpfs /run, the namespace's
/// own /sys read-only (else every link waits for udev) and the root's systemd/network directory
/// bind-mounted on /etc/systemd/network. <see cref="Root"/> is what nettui gets as NETTUI_CONFIG_ROOT.
/// </summary>
public sealed class LabNetworkd : IAsyncDisposable
{
    private readonly LabHost _host;
    private LabDaemon? _daemon;

    private LabNetworkd(LabHost host) => _host = host;

    public string Root => Path.Combine(_host.StateDir, "root");
    public string Directory => Path.Combine(Root, "etc/systemd/network");
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["NETTUI_CONFIG_ROOT"] = Root };

    public static LabNetworkd Create(LabHost host)
    {
        if (!File.Exists("/lib/systemd/systemd-networkd") || !System.IO.Directory.Exists("/etc/systemd/network"))
            throw new LabException("systemd-networkd is missing (package systemd)");
        var lab = new LabNetworkd(host);
        System.IO.Directory.CreateDirectory(lab.Directory);
        // networkd reads its files as the systemd-network user: a 0700 directory silently configures nothing.
        File.SetUnixFileMode(lab.Directory, (UnixFileMode)0x1ED); // 0755
        host.Own(lab);
        return lab;
    }

    /// <summary>What a boot does: networkd starts and configures what its files say.</summary>
    public void Start()
    {
        _daemon = LabDaemon.Start("networkd", _host.StateDir, _host.InNamespace(["unshare", "-m", "--propagation", "private", "sh", "-c", """
            set -e
            mount --bind "$1" /etc/systemd/network
            mount -t tmpfs -o mode=755 none /run
            mkdir -p /run/systemd
            mount -t sysfs -o ro sysfs /sys
            exec /lib/systemd/systemd-networkd
            """, "sh", Directory]));
    }

    public async Task StopAsync()
    {
        if (_daemon is { } d) await d.StopAsync().ConfigureAwait(false);
        _daemon = null;
    }

    /// <summary>A simulated reboot: networkd stopped, the namespace deleted and made again, <paramref name="hardware"/> (NICs), networkd started.</summary>
    public async Task RebootAsync(Func<Task>? hardware = null)
    {
        await StopAsync().ConfigureAwait(false);
        await _host.RemoveNamespaceAsync().ConfigureAwait(false);
        await _host.RecreateNamespaceAsync().ConfigureAwait(false);
        if (hardware is not null) await hardware().ConfigureAwait(false);
        Start();
    }

    public string LogTail() => _daemon?.LogTail() ?? "";

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
