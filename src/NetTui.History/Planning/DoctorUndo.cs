using System.Text.Json;
using NetTui.History.Journaling;

namespace NetTui.History.Planning;

/// <summary>
/// What undo, redo and rollback do with a Doctor fix (journal steps of kind
/// <see cref="StepKind"/>, written by the app's JournalFixObserver; parameters: argv,
/// environment, inTargetNamespace, and for a step undo must not take back, keptOnUndo + byHand).
///
/// The decision: a Doctor fix repaired a broken host, and the admin's later changes rely on it.
/// So a fix is undone only when every one of its steps either recorded its own undo command
/// (run, newest first, as for any change) or needs none (mkdir -p, removing a stale socket,
/// ovs-vsctl init: left as they are). A fix with a step marked kept-on-undo (starting
/// ovsdb-server, ovs-vswitchd, enabling a unit) is not undone at all, never half: undo refuses
/// it by name and says how to do it by hand; rollback skips it and says so.
/// </summary>
public static class DoctorUndo
{
    public const string StepKind = "doctor.command";

    public static bool IsDoctorStep(string kind) => kind == StepKind;

    /// <summary>True when every step of <paramref name="detail"/> is a Doctor command (a fix, or the undo/redo of one).</summary>
    public static bool IsDoctorFix(ChangeSetDetail detail) => !detail.Steps.IsEmpty && detail.Steps.All(s => IsDoctorStep(s.Kind));

    /// <summary>
    /// Null when the fix may be undone; else the sentence for the admin:
    /// "Doctor fix #N: starting ovsdb-server is not undone; stop it by hand if wanted (ovs-appctl ...)".
    /// </summary>
    public static string? NotUndone(ChangeSetDetail detail)
    {
        if (!IsDoctorFix(detail)) return null;
        var kept = detail.Steps
            .Where(s => s.Status == StepStatus.Applied && s.InverseKind is null)
            .Select(s => (Step: s, Kept: Read(s.ParametersJson)))
            .Where(k => k.Kept.What is not null)
            .ToList();
        if (kept.Count == 0) return null;
        var parts = kept.Select(k => $"{k.Kept.What} is not undone; {StopHint(k.Kept.What!)} by hand if wanted{(k.Kept.ByHand is { } cmd ? $" ({cmd})" : "")}");
        return $"Doctor fix #{detail.ChangeSet.Id}: {string.Join("; ", parts)}";
    }

    /// <summary>The applied Doctor steps that have no undo and need none (they stay as they are), for the admin's note.</summary>
    public static IEnumerable<JournalStep> LeftAsTheyAre(ChangeSetDetail detail) =>
        detail.Steps.Where(s => IsDoctorStep(s.Kind) && s.Status == StepStatus.Applied && s.InverseKind is null && Read(s.ParametersJson).What is null);

    private static string StopHint(string what) => what.StartsWith("enabling", StringComparison.Ordinal) ? "disable it" : "stop it";

    private static (string? What, string? ByHand) Read(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, null);
            return (Text(root, "keptOnUndo"), Text(root, "byHand"));
        }
        catch (JsonException) { return (null, null); }
    }

    private static string? Text(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
