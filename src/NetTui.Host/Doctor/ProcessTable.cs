using System.Collections.Immutable;

namespace NetTui.Host.Doctor;

/// <summary>A process as /proc shows it: its name, argv, environment and network namespace.</summary>
public sealed record ProcessInfo(int Pid, string Comm, ImmutableArray<string> CommandLine, string? NetNamespace, ImmutableDictionary<string, string> Environment)
{
    /// <summary>The uid that owns /proc/PID (the process's effective uid); null when it could not be read.</summary>
    public uint? OwnerUid { get; init; }
}

/// <summary>
/// Reads /proc for the OVS daemons. Every read is defensive: a process may end while we
/// read it, and its environment is root's to read only.
/// </summary>
public static class ProcessTable
{
    public static IEnumerable<ProcessInfo> Find(IReadOnlySet<string> comms, string proc = "/proc")
    {
        IEnumerable<string> dirs;
        try { dirs = Directory.EnumerateDirectories(proc); }
        catch (IOException) { yield break; }
        foreach (var dir in dirs)
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            var comm = Read(Path.Combine(dir, "comm"))?.Trim();
            if (comm is null || !comms.Contains(comm)) continue;
            var cmdline = Read(Path.Combine(dir, "cmdline"));
            if (cmdline is null) continue;
            yield return new ProcessInfo(pid, comm,
                [.. cmdline.Split('\0', StringSplitOptions.RemoveEmptyEntries)],
                NetNamespaceOf(pid, proc),
                ParseEnvironment(Read(Path.Combine(dir, "environ"))))
            { OwnerUid = OwnerOf(dir) };
        }
    }

    /// <summary>"net:[4026531840]" for a pid, or null if it cannot be read.</summary>
    public static string? NetNamespaceOf(int pid, string proc = "/proc")
    {
        try { return new FileInfo(Path.Combine(proc, pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "ns", "net")).LinkTarget; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    private static uint? OwnerOf(string path)
    {
        try { return NetTui.Files.FileFacts.OfTarget(path)?.OwnerUid; }
        catch (IOException) { return null; }
    }

    public static bool IsAlive(int pid, string comm, string proc = "/proc") =>
        Read(Path.Combine(proc, pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "comm"))?.Trim() == comm;

    private static ImmutableDictionary<string, string> ParseEnvironment(string? environ)
    {
        var b = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var entry in (environ ?? "").Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = entry.IndexOf('=');
            if (eq > 0) b[entry[..eq]] = entry[(eq + 1)..];
        }
        return b.ToImmutable();
    }

    private static string? Read(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}
