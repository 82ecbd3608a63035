namespace NetTui.Host.Doctor;

/// <summary>
/// Compares socket paths as the kernel does: /var/run/openvswitch/db.sock and
/// /run/openvswitch/db.sock are one file when /var/run is a link to /run. Resolves the
/// links of every existing directory component; the rest is kept as written.
/// </summary>
public static class PathCanon
{
    public static string Canonical(string path)
    {
        if (!Path.IsPathRooted(path)) return path;
        var full = Path.GetFullPath(path);
        var parts = full.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var current = "/";
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            for (var hops = 0; hops < 16; hops++)
            {
                FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
                if (info.LinkTarget is not { } target) break;
                next = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(current, target));
            }
            current = next;
        }
        return current;
    }
}
