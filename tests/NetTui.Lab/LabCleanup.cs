namespace NetTui.Lab;

/// <summary>
/// Removing what the lab left on the file system. dockerd leaves mounts under its data and
/// exec roots (container rootfs, netns bind mounts); a recursive delete must never walk
/// into a mount, so unmount first and refuse to delete while anything is still mounted.
/// </summary>
public static class LabCleanup
{
    /// <summary>Mount points at or below <paramref name="dir"/>, deepest first.</summary>
    public static IReadOnlyList<string> MountsUnder(string dir)
    {
        var prefix = dir.TrimEnd('/') + "/";
        var result = new List<string>();
        foreach (var line in File.ReadAllLines("/proc/self/mounts"))
        {
            var fields = line.Split(' ');
            if (fields.Length < 2) continue;
            // /proc/mounts escapes spaces etc. as \040; lab paths have none.
            var mountPoint = fields[1];
            if (mountPoint.StartsWith(prefix, StringComparison.Ordinal) || mountPoint == dir.TrimEnd('/'))
                result.Add(mountPoint);
        }
        return result.OrderByDescending(m => m.Length).ToList();
    }

    public static async Task UnmountUnderAsync(string dir)
    {
        foreach (var m in MountsUnder(dir))
            await LabExec.RunAsync(["umount", "-l", m], null, TimeSpan.FromSeconds(10)).ConfigureAwait(false);
    }

    public static void DeleteTree(string dir)
    {
        if (!Directory.Exists(dir)) return;
        var mounts = MountsUnder(dir);
        if (mounts.Count > 0)
            throw new LabException($"not deleting {dir}: still mounted: {string.Join(", ", mounts)}");
        Directory.Delete(dir, recursive: true);
    }
}
