using NetTui.Files;
using NetTui.Core.Plans;

namespace NetTui.Cli.Verbs;

/// <summary>Plan files on disk: read (strict), write, and the teardown file kept next to an applied plan.</summary>
public static class PlanFiles
{
    /// <summary>Where the plan that takes PLAN back is kept: PLAN.teardown.json, next to it.</summary>
    public static string TeardownPath(string plan) =>
        plan.EndsWith(".teardown.json", StringComparison.Ordinal) ? plan : plan + ".teardown.json";

    /// <summary>Written 0600 through the one safe writer: plans can hold tunnel keys, and a teardown is run as root.</summary>
    public static Task SaveAsync(string path, PlanFile plan, CancellationToken ct) =>
        SafeFileWriter.WriteAsync(path, PlanFileJson.Write(plan), ct);

    /// <summary>The parsed plan, or errors prefixed with the file name ("plan.json: line 3, column 7: ..."); a file others could write is refused.</summary>
    public static async Task<(PlanFile? Plan, IReadOnlyList<string> Errors)> ReadAsync(string path, CancellationToken ct)
    {
        string text;
        // A plan is run as root: read it only when no one but root or this user could have written it.
        try { text = path == "-" ? await Console.In.ReadToEndAsync(ct).ConfigureAwait(false) : await TrustedFile.ReadAllTextAsync(path, ct).ConfigureAwait(false); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [e is UnsafeFileException ? e.Message : $"{path}: {e.Message}"]);
        }
        var parsed = PlanFileJson.Read(text);
        return parsed.Ok ? (parsed.Plan, []) : (null, [.. parsed.Errors.Select(e => $"{path}: {e}")]);
    }
}
