using NetTui.Core.Model;
using NetTui.Lab;

namespace NetTui.LabTests;

/// <summary>
/// Runs the built `nettui` CLI as a user would (a separate process), so the tests check
/// the real program: argument parsing, the JSON it prints, its exit code. nettui.dll is
/// copied next to the tests (LabTests references src/NetTui); NETTUI_DLL overrides it.
/// </summary>
public static class NettuiCli
{
    public static string DllPath =>
        Environment.GetEnvironmentVariable("NETTUI_DLL") is { Length: > 0 } p ? p : Path.Combine(AppContext.BaseDirectory, "nettui.dll");

    /// <summary>`dotnet nettui.dll ARGS` with <paramref name="environment"/> added; the log goes to <paramref name="logDir"/>.</summary>
    public static Task<ExecResult> RunAsync(string logDir, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var env = new Dictionary<string, string>(environment)
        {
            // Never log to /var/log from tests; keep the log with the lab host's state (removed with it).
            ["NETTUI_LOG"] = Path.Combine(logDir, "nettui.log"),
        };
        return LabExec.RunAsync(["dotnet", DllPath, .. args], env, TimeSpan.FromSeconds(60));
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
