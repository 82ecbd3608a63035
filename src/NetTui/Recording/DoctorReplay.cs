using NetTui.Core.Commands;
using NetTui.Doctor;
using NetTui.History.Journaling;
using NetTui.History.Locking;
using NetTui.Host.Commands;

namespace NetTui.Recording;

/// <summary>
/// Runs journal steps of kind "doctor.command" (the undo or redo of a Doctor fix, or the
/// rollback of one a crash left pending) as a new change-set: they are commands, not
/// operations, so they do not go through the executor. All or nothing like the Doctor's own
/// fix runner: when a command fails, the ones that ran are taken back newest first (each
/// step's inverse is the command it reverts).
/// </summary>
internal static class DoctorReplay
{
    public static async Task<RevertOutcome> RunAsync(
        Journal journal, ApplyLock lease, ICommandRunner runner, long targetId, IReadOnlyList<PlannedStep> steps, JournalEntry entry, CancellationToken ct)
    {
        var what = entry.Summary ?? $"revert #{targetId}";
        var commands = new List<(CommandSpec Do, CommandSpec? Undo)>();
        foreach (var s in steps)
        {
            if (DoctorCommandJson.Read(s.ParametersJson) is not { } c)
                return new(targetId, null, false, $"{what}: step \"{s.Description}\" cannot be read back from the journal");
            commands.Add((c.ToSpec(), s.InverseParametersJson is { } inv ? DoctorCommandJson.Read(inv)?.ToSpec() : null));
        }

        var id = await journal.BeginChangeSetAsync(lease, new NewChangeSet(what, entry.Namespace, entry.Kind, entry.RevertsId), steps, ct).ConfigureAwait(false);
        string? failure = null;
        var done = new List<int>();
        for (var i = 0; i < commands.Count && failure is null; i++)
        {
            await journal.StartStepAsync(id, i + 1, ct).ConfigureAwait(false);
            var (record, error) = await RunOneAsync(runner, commands[i].Do, ct).ConfigureAwait(false);
            await journal.RecordStepAsync(id, i + 1, error is null ? StepStatus.Applied : StepStatus.Failed, record is null ? [] : [record], error: error, ct: ct).ConfigureAwait(false);
            if (error is null) done.Add(i);
            else failure = $"{steps[i].Description}: {error}";
        }
        if (failure is null)
        {
            await journal.CompleteAsync(id, ChangeSetStatus.Applied, ct: ct).ConfigureAwait(false);
            return new(targetId, id, true, $"{what}: done as #{id}");
        }

        // Take back what ran, newest first, without the caller's cancellation.
        var undoErrors = new List<string>();
        foreach (var i in Enumerable.Reverse(done))
        {
            if (commands[i].Undo is not { } undo) continue;
            var (record, error) = await RunOneAsync(runner, undo, CancellationToken.None).ConfigureAwait(false);
            await journal.RecordStepAsync(id, i + 1, error is null ? StepStatus.Reverted : StepStatus.Applied, record is null ? [] : [record],
                error: error is null ? null : "undo failed: " + error, ct: CancellationToken.None).ConfigureAwait(false);
            if (error is not null) undoErrors.Add(error);
        }
        var message = undoErrors.Count == 0 ? failure : $"{failure}; ROLLBACK FAILED, the host is not as it was: {string.Join("; ", undoErrors)}";
        await journal.CompleteAsync(id, ChangeSetStatus.Failed, error: message, ct: CancellationToken.None).ConfigureAwait(false);
        return new(targetId, id, false, $"{what}: failed (#{id}): {message}");
    }

    private static async Task<(CommandRecord? Record, string? Error)> RunOneAsync(ICommandRunner runner, CommandSpec spec, CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        try
        {
            var r = await runner.RunAsync(spec, ct).ConfigureAwait(false);
            return (CommandRecord.From(r, startedAt), r.Succeeded ? null : $"{spec.Display}: {r.Message} (exit {r.ExitCode})");
        }
        catch (CommandTimeoutException e) { return (null, e.Message); }
        catch (CommandNotFoundException e) { return (null, e.Message); }
        catch (OperationCanceledException) { return (null, $"{spec.Display}: cancelled"); }
    }
}
