using NetTui.Core.Operations;
using NetTui.History.Journaling;
using NetTui.History.Planning;
using NetTui.Host.Changes;

namespace NetTui.Recording;

/// <summary>
/// What a revert will run, before it is asked for: for each change-set of the plan its
/// summary, then the exact commands of its inverse as the executor's dry run plans them on
/// the host as it is (each operation on the host the previous ones leave). `nettui
/// undo/redo/rollback` print it before asking; the TUI's History view shows it.
/// </summary>
public static class RevertCommands
{
    public static async Task<IReadOnlyList<string>> LinesAsync(Journal journal, HostAccess host, UndoPlan plan, CancellationToken ct = default)
    {
        var lines = new List<string>();
        foreach (var revert in plan.Reverts)
        {
            lines.Add(Reverter.SummaryOf(revert));
            var detail = await journal.GetAsync(revert.Target.Id, ct).ConfigureAwait(false);
            var (steps, why) = detail is null ? ([], "it no longer exists") : UndoPlanner.InverseSteps(detail);
            if (why is not null) { lines.Add($"  cannot be reverted: {why}"); continue; }
            // A Doctor fix is undone by the commands it recorded; show them as they will run.
            foreach (var d in steps.Where(s => DoctorUndo.IsDoctorStep(s.Kind)))
                lines.Add("  " + (Doctor.DoctorCommandJson.Read(d.ParametersJson)?.ToSpec().Display ?? d.Description));
            var ops = steps.Where(s => !DoctorUndo.IsDoctorStep(s.Kind)).Select(s => OperationJson.Deserialize(s.ParametersJson)).OfType<Operation>().ToList();
            if (ops.Count == 0) continue;
            var dry = await host.Executor(revert.Target.Namespace, NullObserver.Instance)
                .ApplyAsync(ops, host.Context, new ApplyOptions(DryRun: true), ct).ConfigureAwait(false);
            foreach (var op in dry.Operations)
                lines.AddRange(PlanPreview.Lines(op.Operation, op.Plan, dry.Target).Select(l => "  " + l));
            foreach (var e in dry.Errors) lines.Add($"  refused now: {e}");
        }
        return lines;
    }

    /// <summary>The dry run is not journaled (every notification is the interface's no-op).</summary>
    private sealed class NullObserver : IChangeObserver
    {
        public static readonly NullObserver Instance = new();
    }
}
