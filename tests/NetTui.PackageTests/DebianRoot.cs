using NetTui.Lab;

namespace NetTui.PackageTests;

/// <summary>
/// A minimal Debian 12 root (`debootstrap --variant=minbase bookworm`) from this machine's
/// own mirror: no .NET, none of the lab's packages. Made once a day and kept as a tarball in
/// <see cref="CacheDir"/> (debootstrap takes most of a minute, unpacking a few seconds).
/// Commands run in it through a private mount namespace with /proc mounted, so no mount
/// outlives them; disposal deletes the tree.
/// </summary>
public sealed class DebianRoot : IAsyncDisposable
{
    public const string Suite = "bookworm";
    public static readonly string CacheDir = "/var/cache/nettui-tests";
    /// <summary>PATH for programs run in a clean environment (chroot, no-.NET shell).</summary>
    public const string StandardPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public string Dir { get; }

    private DebianRoot(string dir) => Dir = dir;

    public static async Task<DebianRoot> CreateAsync(string dir)
    {
        Directory.CreateDirectory(dir);
        var root = new DebianRoot(dir);
        try
        {
            var tarball = Path.Combine(CacheDir, $"{Suite}-minbase-{DateTime.UtcNow:yyyyMMdd}.tar");
            if (File.Exists(tarball))
            {
                (await LabExec.RunAsync(["tar", "-xf", tarball, "-C", dir], null, TimeSpan.FromMinutes(2))).EnsureSuccess();
            }
            else
            {
                // In a private mount namespace: the /proc and /sys debootstrap mounts in the new root
                // vanish with it, even if it is killed half-way.
                (await LabExec.RunAsync(["unshare", "--mount", "--propagation", "private", "--", "debootstrap", "--variant=minbase", Suite, dir, Mirror()], null, TimeSpan.FromMinutes(6))).EnsureSuccess();
                await CacheAsync(dir, tarball);
            }
            // apt inside needs names resolved; packages must not start daemons there either.
            await File.WriteAllTextAsync(Path.Combine(dir, "etc/resolv.conf"), await File.ReadAllTextAsync("/etc/resolv.conf"));
            var policy = Path.Combine(dir, "usr/sbin/policy-rc.d");
            await File.WriteAllTextAsync(policy, "#!/bin/sh\nexit 101\n");
            File.SetUnixFileMode(policy, (UnixFileMode)0b111_101_101);
            return root;
        }
        catch
        {
            await root.DisposeAsync();
            throw;
        }
    }

    /// <summary>The Debian mirror this machine's apt uses (deb822 sources first, then sources.list).</summary>
    public static string Mirror()
    {
        const string deb822 = "/etc/apt/sources.list.d/debian.sources";
        if (File.Exists(deb822))
            foreach (var line in File.ReadLines(deb822))
                if (line.StartsWith("URIs:", StringComparison.Ordinal) && !line.Contains("security", StringComparison.Ordinal))
                    return line["URIs:".Length..].Trim().Split(' ')[0];
        if (File.Exists("/etc/apt/sources.list"))
            foreach (var line in File.ReadLines("/etc/apt/sources.list"))
                if (line.StartsWith("deb ", StringComparison.Ordinal) && !line.Contains("security", StringComparison.Ordinal))
                    return line.Split(' ', StringSplitOptions.RemoveEmptyEntries).First(w => w.Contains("://", StringComparison.Ordinal));
        return "http://deb.debian.org/debian";
    }

    /// <summary>The argv that runs <paramref name="argv"/> chrooted into this root, /proc mounted in a private mount namespace.</summary>
    public IReadOnlyList<string> Chrooted(params IReadOnlyList<string> argv) =>
        ["unshare", "--mount", "--propagation", "private", "--", "sh", "-c",
         "mount -t proc proc \"$0/proc\" && exec chroot \"$0\" \"$@\"", Dir, "env", "PATH=" + StandardPath, .. argv];

    public async Task<ExecResult> RunAsync(IReadOnlyList<string> argv, TimeSpan timeout) =>
        await LabExec.RunAsync(Chrooted(argv), null, timeout);

    /// <summary>Tars the fresh root into the cache (written aside, then renamed) and drops older days' tarballs.</summary>
    private static async Task CacheAsync(string dir, string tarball)
    {
        Directory.CreateDirectory(CacheDir);
        var partial = tarball + ".partial";
        (await LabExec.RunAsync(["tar", "-cf", partial, "-C", dir, "."], null, TimeSpan.FromMinutes(2))).EnsureSuccess();
        File.Move(partial, tarball, overwrite: true);
        foreach (var old in Directory.GetFiles(CacheDir, $"{Suite}-minbase-*.tar*").Where(f => f != tarball))
            File.Delete(old);
    }

    public async ValueTask DisposeAsync()
    {
        // Nothing should be mounted (every mount lived in a private namespace); if anything is, unmount before deleting.
        await LabCleanup.UnmountUnderAsync(Dir);
        LabCleanup.DeleteTree(Dir);
    }
}
