using System.Text.RegularExpressions;
using NetTui.Core.Commands;

namespace NetTui.Host.Changes;

/// <summary>
/// ovs-vsctl commits a transaction to OVSDB, waits for ovs-vswitchd to apply it and exits 0
/// even when ovs-vswitchd could not build what the row asks for (a bridge on a datapath this
/// kernel lacks, a port whose device does not exist); it only says so on stderr: "Error
/// detected while setting up 'obr0'. See ovs-vswitchd log for details." That is a failed step:
/// the message is ovs-vsctl's, completed with ovs-vswitchd's own log lines about the object
/// (ovs-vsctl names the log directory), so the admin reads the daemon's reason, not "see the log".
/// </summary>
public static partial class OvsApplyFailure
{
    private const int LogTailBytes = 64 * 1024;

    /// <summary>The failure ovs-vsctl reported for an exit-0 run, with the daemon's reason; null when there is none.</summary>
    public static string? Of(CommandResult r)
    {
        if (!r.Succeeded || Path.GetFileName(r.Spec.Program) != "ovs-vsctl") return null;
        var m = SetupError().Match(r.StandardError);
        if (!m.Success) return null;
        var name = m.Groups["name"].Value;
        var detail = m.Groups["detail"].Value.Trim().TrimEnd('.');
        var daemon = LogDirectory().Match(r.StandardError) is { Success: true } dir ? LogsIn(dir.Groups["dir"].Value).Select(l => DaemonReason(l, name)).FirstOrDefault(x => x is not null) : null;
        var why = daemon ?? (detail.Length > 0 ? detail : "see the ovs-vswitchd log");
        return $"ovs-vswitchd could not set up {name}: {why}";
    }

    /// <summary>ovs-vswitchd's log in the directory ovs-vsctl named: the packaged name first, then any other it was started with.</summary>
    private static IEnumerable<string> LogsIn(string dir)
    {
        var standard = Path.Combine(dir, "ovs-vswitchd.log");
        if (File.Exists(standard)) yield return standard;
        IEnumerable<string> others;
        try { others = Directory.EnumerateFiles(dir, "ovs-vswitchd*log").Where(f => f != standard).OrderByDescending(File.GetLastWriteTimeUtc).ToList(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { others = []; }
        foreach (var f in others) yield return f;
    }

    /// <summary>The newest ERR/WARN line of ovs-vswitchd's log that names <paramref name="name"/>, without its timestamp prefix.</summary>
    internal static string? DaemonReason(string logPath, string name)
    {
        try
        {
            using var f = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (f.Length > LogTailBytes) f.Seek(-LogTailBytes, SeekOrigin.End);
            using var reader = new StreamReader(f);
            var lines = reader.ReadToEnd().Split('\n');
            for (var i = lines.Length - 1; i >= 0; i--)
            {
                // 2026-12-07T03:08:27.857Z|00012|bridge|ERR|failed to create bridge obr0: No such file or directory
                var parts = lines[i].Split('|', 5);
                if (parts.Length == 5 && parts[3] is "ERR" or "WARN" && parts[4].Contains(name, StringComparison.Ordinal))
                    return parts[4].Trim();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return null;
    }

    [GeneratedRegex(@"Error detected while setting up '(?<name>[^']+)'(?::(?<detail>[^\n]*?))?\.?\s+See ovs-vswitchd log")]
    private static partial Regex SetupError();

    [GeneratedRegex(@"The default log directory is ""(?<dir>[^""]+)""")]
    private static partial Regex LogDirectory();
}
