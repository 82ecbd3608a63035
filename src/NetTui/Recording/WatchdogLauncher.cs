using System.Diagnostics;
using System.Globalization;

namespace NetTui.Recording;

/// <summary>
/// Starts `nettui watchdog --change-set ID --history DB ...` detached from this process and
/// its terminal (docs/commit-confirmed.md): through /usr/bin/setsid, so it runs in a session of
/// its own and neither the SIGHUP of a dropped SSH connection nor `tmux kill-session` reaches
/// it; argv only, no shell. Its stdin is closed and its stdout/stderr lead nowhere (it reports
/// through the journal and the log), so it holds nothing of the terminal open.
/// </summary>
public static class WatchdogLauncher
{
    public const string Setsid = "/usr/bin/setsid";

    /// <summary>Starts the watchdog and returns its pid.</summary>
    public static int Start(string historyPath, long changeSetId, IEnumerable<string> forwardedOptions) =>
        Start(historyPath, changeSetId, forwardedOptions, null);

    /// <summary>
    /// The same with <paramref name="self"/> as the nettui to run (null: this program) and
    /// <paramref name="environment"/> added: for a caller that is not nettui itself, e.g. a lab
    /// test driving the TUI's change path in its own process.
    /// </summary>
    public static int Start(string historyPath, long changeSetId, IEnumerable<string> forwardedOptions,
        IReadOnlyList<string>? self, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(Setsid)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        foreach (var a in self ?? SelfCommand()) psi.ArgumentList.Add(a);
        psi.ArgumentList.Add("watchdog");
        psi.ArgumentList.Add("--change-set");
        psi.ArgumentList.Add(changeSetId.ToString(CultureInfo.InvariantCulture));
        psi.ArgumentList.Add("--history");
        psi.ArgumentList.Add(historyPath);
        foreach (var a in forwardedOptions) psi.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        // The rollback must not stop where the change under test was told to.
        psi.Environment.Remove(TestHooks.PauseAfterStepVariable);
        psi.Environment.Remove(TestHooks.ResumeFileVariable);

        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {Setsid}");
        p.StandardInput.Close();
        p.StandardOutput.Close();
        p.StandardError.Close();
        // setsid execs the program in place (this child is no process-group leader), so this is the watchdog's pid.
        return p.Id;
    }

    /// <summary>How to run this same nettui again: the native binary (or apphost) itself, or `dotnet nettui.dll` under the JIT.</summary>
    internal static IReadOnlyList<string> SelfCommand()
    {
        var exe = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell which program is running");
        if (Path.GetFileNameWithoutExtension(exe) == "dotnet")
            return [exe, Path.Combine(AppContext.BaseDirectory, "nettui.dll")];
        return [exe];
    }
}
