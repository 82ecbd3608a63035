using NetTui.Core.Commands;
using NetTui.Core.Doctor;
using NetTui.Host.Doctor;

namespace NetTui.Cli.Doctor;

/// <summary>The findings as text for a terminal: worst first, each with its evidence, why it matters and how to fix it.</summary>
public static class DoctorText
{
    public static IEnumerable<string> Report(DoctorReport report, ExplanationLibrary explanations, NetworkTarget target)
    {
        var problems = report.Findings.Count(f => f.IsProblem);
        var notes = report.Findings.Length - problems;
        var where = target.IsCurrent ? "" : $" in network namespace {target.Namespace}";
        yield return problems == 0
            ? $"Doctor: no problems found{where}{(notes > 0 ? $" ({notes} note{(notes == 1 ? "" : "s")})" : "")}."
            : $"Doctor: {problems} problem{(problems == 1 ? "" : "s")}{(notes > 0 ? $" and {notes} note{(notes == 1 ? "" : "s")}" : "")}{where}.";
        foreach (var f in report.Findings)
        {
            yield return "";
            foreach (var line in Finding(f, explanations)) yield return line;
        }
    }

    public static IEnumerable<string> Finding(Finding f, ExplanationLibrary explanations)
    {
        yield return $"{Label(f.Severity),-7}{f.Id}";
        yield return $"       {f.Title}";
        foreach (var e in f.Evidence) yield return $"       - {e}";
        if (explanations.Summary(f.ExplanationKey) is { } why) yield return $"       Why: {why}";
        yield return f.Fix is null
            ? "       Fix: no automatic fix (see the explanation)"
            : $"       Fix: nettui doctor --fix {f.Id}{string.Concat(f.Fix.Inputs.Select(i => $" --set {i.Name}=..."))}    # {f.Fix.Summary}";
    }

    public static string Label(Severity s) => s switch
    {
        Severity.Error => "ERROR",
        Severity.Warning => "WARN",
        _ => "INFO",
    };
}
