namespace NetTui.Lab;

/// <summary>
/// A lab host's ifupdown configuration, under its own root (<see cref="Root"/>, passed to nettui
/// as NETTUI_CONFIG_ROOT), and the real `ifup -a` run over it inside the host's namespace and a
/// private mount namespace whose /etc/network/interfaces and interfaces.d are the root's
/// (LAB-NOTES "Persistence without NetworkManager"; the `source` lines in the files name the
/// host's paths, so ifup must see them there), with the namespace's own /sys (as `ip netns
/// exec` mounts it: bridge-utils' hook skips a port it cannot find in /sys/class/net). The hooks in /etc/network/if-*.d are the
/// machine's own (bridge-utils' bridge_ports). Nothing outside the state dir is written.
/// </summary>
public sealed class LabIfupdown
{
    /// <summary>Debian's /etc/network/interfaces as ifupdown's postinst writes it.</summary>
    public const string DebianDefault = "# interfaces(5) file used by ifup(8) and ifdown(8)\n# Include files from /etc/network/interfaces.d:\nsource /etc/network/interfaces.d/*\n";

    private readonly LabHost _host;

    private LabIfupdown(LabHost host) => _host = host;

    public string Root => Path.Combine(_host.StateDir, "root");
    public string Interfaces => Path.Combine(Root, "etc/network/interfaces");
    public string InterfacesD => Path.Combine(Root, "etc/network/interfaces.d");

    /// <summary>The path of one file of the root's interfaces.d.</summary>
    public string InDirectory(string name) => Path.Combine(InterfacesD, name);

    /// <summary>The environment nettui gets: the root and, so it is not asked, no NetworkManager.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["NETTUI_CONFIG_ROOT"] = Root };

    public static async Task<LabIfupdown> CreateAsync(LabHost host, string interfaces = DebianDefault)
    {
        if (!File.Exists("/sbin/ifup") && !File.Exists("/usr/sbin/ifup"))
            throw new LabException("ifup is missing: apt-get install --no-install-recommends ifupdown (tests/run.sh does)");
        if (!Directory.Exists("/etc/network/interfaces.d") || !File.Exists("/etc/network/interfaces"))
            throw new LabException("/etc/network/interfaces(.d) are missing: the lab bind-mounts its own files over them in a private mount namespace");
        var lab = new LabIfupdown(host);
        Directory.CreateDirectory(lab.InterfacesD);
        Directory.CreateDirectory(Path.Combine(lab.Root, "run/network"));
        await File.WriteAllTextAsync(lab.Interfaces, interfaces).ConfigureAwait(false);
        return lab;
    }

    private string? _ovsDir;

    /// <summary>
    /// Lets openvswitch-switch's ifupdown hook (ovs_type stanzas) reach the lab's OVS: its hook
    /// uses the default socket and the nested `ifup --allow=BRIDGE` ignores -i/--state-dir, so
    /// `ifup -a` then runs with a tmpfs /run holding the lab's OVS directory as /run/openvswitch
    /// and the root's run/network as /run/network, and /bin/true over systemctl (the hook starts
    /// openvswitch-switch.service when systemctl says it is not active: never the machine's).
    /// </summary>
    public void UseOvs(LabOvs ovs) => _ovsDir = ovs.Dir;

    /// <summary>What networking.service does at boot: `ifup -a`, here over the root's files in the host's namespace.</summary>
    public Task<ExecResult> IfupAllAsync() => _host.RunAsync(["unshare", "-m", "--propagation", "private", "sh", "-c", """
        set -e
        mount -t sysfs -o ro sysfs /sys
        mount --bind "$1/etc/network/interfaces" /etc/network/interfaces
        mount --bind "$1/etc/network/interfaces.d" /etc/network/interfaces.d
        if [ -n "$2" ]; then
            mount -t tmpfs -o mode=755 none /run
            mkdir -p /run/openvswitch /run/network
            mount --bind "$2" /run/openvswitch
            mount --bind "$1/run/network" /run/network
            if [ -e /bin/systemctl ]; then mount --bind /bin/true "$(readlink -f /bin/systemctl)"; fi
        fi
        exec ifup -a --state-dir="$1/run/network"
        """, "sh", Root, _ovsDir ?? ""], null, TimeSpan.FromSeconds(60));

    /// <summary>A simulated reboot: the namespace is deleted and made again (its kernel state gone, the files kept), <paramref name="hardware"/> makes what a boot finds (NICs), then `ifup -a`.</summary>
    public async Task<ExecResult> RebootAsync(Func<Task>? hardware = null)
    {
        await _host.RemoveNamespaceAsync().ConfigureAwait(false);
        await _host.RecreateNamespaceAsync().ConfigureAwait(false);
        if (hardware is not null) await hardware().ConfigureAwait(false);
        // The state of the previous boot is in the root's run/network, like /run after a reboot: cleared.
        foreach (var f in Directory.EnumerateFiles(Path.Combine(Root, "run/network"))) File.Delete(f);
        return await IfupAllAsync().ConfigureAwait(false);
    }
}
