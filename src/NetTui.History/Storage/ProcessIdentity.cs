using System.Globalization;

namespace NetTui.History.Storage;

/// <summary>
/// Who is writing: recorded with every change-set and lock so that a later process can tell
/// "still running" from "crashed" and an admin can be told who holds the lock.
/// The process start time (from /proc) guards against a recycled pid looking alive.
/// </summary>
public sealed record ProcessIdentity(string Host, int Pid, long StartTicks, int UserId, string UserName, string? SudoUser)
{
    private static readonly Lazy<ProcessIdentity> CurrentLazy = new(ReadCurrent);

    public static ProcessIdentity Current => CurrentLazy.Value;

    private static ProcessIdentity ReadCurrent()
    {
        var pid = Environment.ProcessId;
        var sudo = Environment.GetEnvironmentVariable("SUDO_USER");
        return new ProcessIdentity(
            Environment.MachineName,
            pid,
            ProcessLiveness.StartTicks(pid) ?? 0,
            EffectiveUid(),
            Environment.UserName,
            string.IsNullOrEmpty(sudo) ? null : sudo);
    }

    /// <summary>"alice (uid 1000)" or "root (uid 0, sudo from alice)".</summary>
    public string UserDisplay => SudoUser is null
        ? $"{UserName} (uid {UserId})"
        : $"{UserName} (uid {UserId}, sudo from {SudoUser})";

    // No managed API for the uid; /proc/self/status avoids P/Invoke. Line: "Uid: real effective saved fs".
    private static int EffectiveUid()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (!line.StartsWith("Uid:", StringComparison.Ordinal)) continue;
                var parts = line[4..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                return int.Parse(parts.Length > 1 ? parts[1] : parts[0], CultureInfo.InvariantCulture);
            }
        }
        catch (IOException) { }
        return -1;
    }
}

/// <summary>Is the process that wrote a row still running on this host?</summary>
public static class ProcessLiveness
{
    /// <summary>Field 22 of /proc/PID/stat: start time in clock ticks since boot; null if no such process.</summary>
    public static long? StartTicks(int pid)
    {
        var fields = StatFields(pid);
        return fields is { Length: > 19 } && long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var t)
            ? t : null;
    }

    /// <summary>
    /// True when the pid exists, is not a zombie (a SIGKILLed child not yet reaped still has a
    /// /proc entry) and, when known, started at the recorded time (so a recycled pid is not alive).
    /// </summary>
    public static bool IsAlive(int pid, long recordedStartTicks)
    {
        var fields = StatFields(pid);
        if (fields is null || fields.Length <= 19) return false;
        if (fields[0] is "Z" or "X" or "x") return false;
        if (recordedStartTicks == 0) return true;
        return long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t == recordedStartTicks;
    }

    // The command name (field 2) is in parentheses and may contain spaces: split after the last ')'.
    // Index 0 of the result is field 3 (state).
    private static string[]? StatFields(int pid)
    {
        if (pid <= 0) return null;
        string text;
        try { text = File.ReadAllText($"/proc/{pid}/stat"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        var close = text.LastIndexOf(')');
        return close < 0 ? null : text[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
