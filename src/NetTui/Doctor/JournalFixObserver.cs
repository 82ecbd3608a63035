using System.Text.Json;
using NetTui.Core.Commands;
using NetTui.Core.Doctor;
using NetTui.History.Journaling;
using NetTui.History.Locking;
using NetTui.Host.Doctor;

namespace NetTui.Doctor;

/// <summary>
/// Records a Doctor fix in the history journal like any change: the change-set and every
/// planned command (with its undo command) written before anything runs, under the apply
/// lock; then each command's result; then the outcome. Step kind "doctor.command": the
/// parameters are the argv, environment and namespace flag (<see cref="DoctorCommandJson"/>),
/// the inverse is the undo argv; a step kept on undo has no inverse but says what it did.
/// </summary>
public sealed class JournalFixObserver(Journal journal, NetworkTarget target) : IFixObserver, IAsyncDisposable
{
    public const string StepKind = NetTui.History.Planning.DoctorUndo.StepKind;
    private ApplyLock? _lease;

    public long? ChangeSetId { get; private set; }

    public async Task FixStartingAsync(Finding finding, FixPlan plan, CancellationToken ct)
    {
        _lease = await journal.AcquireApplyLockAsync("doctor --fix " + finding.Id, TimeSpan.FromSeconds(10), ct).ConfigureAwait(false);
        // A step kept on undo (starting a daemon) is journaled without an inverse, with what it
        // did and the command to undo it by hand: `nettui undo` refuses such a fix by name (DoctorUndo).
        var steps = plan.Steps.Select(s => s.KeptOnUndo is { } kept
            ? new PlannedStep(StepKind, Json(s.Do, kept, s.Undo?.Display), s.Description)
            : new PlannedStep(StepKind, Json(s.Do), s.Description, s.Undo is null ? null : StepKind, s.Undo is null ? null : Json(s.Undo))).ToList();
        ChangeSetId = await journal.BeginChangeSetAsync(_lease, new NewChangeSet($"doctor: {plan.Summary}", target.Namespace), steps, ct).ConfigureAwait(false);
    }

    public async Task StepFinishedAsync(int index, FixStep step, FixStepOutcome outcome, DateTimeOffset startedAt)
    {
        if (ChangeSetId is not { } id) return;
        await journal.StartStepAsync(id, index + 1).ConfigureAwait(false);
        IReadOnlyList<CommandRecord> commands = outcome.Result is { } r ? [CommandRecord.From(r, startedAt)] : [];
        await journal.RecordStepAsync(id, index + 1, outcome.Succeeded ? StepStatus.Applied : StepStatus.Failed, commands, null, outcome.Error).ConfigureAwait(false);
    }

    public async Task FixFinishedAsync(FixOutcome outcome)
    {
        if (ChangeSetId is not { } id) return;
        var error = outcome.Error is null ? null : $"{outcome.Error}; {outcome.Undone.Count(u => u.Succeeded)} step(s) undone";
        await journal.CompleteAsync(id, outcome.Succeeded ? ChangeSetStatus.Applied : ChangeSetStatus.Failed, null, error).ConfigureAwait(false);
        await DisposeAsync().ConfigureAwait(false);
    }

    private static string Json(CommandSpec spec, string? keptOnUndo = null, string? byHand = null) => JsonSerializer.Serialize(new DoctorCommandJson(
        [spec.Program, .. spec.Arguments], spec.Environment, spec.InTargetNamespace, spec.Timeout.TotalSeconds, keptOnUndo, byHand), Core.Model.SnapshotJson.Info<DoctorCommandJson>(Cli.Json.CliJson.Web));

    public async ValueTask DisposeAsync()
    {
        if (_lease is { } lease) { _lease = null; await lease.DisposeAsync().ConfigureAwait(false); }
    }
}
