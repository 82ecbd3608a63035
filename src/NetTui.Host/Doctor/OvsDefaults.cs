using System.Text.RegularExpressions;

namespace NetTui.Host.Doctor;

/// <summary>
/// The paths compiled into the installed OVS binaries, read from their --help (which
/// already reflects OVS_RUNDIR and friends): ovs-vsctl prints its default database socket,
/// ovsdb-server its default database file and pid file. Asking the binaries is the only
/// reliable way to tell a package's /var/run/openvswitch from a source build's
/// /usr/local/var/run/openvswitch.
/// </summary>
public static partial class OvsDefaults
{
    [GeneratedRegex(@"--db=DATABASE.*?\(default:\s*unix:(?<path>[^)\s]+)\)", RegexOptions.Singleline)]
    private static partial Regex VsctlDb();

    [GeneratedRegex(@"default DATABASE, if none is given, is\s+(?<path>\S+)")]
    private static partial Regex ServerDb();

    [GeneratedRegex(@"--pidfile\[=FILE\]\s+create pidfile \(default:\s*(?<path>[^)\s]+)\)")]
    private static partial Regex PidFile();

    [GeneratedRegex(@"--log-file\[=FILE\].*?\(default:\s*(?<path>[^)\s]+)\)", RegexOptions.Singleline)]
    private static partial Regex LogFile();

    public static string? VsctlSocket(string help) => Group(VsctlDb().Match(help));
    public static string? ServerDatabase(string help) => Group(ServerDb().Match(help));
    public static string? ServerPidFile(string help) => Group(PidFile().Match(help));
    public static string? ServerLogFile(string help) => Group(LogFile().Match(help));

    private static string? Group(Match m) => m.Success ? m.Groups["path"].Value : null;
}
