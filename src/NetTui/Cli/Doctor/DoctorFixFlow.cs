using NetTui.Core.Commands;
using NetTui.Core.Doctor;
using NetTui.Host.Doctor;

namespace NetTui.Cli.Doctor;

/// <summary>
/// `nettui doctor --fix ID`: diagnose, find the finding, collect the values the fix needs,
/// show the exact commands (and their undo), get a yes, run, and diagnose again. Exit 2 for
/// what the admin must correct (unknown id, missing value, no terminal to ask and no --yes).
/// </summary>
public sealed class DoctorFixFlow(CliContext ctx, DoctorService service, ExplanationLibrary explanations, NetworkTarget target, NetTui.Composition.HostChanges changes)
{
    /// <summary>What is wrong with the arguments themselves (checked before the host is read), or null.</summary>
    public static string? CheckArguments(string id, string[] sets)
    {
        if (!FindingIds.All.Contains(id.Split(':', 2)[0]))
            return $"unknown finding '{id}'; known checks: {string.Join(", ", FindingIds.All)}";
        return ParseSets(sets) is null ? "--set takes NAME=VALUE" : null;
    }

    public async Task<int> RunAsync(string id, string[] sets, bool yes, bool json, CancellationToken ct)
    {
        if (CheckArguments(id, sets) is { } problem)
            return await FailAsync(problem, NetTuiCli.UsageError).ConfigureAwait(false);
        var inputs = ParseSets(sets)!;
        // A fix is a change like any other: journaled (--history), or refused before anything is read or run when the journal cannot be used.
        var (history, unusable) = changes.OpenJournal();
        if (history is null)
            return await FailAsync(unusable!.Line, DoctorCommand.ProblemsRemain).ConfigureAwait(false);

        var report = await service.DiagnoseAsync(ct).ConfigureAwait(false);
        var finding = report.Find(id);
        if (finding is null)
        {
            await ctx.Output.WriteLineAsync($"{id}: not found now; nothing to fix.").ConfigureAwait(false);
            return report.Healthy ? DoctorCommand.Healthy : DoctorCommand.ProblemsRemain;
        }
        foreach (var line in DoctorText.Finding(finding, explanations))
            await ctx.Output.WriteLineAsync(line).ConfigureAwait(false);
        if (finding.Fix is null)
        {
            await ctx.Output.WriteLineAsync().ConfigureAwait(false);
            await ctx.Output.WriteLineAsync(explanations.Get(finding.ExplanationKey) ?? "").ConfigureAwait(false);
            return DoctorCommand.ProblemsRemain;
        }

        foreach (var input in finding.Fix.Inputs.Where(i => !inputs.ContainsKey(i.Name)))
        {
            if (!ctx.Interactive || yes)
                return await FailAsync($"this fix needs {input.Name} ({input.Prompt}); give it with --set {input.Name}=VALUE", NetTuiCli.UsageError).ConfigureAwait(false);
            await ctx.Output.WriteAsync($"{input.Prompt}\n{input.Name}: ").ConfigureAwait(false);
            inputs[input.Name] = (await ctx.Input.ReadLineAsync(ct).ConfigureAwait(false) ?? "").Trim();
        }

        FixPlan plan;
        try { plan = finding.Fix.Bind(inputs); }
        catch (ArgumentException e) { return await FailAsync(e.Message, NetTuiCli.UsageError).ConfigureAwait(false); }

        await ctx.Output.WriteLineAsync().ConfigureAwait(false);
        foreach (var line in plan.Preview(target)) await ctx.Output.WriteLineAsync(line).ConfigureAwait(false);
        foreach (var s in plan.Steps.Where(s => s.Undo is not null))
            await ctx.Output.WriteLineAsync($"    undo: {s.Undo!.Display}").ConfigureAwait(false);
        if (plan.IsChange)
            await ctx.Output.WriteLineAsync("# one change through the change path (validated, verified, journaled): `nettui undo` takes it back").ConfigureAwait(false);

        // Like every change: without root or CAP_NET_ADMIN, say so before asking, run and journal nothing.
        if (NetTui.Host.Commands.ChangePrivilege.Missing() is { } unprivileged)
            return await FailAsync(unprivileged, NetTuiCli.UsageError).ConfigureAwait(false);

        if (!yes)
        {
            if (!ctx.Interactive)
                return await FailAsync("not applying the fix: no terminal to confirm on; run again with --yes to apply it", NetTuiCli.UsageError).ConfigureAwait(false);
            await ctx.Output.WriteAsync("Apply this fix? [y/N] ").ConfigureAwait(false);
            var answer = (await ctx.Input.ReadLineAsync(ct).ConfigureAwait(false) ?? "").Trim();
            if (!answer.Equals("y", StringComparison.OrdinalIgnoreCase) && !answer.Equals("yes", StringComparison.OrdinalIgnoreCase))
            {
                await ctx.Output.WriteLineAsync("Nothing was changed.").ConfigureAwait(false);
                return DoctorCommand.ProblemsRemain;
            }
        }

        await using var journal = new NetTui.Doctor.JournalFixObserver(history, target);
        var result = await service.FixAsync(finding, inputs, journal, ct).ConfigureAwait(false);
        if ((journal.ChangeSetId ?? (plan.IsChange ? service.Changes?.LastChangeSetId : null)) is { } changeSet)
            await ctx.Output.WriteLineAsync($"Journaled as change-set #{changeSet}.").ConfigureAwait(false);
        if (json)
            await ctx.Output.WriteLineAsync(DoctorJson.Fix(result, explanations)).ConfigureAwait(false);
        else
            foreach (var line in Outcome(result)) await ctx.Output.WriteLineAsync(line).ConfigureAwait(false);
        return result.Resolved && result.After.Healthy ? DoctorCommand.Healthy : DoctorCommand.ProblemsRemain;
    }

    private static IEnumerable<string> Outcome(FixResult result)
    {
        yield return "";
        foreach (var s in result.Outcome.Steps)
            yield return $"{(s.Succeeded ? "ok  " : "FAIL")} {s.Command}{(s.Error is null ? "" : "\n     " + s.Error)}";
        foreach (var u in result.Outcome.Undone)
            yield return $"{(u.Succeeded ? "undone" : "UNDO FAILED")} {u.Command}{(u.Error is null ? "" : ": " + u.Error)}";
        yield return result.Resolved
            ? $"Re-check: {result.Finding.Id} is resolved."
            : result.Outcome.Succeeded ? $"Re-check: {result.Finding.Id} is still found." : $"The fix failed: {result.Outcome.Error}";
        var left = result.After.Findings.Where(f => f.IsProblem).ToList();
        yield return left.Count == 0 ? "No problems remain." : $"Still to look at: {string.Join(", ", left.Select(f => f.Id))} (run nettui doctor)";
    }

    private static Dictionary<string, string>? ParseSets(string[] sets)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in sets)
        {
            var eq = s.IndexOf('=');
            if (eq <= 0) return null;
            d[s[..eq].Trim()] = s[(eq + 1)..].Trim();
        }
        return d;
    }

    private async Task<int> FailAsync(string message, int code)
    {
        await ctx.Error.WriteLineAsync("nettui doctor: " + message).ConfigureAwait(false);
        return code;
    }
}
