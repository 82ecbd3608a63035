using NetTui.Core.Commands;
using NetTui.Core.Doctor;
using NetTui.Host.Doctor;

namespace NetTui.Tui;

/// <summary>What running one fix from the panel gave: the lines to show and the findings of the re-check.</summary>
public sealed record DoctorFixReport(IReadOnlyList<string> Lines, IReadOnlyList<Finding> After);

/// <summary>
/// What the Doctor panel needs from the host: a diagnosis and a fix with re-check. The real
/// one wraps <see cref="DoctorService"/>; UI tests give a scripted one.
/// </summary>
public interface IDoctorBackend
{
    NetworkTarget Target { get; }
    string? Explanation(string id);
    Task<IReadOnlyList<Finding>> DiagnoseAsync(CancellationToken ct = default);
    Task<DoctorFixReport> FixAsync(Finding finding, IReadOnlyDictionary<string, string> inputs, CancellationToken ct = default);
}

/// <summary>
/// The Doctor panel over the real <see cref="DoctorService"/>. <paramref name="journal"/> gives
/// each fix its journal observer, or the line saying why the journal cannot be used: then the
/// fix is refused and nothing runs (as `nettui doctor --fix` does). Null: fixes are not journaled (UI tests).
/// </summary>
public sealed class ServiceDoctorBackend(DoctorService service, NetworkTarget target, ExplanationLibrary? explanations = null,
    Func<(IFixObserver? Observer, string? Problem)>? journal = null) : IDoctorBackend
{
    private readonly ExplanationLibrary _explanations = explanations ?? ExplanationLibrary.Default;

    public NetworkTarget Target => target;

    public string? Explanation(string id) => _explanations.Get(id);

    public async Task<IReadOnlyList<Finding>> DiagnoseAsync(CancellationToken ct = default) =>
        (await service.DiagnoseAsync(ct).ConfigureAwait(false)).Findings;

    public async Task<DoctorFixReport> FixAsync(Finding finding, IReadOnlyDictionary<string, string> inputs, CancellationToken ct = default)
    {
        var (observer, problem) = journal?.Invoke() ?? (null, null);
        if (problem is not null)
            return new DoctorFixReport([$"Fix {finding.Id}: refused, nothing was changed", "", problem], (await service.DiagnoseAsync(ct).ConfigureAwait(false)).Findings);
        var r = await service.FixAsync(finding, inputs, observer, ct).ConfigureAwait(false);
        var lines = new List<string> { $"Fix {finding.Id}: {r.Plan.Summary}", "" };
        lines.AddRange(r.Outcome.Steps.Select(s => $"{(s.Succeeded ? "ok  " : "FAIL")} {s.Command}{(s.Error is null ? "" : "  " + s.Error)}"));
        lines.AddRange(r.Outcome.Undone.Select(u => $"{(u.Succeeded ? "undone" : "UNDO FAILED")} {u.Command}"));
        lines.Add("");
        lines.Add(r.Resolved ? $"Re-check: {finding.Id} is resolved." : r.Outcome.Succeeded ? $"Re-check: {finding.Id} is still found." : $"The fix failed: {r.Outcome.Error}");
        return new DoctorFixReport(lines, r.After.Findings);
    }
}
