using System.Collections.Immutable;

namespace NetTui.Core.Doctor;

/// <summary>
/// One problem the Doctor found. <see cref="Check"/> names the kind of problem and is the
/// key of its explanation (assets/doctor/CHECK.md); <see cref="Id"/> also names the object
/// (a port, a bridge) when one check can find several, so `--fix ID` picks exactly one.
/// <see cref="Evidence"/> is what was observed, verbatim where possible (error messages,
/// paths, pids), so the admin can verify the diagnosis without trusting it.
/// </summary>
public sealed record Finding(
    string Check,
    Severity Severity,
    string Title,
    ImmutableArray<string> Evidence,
    FixPlan? Fix = null,
    string? Subject = null)
{
    public string Id => Subject is null ? Check : $"{Check}:{Subject}";

    /// <summary>The explanation file's key (one per check, shared by all its subjects).</summary>
    public string ExplanationKey => Check;

    /// <summary>True for findings that keep the host from being called healthy.</summary>
    public bool IsProblem => Severity >= Severity.Warning;
}
