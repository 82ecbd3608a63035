using System.Globalization;

namespace NetTui.Host.Commands;

/// <summary>
/// Whether this process may change the network: root, or CAP_NET_ADMIN in its effective set.
/// Asked before a change starts, so a user without it gets one line instead of a command
/// failing inside `ip` and a failed change-set in the journal.
/// </summary>
public static class ChangePrivilege
{
    private const int CapNetAdmin = 12;

    /// <summary>Null when changes may run; else the one line that says why not.</summary>
    public static string? Missing() => Missing(Environment.IsPrivilegedProcess, ReadEffectiveCapabilities());

    /// <summary>The same rule over given facts (tests).</summary>
    public static string? Missing(bool isRoot, ulong? effectiveCapabilities) =>
        isRoot || (effectiveCapabilities is { } caps && (caps & (1UL << CapNetAdmin)) != 0)
            ? null
            : "changing the network needs root (or CAP_NET_ADMIN): run it with sudo, or add --dry-run to see the plan";

    private static ulong? ReadEffectiveCapabilities()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("CapEff:", StringComparison.Ordinal)
                    && ulong.TryParse(line.AsSpan(7).Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var caps))
                    return caps;
        }
        catch (IOException) { /* no /proc: assume none */ }
        return null;
    }
}
