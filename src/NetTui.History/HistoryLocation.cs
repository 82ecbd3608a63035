namespace NetTui.History;

/// <summary>
/// Where the journal lives. One order everywhere (TUI, CLI, watchdog) so every process of
/// one admin finds the same file: <c>--history PATH</c>, then <c>NETTUI_HISTORY</c>, then the
/// per-host default for root (/var/lib/nettui) or the per-user XDG state directory.
/// </summary>
public static class HistoryLocation
{
    public const string EnvironmentVariable = "NETTUI_HISTORY";
    public const string SystemDefault = "/var/lib/nettui/history.db";

    public static string Resolve(string? cliPath) => Resolve(
        cliPath,
        Environment.GetEnvironmentVariable,
        Environment.IsPrivilegedProcess,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The same rules with the process environment passed in, so they can be tested.</summary>
    public static string Resolve(string? cliPath, Func<string, string?> environment, bool isRoot, string home)
    {
        if (!string.IsNullOrWhiteSpace(cliPath)) return Path.GetFullPath(cliPath);

        var fromEnv = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv)) return Path.GetFullPath(fromEnv);

        // Root changes the host for everyone, so its history is per host, not per login.
        if (isRoot) return SystemDefault;

        // XDG: a relative XDG_STATE_HOME is invalid and must be ignored.
        var state = environment("XDG_STATE_HOME");
        var stateDir = !string.IsNullOrWhiteSpace(state) && Path.IsPathRooted(state)
            ? state
            : Path.Combine(home, ".local", "state");
        return Path.Combine(stateDir, "nettui", "history.db");
    }
}
