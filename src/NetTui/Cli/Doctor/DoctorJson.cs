using System.Collections.Immutable;
using NetTui.Core.Commands;
using NetTui.Core.Doctor;
using NetTui.Core.Doctor.Facts;
using NetTui.Core.Model;
using NetTui.Host.Doctor;

namespace NetTui.Cli.Doctor;

/// <summary>
/// The JSON of `nettui doctor --json`: findings with their explanation and fix (commands as
/// text), and the gathered facts except the snapshot (that is `nettui show --json`).
/// </summary>
public static class DoctorJson
{
    public sealed record FixDto(string Summary, bool Undoable, ImmutableArray<FixInput> Inputs, ImmutableArray<string> Commands, ImmutableArray<string?> UndoCommands, string? Note);

    public sealed record FindingDto(string Id, string Check, Severity Severity, string Title, ImmutableArray<string> Evidence, string? Subject, string? Explanation, FixDto? Fix);

    public sealed record FactsDto(OvsFacts? Ovs, SystemdFacts Systemd, ImmutableArray<string> BootScripts, DockerConfigFacts? Docker, ImmutableArray<SourceStatus> Sources);

    public sealed record ReportDto(bool Healthy, ImmutableArray<FindingDto> Findings, FactsDto Facts);

    public sealed record FixResultDto(string Id, bool Resolved, bool Succeeded, string? Error, FixDto Plan, ImmutableArray<FixStepOutcomeDto> Steps, ImmutableArray<FixStepOutcomeDto> Undone, ReportDto After);

    public sealed record FixStepOutcomeDto(string Description, string Command, bool Succeeded, string? Error);

    public static string Report(DoctorReport report, ExplanationLibrary explanations) =>
        Json.CliJson.Document(ToDto(report, explanations));

    public static string Fix(FixResult result, ExplanationLibrary explanations) =>
        Json.CliJson.Document(new FixResultDto(result.Finding.Id, result.Resolved, result.Outcome.Succeeded, result.Outcome.Error,
            ToDto(result.Plan), [.. result.Outcome.Steps.Select(ToDto)], [.. result.Outcome.Undone.Select(ToDto)], ToDto(result.After, explanations)));

    public static ReportDto ToDto(DoctorReport report, ExplanationLibrary explanations) => new(
        report.Healthy,
        [.. report.Findings.Select(f => new FindingDto(f.Id, f.Check, f.Severity, f.Title, f.Evidence, f.Subject, explanations.Get(f.ExplanationKey), f.Fix is null ? null : ToDto(f.Fix)))],
        new FactsDto(report.Facts.Ovs, report.Facts.Systemd, [.. report.Facts.BootScripts.Select(b => b.Path)], report.Facts.Docker, report.Facts.Snapshot.Sources));

    /// <summary>A fix that is a change lists its operations (described) where commands go; `nettui undo` takes them back.</summary>
    public static FixDto ToDto(FixPlan plan) => new(plan.Summary, plan.Undoable, plan.Inputs,
        [.. plan.Operations.Select(o => o.Describe()), .. plan.Steps.Select(s => s.Do.Display)],
        [.. plan.Operations.Select(_ => (string?)null), .. plan.Steps.Select(s => s.Undo?.Display)], plan.Note);

    private static FixStepOutcomeDto ToDto(FixStepOutcome o) => new(o.Description, o.Command, o.Succeeded, o.Error);
}
