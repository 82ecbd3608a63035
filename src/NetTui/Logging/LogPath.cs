namespace NetTui.Logging;

/// <summary>
/// Where the log file goes: --log-file, else NETTUI_LOG, else /var/log/nettui/nettui.log
/// for root, else $XDG_STATE_HOME/nettui/nettui.log (~/.local/state/nettui/nettui.log).
/// </summary>
public static class LogPath
{
    public const string FileName = "nettui.log";

    public static string? Resolve(string? option, string? nettuiLogEnv, bool isRoot, string? xdgStateHome, string? home)
    {
        if (!string.IsNullOrWhiteSpace(option)) return option;
        if (!string.IsNullOrWhiteSpace(nettuiLogEnv)) return nettuiLogEnv;
        if (isRoot) return Path.Combine("/var/log/nettui", FileName);
        if (!string.IsNullOrWhiteSpace(xdgStateHome)) return Path.Combine(xdgStateHome, "nettui", FileName);
        if (!string.IsNullOrWhiteSpace(home)) return Path.Combine(home, ".local", "state", "nettui", FileName);
        return null;
    }

    public static string? FromEnvironment(string? option) => Resolve(
        option,
        Environment.GetEnvironmentVariable("NETTUI_LOG"),
        Environment.IsPrivilegedProcess,
        Environment.GetEnvironmentVariable("XDG_STATE_HOME"),
        Environment.GetEnvironmentVariable("HOME"));
}
