namespace NetTui.Lab;

/// <summary>
/// netplan for a lab host (LAB-NOTES "Persistence without NetworkManager"): NetTui writes
/// <see cref="Directory"/> (Root/etc/netplan, NETTUI_CONFIG_ROOT = <see cref="Root"/>); a boot is
/// `netplan generate --root-dir Root` (it renders networkd files under Root/run/systemd/network
/// and writes nothing outside Root) and then systemd-networkd, run by hand in the namespace as
/// <see cref="LabNetworkd"/> does, with those files bind-mounted on /run/systemd/network and
/// an empty /etc/systemd/network (the host's own files never reach the lab).
/// `netplan apply` needs systemd as PID 1, so the lab boots through generate.
/// </summary>
public sealed class LabNetplan : IAsyncDisposable
{
    private readonly LabHost _host;
    private LabDaemon? _daemon;

    private LabNetplan(LabHost host) => _host = host;

    public string Root => Path.Combine(_host.StateDir, "root");
    public string Directory => Path.Combine(Root, "etc/netplan");
    private string Rendered => Path.Combine(Root, "run/systemd/network");
    private string EmptyNetworkd => Path.Combine(_host.StateDir, "empty-networkd");
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["NETTUI_CONFIG_ROOT"] = Root };

    public static LabNetplan Create(LabHost host)
    {
        if (!File.Exists("/usr/sbin/netplan")) throw new LabException("netplan is missing (package netplan.io)");
        if (!File.Exists("/lib/systemd/systemd-networkd")) throw new LabException("systemd-networkd is missing (package systemd)");
        var lab = new LabNetplan(host);
        System.IO.Directory.CreateDirectory(lab.Directory);
        System.IO.Directory.CreateDirectory(lab.EmptyNetworkd);
        host.Own(lab);
        return lab;
    }

    /// <summary>What a boot does: netplan renders its YAML, networkd configures what it rendered.</summary>
    public async Task BootAsync()
    {
        if (System.IO.Directory.Exists(Path.Combine(Root, "run"))) System.IO.Directory.Delete(Path.Combine(Root, "run"), recursive: true);
        var generate = await LabExec.RunAsync("netplan", "generate", "--root-dir", Root).ConfigureAwait(false);
        if (generate.ExitCode != 0) throw new LabException($"netplan generate failed: {generate.StandardError}");
        // networkd reads the rendered files as the systemd-network user.
        foreach (var dir in new[] { Path.Combine(Root, "run"), Path.Combine(Root, "run/systemd"), Rendered, EmptyNetworkd })
            if (System.IO.Directory.Exists(dir)) File.SetUnixFileMode(dir, (UnixFileMode)0x1ED); // 0755
        _daemon = LabDaemon.Start("networkd", _host.StateDir, _host.InNamespace(["unshare", "-m", "--propagation", "private", "sh", "-c", """
            set -e
            mount --bind "$2" /etc/systemd/network
            mount -t tmpfs -o mode=755 none /run
            mkdir -p /run/systemd/network
            mount --bind "$1" /run/systemd/network
            mount -t sysfs -o ro sysfs /sys
            exec /lib/systemd/systemd-networkd
            """, "sh", Rendered, EmptyNetworkd]));
    }

    public async Task StopAsync()
    {
        if (_daemon is { } d) await d.StopAsync().ConfigureAwait(false);
        _daemon = null;
    }

    /// <summary>A simulated reboot: the namespace deleted and made again, <paramref name="hardware"/> (NICs), then <see cref="BootAsync"/>.</summary>
    public async Task RebootAsync(Func<Task>? hardware = null)
    {
        await StopAsync().ConfigureAwait(false);
        await _host.RemoveNamespaceAsync().ConfigureAwait(false);
        await _host.RecreateNamespaceAsync().ConfigureAwait(false);
        if (hardware is not null) await hardware().ConfigureAwait(false);
        await BootAsync().ConfigureAwait(false);
    }

    public string LogTail() => _daemon?.LogTail() ?? "";

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
