using NetTui.Core.Model;
using NetTui.Lab;

namespace NetTui.LabTests;

/// <summary>
/// Runs `nettui` as a user would (a separate process), so the tests check the real program:
/// argument parsing, the JSON it prints, its exit code. That program is the native binary
/// (NETTUI_BIN; tests/run.sh publishes it with packaging/publish-native.sh), so a missing JSON
/// context or a trimmed member fails here as it would on a server. Without NETTUI_BIN a
/// developer's run falls back to `dotnet nettui.dll` (copied next to the tests; NETTUI_DLL
/// overrides it), except under CI=true, where only the native binary will do.
/// </summary>
public static class NettuiCli
{
    public static string DllPath =>
        System.Environment.GetEnvironmentVariable("NETTUI_DLL") is { Length: > 0 } p ? p : Path.Combine(AppContext.BaseDirectory, "nettui.dll");

    /// <summary>The native binary under test, or null on a developer's JIT fallback.</summary>
    public static string? NativePath { get; } = ResolveNative();

    /// <summary>The words that start nettui: the native binary, or `dotnet nettui.dll`.</summary>
    public static IReadOnlyList<string> Command => NativePath is { } bin ? [bin] : ["dotnet", DllPath];

    private static string? ResolveNative()
    {
        if (System.Environment.GetEnvironmentVariable("NETTUI_BIN") is { Length: > 0 } bin)
            return File.Exists(bin) ? Path.GetFullPath(bin)
                : throw new InvalidOperationException($"NETTUI_BIN={bin} does not exist: build it with packaging/publish-native.sh (tests/run.sh does)");
        if (string.Equals(System.Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("CI=true but NETTUI_BIN is not set: the lab tests must drive the native binary (tests/run.sh builds it)");
        return null;
    }

    /// <summary>`nettui ARGS` with <paramref name="environment"/> added; the log goes to <paramref name="logDir"/>.</summary>
    public static Task<ExecResult> RunAsync(string logDir, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        LabExec.RunAsync([.. Command, .. args], Environment(logDir, environment), TimeSpan.FromSeconds(60));

    /// <summary>The environment <see cref="RunAsync"/> gives nettui (for tests that start it themselves, e.g. in tmux).</summary>
    public static Dictionary<string, string> Environment(string logDir, IReadOnlyDictionary<string, string> environment)
    {
        // Unless a test says otherwise, nettui must not reach the machine's own daemons (a
        // real dockerd, OVS or system bus would leak into the snapshot): point each default
        // at a socket that does not exist. Never log to /var/log from tests either.
        var absent = Path.Combine(logDir, "absent");
        var env = new Dictionary<string, string>
        {
            ["NETTUI_LOG"] = Path.Combine(logDir, "nettui.log"),
            ["DOCKER_HOST"] = "unix://" + Path.Combine(absent, "docker.sock"),
            ["OVS_RUNDIR"] = absent,
            ["DBUS_SYSTEM_BUS_ADDRESS"] = "unix:path=" + Path.Combine(absent, "bus.sock"),
            // Changes are journaled: keep the history of a test in its own dir, never /var/lib/nettui.
            ["NETTUI_HISTORY"] = Path.Combine(logDir, "history.db"),
            // Nor find this machine's /etc/network/interfaces and write beside it: a root with no files.
            ["NETTUI_CONFIG_ROOT"] = Path.Combine(absent, "config-root"),
        };
        foreach (var (k, v) in environment) env[k] = v;
        return env;
    }

    /// <summary>`nettui show all --json --netns NS` against a foundation-like host's daemons.</summary>
    public static Task<ExecResult> ShowAsync(LabHost host, string? ovsDb, string dockerHost, bool json, params string[] extra)
    {
        List<string> args = ["show", "all", "--netns", host.Name];
        if (json) args.Add("--json");
        if (ovsDb is not null) args.AddRange(["--ovs-db", ovsDb]);
        args.AddRange(extra);
        return RunAsync(host.StateDir, new Dictionary<string, string> { ["DOCKER_HOST"] = dockerHost }, [.. args]);
    }

    public static HostSnapshot ParseSnapshot(ExecResult r)
    {
        Assert.True(r.ExitCode == 0, $"nettui exited {r.ExitCode}: {r.StandardError}");
        var snapshot = SnapshotJson.Deserialize<HostSnapshot>(r.StandardOutput);
        Assert.NotNull(snapshot);
        return snapshot;
    }
}
