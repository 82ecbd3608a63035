using NetTui.Lab;

namespace NetTui.PackageTests;

/// <summary>
/// Runs a program in a private mount namespace where every .NET install of this machine is
/// covered by an empty tmpfs: the SDK's directory (wherever `dotnet` really lives), the
/// usual install places, the per-user ones, DOTNET_ROOT, and the NuGet cache (which holds
/// runtime packs). /usr/bin/dotnet then points into an empty directory. The mounts end with
/// the process, so nothing is left to clean up even if the test is killed.
/// </summary>
public static class NoDotnetShell
{
    /// <summary>The directories to hide: those of the candidates that exist here.</summary>
    public static IReadOnlyList<string> DotnetDirectories()
    {
        List<string?> candidates =
        [
            "/usr/share/dotnet", "/usr/lib/dotnet", "/opt/dotnet", "/usr/local/share/dotnet", "/etc/dotnet",
            "/root/.dotnet", "/root/.nuget",
            Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } home ? Path.Combine(home, ".dotnet") : null,
            Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } h ? Path.Combine(h, ".nuget") : null,
            Environment.GetEnvironmentVariable("DOTNET_ROOT"),
            Environment.GetEnvironmentVariable("NUGET_PACKAGES"),
            RealDotnetDirectory(),
        ];
        return [.. candidates.OfType<string>().Select(Path.GetFullPath).Where(Directory.Exists).Distinct()];
    }

    /// <summary>The directory of the dotnet executable found on PATH, symlinks resolved.</summary>
    public static string? RealDotnetDirectory()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "dotnet");
            if (!File.Exists(candidate)) continue;
            var target = new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate;
            return Path.GetDirectoryName(target);
        }
        return null;
    }

    /// <summary>Runs <paramref name="argv"/> with .NET hidden; a clean environment (no DOTNET_*) plus <paramref name="environment"/>.</summary>
    public static Task<ExecResult> RunAsync(IReadOnlyList<string> hidden, IReadOnlyList<string> argv, IReadOnlyDictionary<string, string>? environment = null)
    {
        var env = new List<string> { "PATH=" + DebianRoot.StandardPath, "LC_ALL=C", "NETTUI_HIDE=" + string.Join(':', hidden) };
        if (environment is not null) env.AddRange(environment.Select(kv => $"{kv.Key}={kv.Value}"));
        const string script = "IFS=:; for d in $NETTUI_HIDE; do mount -t tmpfs -o size=1m,mode=755 nettui-no-dotnet \"$d\" || exit 99; done; unset IFS NETTUI_HIDE; exec \"$@\"";
        return LabExec.RunAsync(["env", "-i", .. env, "unshare", "--mount", "--propagation", "private", "--", "sh", "-c", script, "sh", .. argv], null, TimeSpan.FromSeconds(60));
    }
}
