namespace NetTui.Lab;

/// <summary>
/// The lab's only container image, <c>local/busybox</c>: no registry is reachable from the
/// lab machine, so the image is made from the static busybox binary (a root file system
/// with bin/busybox, a few applet links, and empty etc/proc/sys for Docker to mount over).
/// </summary>
public static class BusyboxImage
{
    public const string Name = "local/busybox";

    /// <summary>The applets the lab's containers use (sh, sleep, ip, ping...).</summary>
    public static readonly string[] Applets =
        ["sh", "sleep", "ip", "ping", "cat", "hostname", "ls", "echo", "ifconfig", "route", "nc", "wget"];

    /// <summary>Writes the image as a tar file in <paramref name="workDir"/> and returns its path.</summary>
    public static async Task<string> BuildTarAsync(string workDir)
    {
        var busybox = FindBusybox() ?? throw new LabException("busybox not found: install busybox-static");
        var rootfs = Path.Combine(workDir, "busybox-rootfs");
        var bin = Path.Combine(rootfs, "bin");
        Directory.CreateDirectory(bin);
        foreach (var d in new[] { "etc", "proc", "sys", "dev", "tmp" })
            Directory.CreateDirectory(Path.Combine(rootfs, d));
        var target = Path.Combine(bin, "busybox");
        File.Copy(busybox, target, overwrite: true);
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                                     UnixFileMode.GroupRead | UnixFileMode.GroupExecute |
                                     UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        foreach (var applet in Applets)
        {
            var link = Path.Combine(bin, applet);
            if (!File.Exists(link)) File.CreateSymbolicLink(link, "busybox");
        }
        var tar = Path.Combine(workDir, "busybox.tar");
        // A tar file rather than `tar | docker import -`: no shell pipe, and it can be imported again.
        await LabExec.CheckedAsync("tar", "-C", rootfs, "-cf", tar, ".").ConfigureAwait(false);
        return tar;
    }

    /// <summary>busybox-static installs /bin/busybox (= /usr/bin/busybox on merged-/usr Debian).</summary>
    private static string? FindBusybox()
    {
        foreach (var p in new[] { "/bin/busybox", "/usr/bin/busybox", "/usr/sbin/busybox" })
            if (File.Exists(p)) return p;
        return null;
    }
}
