using System.Collections.Immutable;
using NetTui.Core.Commands;
using NetTui.Core.Doctor;

namespace NetTui.Presentation.Doctor;

/// <summary>One line of the Doctor view's list.</summary>
public sealed record DoctorRow(string Id, string Severity, string Title, string FixState);

/// <summary>What the Doctor view shows: a header, the list of findings and, for the selected one, its detail text.</summary>
public sealed record DoctorScreen(string Header, ImmutableArray<DoctorRow> Rows);

/// <summary>
/// Turns findings into what the Doctor view draws, as a pure function (the view only lays
/// it out), so the text can be tested without a terminal. Explanations come in through a
/// lookup by id, not from here.
/// </summary>
public static class DoctorPresenter
{
    public const string Healthy = "No problems found.";

    public static DoctorScreen Screen(IReadOnlyList<Finding> findings, NetworkTarget target)
    {
        var problems = findings.Count(f => f.IsProblem);
        var where = target.IsCurrent ? "" : $" (network namespace {target.Namespace})";
        var header = problems == 0 ? Healthy + where : $"{problems} problem{(problems == 1 ? "" : "s")} found{where}. Select one to see why and how to fix it.";
        return new DoctorScreen(header, [.. findings.Select(Row)]);
    }

    public static DoctorRow Row(Finding f) => new(
        f.Id,
        f.Severity switch { Severity.Error => "ERROR", Severity.Warning => "WARN", _ => "INFO" },
        f.Title,
        f.Fix is null ? "manual" : f.Fix.NeedsInput ? "fix (asks " + string.Join(", ", f.Fix.Inputs.Select(i => i.Name)) + ")" : "fix");

    /// <summary>The detail pane: title, evidence, explanation (without its heading), and the fix's exact commands.</summary>
    public static ImmutableArray<string> Detail(Finding f, Func<string, string?> explanation, NetworkTarget target)
    {
        var lines = ImmutableArray.CreateBuilder<string>();
        lines.Add(f.Title);
        lines.Add("");
        lines.Add("What was seen:");
        foreach (var e in f.Evidence) lines.Add("  " + e);
        if (explanation(f.ExplanationKey) is { } text)
        {
            lines.Add("");
            lines.Add("Why:");
            foreach (var l in text.Replace("\r", "").Split('\n').SkipWhile(l => l.StartsWith('#') || l.Length == 0))
                lines.Add(l.Length == 0 ? "" : "  " + l);
        }
        lines.Add("");
        if (f.Fix is null)
        {
            lines.Add("Fix: no automatic fix.");
        }
        else
        {
            lines.Add("Fix (press F to apply):");
            foreach (var p in f.Fix.Preview(target)) lines.Add("  " + p);
            foreach (var input in f.Fix.Inputs) lines.Add($"  asks for {input.Name}: {input.Prompt}");
        }
        return lines.ToImmutable();
    }
}
