using System.Runtime.InteropServices;

namespace NetTui.Lab;

/// <summary>
/// Signals to processes the lab started. Before signalling, the process's command line must
/// mention the lab's state directory: a pid read from a stale pid file may by now belong to
/// somebody else's process, and the lab only ever ends its own.
/// </summary>
public static class LabSignals
{
    public const int SigTerm = 15;
    public const int SigKill = 9;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int sig);

    public static bool IsAlive(int pid) => pid > 0 && Directory.Exists($"/proc/{pid}") && !IsZombie(pid);

    private static bool IsZombie(int pid)
    {
        try
        {
            // /proc/PID/stat: "pid (comm) S ..."; comm may contain spaces, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var i = stat.LastIndexOf(')');
            return i > 0 && i + 2 < stat.Length && stat[i + 2] == 'Z';
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    /// <summary>The process's argv joined by spaces, or null if it is gone.</summary>
    public static string? CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>True if pid is alive and its command line mentions <paramref name="marker"/>.</summary>
    public static bool Owns(int pid, string marker) =>
        IsAlive(pid) && CommandLine(pid) is { } cmd && cmd.Contains(marker, StringComparison.Ordinal);

    /// <summary>Sends <paramref name="signal"/> if the process is ours (see <see cref="Owns"/>).</summary>
    public static bool SignalIfOwned(int pid, string marker, int signal) =>
        Owns(pid, marker) && Kill(pid, signal) == 0;

    /// <summary>SIGTERM, wait up to <paramref name="grace"/>, then SIGKILL; only if owned.</summary>
    public static async Task StopOwnedAsync(int pid, string marker, TimeSpan grace)
    {
        if (!SignalIfOwned(pid, marker, SigTerm)) return;
        var deadline = DateTime.UtcNow + grace;
        while (IsAlive(pid) && DateTime.UtcNow < deadline)
            await Task.Delay(50).ConfigureAwait(false);
        if (IsAlive(pid)) SignalIfOwned(pid, marker, SigKill);
        var hard = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (IsAlive(pid) && DateTime.UtcNow < hard)
            await Task.Delay(50).ConfigureAwait(false);
    }

    public static int? ReadPidFile(string path)
    {
        try
        {
            return int.TryParse(File.ReadAllText(path).Trim(), out var pid) ? pid : null;
        }
        catch (IOException) { return null; }
    }
}
