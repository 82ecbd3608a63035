namespace NetTui.Host.Inventory.Ovs;

/// <summary>
/// Whether a kernel module is loaded (/sys/module/NAME) or installed for the running kernel
/// (named in /lib/modules/RELEASE/modules.dep), so it would load on first use. The kernel is
/// the same in every network namespace, so this holds for any target.
/// </summary>
public static class KernelModule
{
    /// <summary>Loaded is asked each time (a stat); the installed list is read once per process,
    /// since the OVS source is re-read every few seconds and modules.dep does not change under it.</summary>
    public static bool Available(string name) =>
        Directory.Exists(Path.Combine("/sys/module", name)) || Installed.GetOrAdd(name, n => Available(n, "/sys/module", "/lib/modules", ReadRelease()));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Installed = new(StringComparer.Ordinal);

    internal static bool Available(string name, string sysModule, string libModules, string? release)
    {
        if (Directory.Exists(Path.Combine(sysModule, name))) return true;
        if (release is null) return false;
        var dep = Path.Combine(libModules, release, "modules.dep");
        try
        {
            return File.Exists(dep) && File.ReadLines(dep).Any(l => l.Contains($"/{name}.ko", StringComparison.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    private static string? ReadRelease()
    {
        try { return File.ReadAllText("/proc/sys/kernel/osrelease").Trim(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}
