using NetTui.Host.Changes;
using NetTui.Presentation;

namespace NetTui.Recording;

/// <summary>
/// The persistence lines of a change's report, so the CLI and the TUI say the same words. The
/// decision itself (one probe per change, then <see cref="PersistenceLabel.Choose"/>) is made
/// by the one change path, Composition/HostChanges.
/// </summary>
public static class PersistenceChoice
{
    /// <summary>The line to print above a plan; null when the plan's first step (a note) already says it.</summary>
    public static string? Header(OperationReport o, ChangeReport report, bool runtimeOnly) =>
        o.Plan.FirstOrDefault() is NetTui.Core.Persisting.NoteStep ? null : Label(o, report, runtimeOnly);

    /// <summary>The persistence line for an operation of a report (the "before" snapshot tells whether NetworkManager answered).</summary>
    public static string? Label(OperationReport o, ChangeReport report, bool runtimeOnly) =>
        PersistenceLabel.For(o.Operation, o.Plan, report.Before, new PersistenceMode(runtimeOnly, null));
}
