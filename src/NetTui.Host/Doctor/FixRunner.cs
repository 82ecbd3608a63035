using System.Collections.Immutable;
using NetTui.Core.Commands;
using NetTui.Core.Doctor;
using NetTui.Host.Commands;
using Serilog;

namespace NetTui.Host.Doctor;

/// <summary>One step as it ran: the command's result, or why it could not run.</summary>
public sealed record FixStepOutcome(string Description, string Command, bool Succeeded, string? Error, CommandResult? Result);

/// <summary>What running a fix did: every step, and the undo of the steps that ran if one failed.</summary>
public sealed record FixOutcome(bool Succeeded, ImmutableArray<FixStepOutcome> Steps, ImmutableArray<FixStepOutcome> Undone, string? Error);

/// <summary>
/// Runs a bound <see cref="FixPlan"/> through <see cref="ICommandRunner"/> (argv, timeouts,
/// the target namespace), all or nothing: when step k fails, the undo commands of steps
/// 1..k-1 run newest first, so a half-applied fix does not stay behind.
/// </summary>
public sealed class FixRunner(ICommandRunner runner, ILogger? log = null, IFixObserver? observer = null)
{
    private readonly ILogger _log = log ?? Serilog.Core.Logger.None;

    public async Task<FixOutcome> RunAsync(FixPlan plan, CancellationToken ct = default) =>
        await RunAsync(null, plan, ct).ConfigureAwait(false);

    public async Task<FixOutcome> RunAsync(Finding? finding, FixPlan plan, CancellationToken ct = default)
    {
        if (plan.NeedsInput) throw new InvalidOperationException("bind the fix's inputs before running it: " + string.Join(", ", plan.Inputs.Select(i => i.Name)));
        if (observer is not null && finding is not null)
            await observer.FixStartingAsync(finding, plan, ct).ConfigureAwait(false); // may veto: nothing has run yet
        var done = new List<FixStep>();
        var ran = ImmutableArray.CreateBuilder<FixStepOutcome>();
        FixOutcome? result = null;
        for (var i = 0; i < plan.Steps.Length && result is null; i++)
        {
            var step = plan.Steps[i];
            var startedAt = DateTimeOffset.UtcNow;
            var outcome = await RunOneAsync(step.Description, step.Do, ct).ConfigureAwait(false);
            ran.Add(outcome);
            _log.Information("doctor fix step {Step}: {Command} -> {Result}", step.Description, step.Do.Display, outcome.Succeeded ? "ok" : outcome.Error);
            await NotifyAsync(() => observer?.StepFinishedAsync(i, step, outcome, startedAt)).ConfigureAwait(false);
            if (!outcome.Succeeded)
            {
                var undone = await UndoAsync(done).ConfigureAwait(false);
                result = new FixOutcome(false, ran.ToImmutable(), undone, $"{step.Description}: {outcome.Error}");
            }
            else done.Add(step);
        }
        result ??= new FixOutcome(true, ran.ToImmutable(), [], null);
        await NotifyAsync(() => observer?.FixFinishedAsync(result)).ConfigureAwait(false);
        return result;
    }

    private async Task NotifyAsync(Func<Task?> call)
    {
        try { if (call() is { } t) await t.ConfigureAwait(false); }
        catch (Exception e) { _log.Warning(e, "doctor fix observer failed"); }
    }

    /// <summary>Takes back the given steps, newest first (used by a failed fix and by an explicit undo).</summary>
    public async Task<ImmutableArray<FixStepOutcome>> UndoAsync(IReadOnlyList<FixStep> steps)
    {
        var undone = ImmutableArray.CreateBuilder<FixStepOutcome>();
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            if (steps[i].Undo is not { } undo) continue;
            // Without the caller's cancellation: a rollback that was asked for must finish.
            var outcome = await RunOneAsync("undo: " + steps[i].Description, undo, CancellationToken.None).ConfigureAwait(false);
            _log.Information("doctor fix undo {Step}: {Command} -> {Result}", steps[i].Description, undo.Display, outcome.Succeeded ? "ok" : outcome.Error);
            undone.Add(outcome);
        }
        return undone.ToImmutable();
    }

    private async Task<FixStepOutcome> RunOneAsync(string description, CommandSpec spec, CancellationToken ct)
    {
        try
        {
            var r = await runner.RunAsync(spec, ct).ConfigureAwait(false);
            return new FixStepOutcome(description, spec.Display, r.Succeeded, r.Succeeded ? null : $"{r.Message} (exit {r.ExitCode})", r);
        }
        catch (CommandTimeoutException e) { return new FixStepOutcome(description, spec.Display, false, e.Message, null); }
        catch (CommandNotFoundException e) { return new FixStepOutcome(description, spec.Display, false, e.Message, null); }
    }
}
