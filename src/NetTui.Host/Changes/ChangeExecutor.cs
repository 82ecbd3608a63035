using System.Collections.Immutable;
using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Persisting;
using NetTui.Core.Plans;
using NetTui.Core.Values;
using NetTui.Host.Commands;
using NetTui.Host.Inventory;
using NetTui.Host.Reachability;

namespace NetTui.Host.Changes;

public sealed record ApplyOptions(bool DryRun = false, bool RollbackOnVerifyFailure = true, InventoryParts Parts = InventoryParts.All);

/// <summary>
/// Applies a change-set all or nothing. For each operation: read the host, validate, plan,
/// tell the observer (write-ahead), run the steps through <see cref="ICommandRunner"/>; if
/// step k fails, undo every step that ran, newest first (also those of earlier operations).
/// Then read the host again and verify; a difference is a failure (and is undone too).
/// Rollback commands run without the caller's cancellation: an interrupted change is still
/// put back, each command bounded by its own timeout.
/// </summary>
public sealed class ChangeExecutor(ICommandRunner runner, IHostInventory inventory, IFileStore? files = null, IChangeObserver? observer = null,
    IReadOnlyList<IPlanStepHandler>? handlers = null, ReachabilityGuard? guard = null)
{
    private readonly IReadOnlyList<IPlanStepHandler> _handlers = handlers ?? [];
    private readonly IFileStore _files = files ?? new FileStore();
    private readonly IChangeObserver _observer = observer ?? new NoObserver();

    private sealed class NoObserver : IChangeObserver;

    public Task<ChangeReport> ApplyAsync(Operation op, OperationContext ctx, ApplyOptions? options = null, CancellationToken ct = default) =>
        ApplyAsync([op], ctx, options, ct);

    public async Task<ChangeReport> ApplyAsync(IReadOnlyList<Operation> ops, OperationContext ctx, ApplyOptions? options = null, CancellationToken ct = default)
    {
        options ??= new ApplyOptions();
        var run = new Run(Guid.NewGuid(), runner.Target, [.. ops], options.Parts);

        // Fields first, for every operation: nothing runs if any field of any operation is bad.
        var fieldErrors = ops.SelectMany(o => o.CheckFields()).ToList();
        if (fieldErrors.Count > 0)
            return await FinishAsync(run.Reject(fieldErrors, null)).ConfigureAwait(false);

        ctx = await ReadFilesAsync(ops, ctx, ct).ConfigureAwait(false);
        var current = await inventory.ReadAsync(options.Parts, ct).ConfigureAwait(false);
        run.Before = current;
        // Without the kernel's view every check would say "no such interface": say why instead.
        if (current.Source(SourceKind.IpRoute2) is { Available: false } down)
            return await FinishAsync(run.Reject([new ValueError("host", $"cannot read the network configuration: {down.Reason}")], current)).ConfigureAwait(false);

        // A plan of several operations is checked whole first, each against the host as the
        // earlier ones would leave it: a plan whose last operation cannot run is refused
        // before the first one touches the host.
        if (ops.Count > 1 && PlanValidator.Check(ops, current, ctx) is { Ok: false } check)
            return await FinishAsync(run.Reject([.. check.Errors.Select(e => new ValueError(e.Where, e.Message))], current)).ConfigureAwait(false);

        // What the host reaches before the change (gateway, DNS, the SSH client), to compare after it.
        // `guard`: probes that must still pass after the change, else it is undone (ReachabilityGuard).
        var reachedBefore = options.DryRun || guard is null ? null : await guard.RunAsync(ct).ConfigureAwait(false);

        try
        {
            for (var i = 0; i < ops.Count; i++)
            {
                var op = ops[i];
                var errors = op.Validate(current, ctx);
                // NetworkManager gone (before or mid-change): no silent fallback to runtime commands.
                if (errors.Count == 0 && !options.DryRun && op is PersistedOperation persisted && persisted.PersistenceLost(current) is { } persistenceLost)
                    errors = [new ValueError("persistence", persistenceLost)];
                if (errors.Count > 0)
                {
                    if (run.Done.Count == 0) return await FinishAsync(run.Reject(errors, current)).ConfigureAwait(false);
                    return await FinishAsync(await RollbackAsync(run, $"operation {i + 1} ({op.Describe()}) was refused: {errors[0]}", null, [], ctx).ConfigureAwait(false)).ConfigureAwait(false);
                }

                var plan = op.Plan(current, ctx);
                Operation? inverse = null;
                string? noInverse = null;
                try { inverse = op.Inverse(current, ctx); }
                catch (InvalidOperationException e) { noInverse = e.Message; }
                var report = new OperationReport(i, op, plan, inverse, noInverse, [], []);
                run.Reports.Add(report);
                run.Notes.AddRange(op.Notes(ctx));
                if (options.DryRun)
                {
                    // Nothing ran: the next operation is planned on the host as this one would leave it.
                    (current, ctx) = SnapshotSimulator.After(current, ctx, op, plan);
                    continue;
                }

                try
                {
                    if (i == 0) await _observer.ChangeStartingAsync(new ChangeStarting(run.Id, run.Target, run.Ops, current), ct).ConfigureAwait(false);
                    await _observer.OperationStartingAsync(new OperationStarting(run.Id, i, op, plan, inverse, current), ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    var refusal = new ValueError("journal", $"the change was not started: {e.Message}");
                    if (run.Done.Count == 0) return await FinishAsync(run.Reject([refusal], current)).ConfigureAwait(false);
                    return await FinishAsync(await RollbackAsync(run, refusal.ToString(), null, [], ctx).ConfigureAwait(false)).ConfigureAwait(false);
                }

                for (var k = 0; k < plan.Length; k++)
                {
                    var outcome = await DoStepAsync(i, k, plan[k], ct).ConfigureAwait(false);
                    run.Reports[i] = run.Reports[i] with { Steps = run.Reports[i].Steps.Add(outcome) };
                    await NotifyAsync(() => _observer.StepFinishedAsync(outcome, CancellationToken.None), run).ConfigureAwait(false);
                    if (!outcome.Succeeded)
                    {
                        if (plan[k] is CommandStep { UndoAlsoIfFailed: true }) run.Done.Add((i, k, plan[k]));
                        return await FinishAsync(await RollbackAsync(run, $"step {k + 1} of operation {i + 1} failed: {outcome.Description}: {outcome.Error}", outcome, [], ctx).ConfigureAwait(false)).ConfigureAwait(false);
                    }
                    run.Done.Add((i, k, plan[k]));
                }

                // Verify against a fresh read; that read is also the "before" of the next operation.
                ctx = await ReadFilesAsync(ops, ctx, CancellationToken.None).ConfigureAwait(false);
                current = await inventory.ReadAsync(options.Parts, CancellationToken.None).ConfigureAwait(false);
                var diffs = op.Verify(current, ctx);
                run.Reports[i] = run.Reports[i] with { Differences = [.. diffs] };
                if (diffs.Count > 0)
                {
                    if (options.RollbackOnVerifyFailure)
                        return await FinishAsync(await RollbackAsync(run, $"operation {i + 1} ({op.Describe()}) did not verify: {diffs[0]}", null, diffs, ctx).ConfigureAwait(false)).ConfigureAwait(false);
                    run.Differences.AddRange(diffs);
                }
            }
        }
        catch (Exception e) when (run.Done.Count > 0)
        {
            // A bug or an interruption after something ran: never leave the change half-done.
            return await FinishAsync(await RollbackAsync(run, $"the change stopped: {e.Message}", null, [], ctx).ConfigureAwait(false)).ConfigureAwait(false);
        }

        if (reachedBefore is not null && await guard!.LostSinceAsync(reachedBefore, CancellationToken.None).ConfigureAwait(false) is [var lost, ..] lostAll)
            return await FinishAsync(await RollbackAsync(run, $"the change cut the host off: {lost}", null, [.. lostAll.Select(l => $"probe failed after the change: {l}")], ctx).ConfigureAwait(false)).ConfigureAwait(false);

        if (options.DryRun)
            return await FinishAsync(run.Report(ChangeOutcome.Planned, $"planned {ops.Count} operation(s); nothing was changed", null, current)).ConfigureAwait(false);
        var outcomeKind = run.Differences.Count == 0 ? ChangeOutcome.Applied : ChangeOutcome.Unverified;
        var summary = run.Differences.Count == 0
            ? $"applied and verified: {string.Join("; ", ops.Select(o => o.Describe()))}"
            : $"applied, but the host differs from what was asked: {run.Differences[0]}";
        return await FinishAsync(run.Report(outcomeKind, summary, null, current)).ConfigureAwait(false);
    }

    private async Task<OperationContext> ReadFilesAsync(IReadOnlyList<Operation> ops, OperationContext ctx, CancellationToken ct)
    {
        foreach (var path in ops.SelectMany(o => o.FilesToRead(ctx)).Distinct())
            ctx = ctx.WithFile(path, await _files.ReadAsync(path, ct).ConfigureAwait(false));
        return ctx;
    }

    private async Task<StepOutcome> DoStepAsync(int op, int index, PlanStep step, CancellationToken ct)
    {
        if (ct.IsCancellationRequested) return new StepOutcome(op, index, step.Description, false, [], "cancelled before it ran");
        switch (step)
        {
            case CommandStep c:
                var (result, error) = await RunAsync(c.Do, ct).ConfigureAwait(false);
                return new StepOutcome(op, index, c.Description, error is null, result is null ? [] : [result], error);
            case FileWriteStep f:
                try
                {
                    var now = await _files.ReadAsync(f.Path, ct).ConfigureAwait(false);
                    if (now != f.Previous)
                        return new StepOutcome(op, index, f.Description, false, [], $"{f.Path} changed since the plan was made; not overwriting it");
                    if (f.Previous is not null && f.BackupPath is not null)
                        await _files.WriteAsync(f.BackupPath, f.Previous, ct).ConfigureAwait(false);
                    if (f.RemoveFile) await _files.DeleteAsync(f.Path, ct).ConfigureAwait(false);
                    else if (f.OwnerOnly) await _files.WriteOwnerOnlyAsync(f.Path, f.Content, ct).ConfigureAwait(false);
                    else await _files.WriteAsync(f.Path, f.Content, ct).ConfigureAwait(false);
                    return new StepOutcome(op, index, f.Description, true, [], null);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return new StepOutcome(op, index, f.Description, false, [], e.Message);
                }
            default:
                // Steps of other kinds (NetworkManager D-Bus, notes) go to a handler.
                var handler = _handlers.FirstOrDefault(h => h.Handles(step)) ?? throw new NotSupportedException(step.GetType().Name);
                var failure = await handler.DoAsync(step, ct).ConfigureAwait(false);
                return new StepOutcome(op, index, step.Description, failure is null, [], failure);
        }
    }

    /// <summary>Runs one command; a non-zero exit, a timeout or a missing program is an error message, never an exception.</summary>
    private async Task<(CommandResult? Result, string? Error)> RunAsync(CommandSpec spec, CancellationToken ct)
    {
        try
        {
            var r = await runner.RunAsync(spec, ct).ConfigureAwait(false);
            if (OvsApplyFailure.Of(r) is { } notApplied) return (r, $"{spec.Display}: {notApplied}");
            if (!r.Succeeded && CommandTimeouts.OvsAlarm(r) is { } timedOut) return (r, timedOut);
            return (r, r.Succeeded ? null : $"{spec.Display}: {r.Message} (exit {r.ExitCode})");
        }
        catch (CommandTimeoutException e) { return (null, e.Message); }
        catch (CommandNotFoundException e) { return (null, e.Message); }
        catch (OperationCanceledException) { return (null, $"{spec.Display}: cancelled"); }
    }

    private async Task<StepOutcome> UndoStepAsync(int op, int index, PlanStep step)
    {
        switch (step)
        {
            case CommandStep c:
                var results = new List<CommandResult>();
                foreach (var u in c.Undo)
                {
                    var (r, error) = await RunAsync(u, CancellationToken.None).ConfigureAwait(false);
                    if (r is not null) results.Add(r);
                    if (error is not null) return new StepOutcome(op, index, $"undo: {c.Description}", false, [.. results], error);
                }
                return new StepOutcome(op, index, $"undo: {c.Description}", true, [.. results], null);
            case FileWriteStep f:
                try
                {
                    if (f.Previous is null) await _files.DeleteAsync(f.Path).ConfigureAwait(false);
                    else if (f.OwnerOnly) await _files.WriteOwnerOnlyAsync(f.Path, f.Previous).ConfigureAwait(false);
                    else await _files.WriteAsync(f.Path, f.Previous).ConfigureAwait(false);
                    return new StepOutcome(op, index, $"undo: {f.Description}", true, [], null);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return new StepOutcome(op, index, $"undo: {f.Description}", false, [], e.Message);
                }
            default:
                var handler = _handlers.FirstOrDefault(h => h.Handles(step)) ?? throw new NotSupportedException(step.GetType().Name);
                var failure = await handler.UndoAsync(step).ConfigureAwait(false);
                return new StepOutcome(op, index, $"undo: {step.Description}", failure is null, [], failure);
        }
    }

    private async Task<ChangeReport> RollbackAsync(Run run, string reason, StepOutcome? failed, IReadOnlyList<string> diffs, OperationContext ctx)
    {
        for (var j = run.Done.Count - 1; j >= 0; j--)
        {
            var (op, index, step) = run.Done[j];
            var undo = await UndoStepAsync(op, index, step).ConfigureAwait(false);
            (undo.Succeeded ? run.Undone : run.UndoFailures).Add(undo);
            await NotifyAsync(() => _observer.StepUndoneAsync(undo, CancellationToken.None), run).ConfigureAwait(false);
        }
        // Never "as it was" without reading: the host is read back and compared with the read before the change.
        HostSnapshot? after = null;
        try { after = await inventory.ReadAsync(run.Parts, CancellationToken.None).ConfigureAwait(false); }
        catch (Exception e) when (e is not OperationCanceledException) { run.Notes.Add($"could not read the host after the rollback: {e.Message}"); }
        run.Differences.AddRange(diffs);
        var delta = after is null || run.Before is null ? null : HostDelta.Between(run.Before, after);
        var readBack = delta?.Describe() ?? "the host could not be read back to compare";
        var undone = $"{run.Undone.Count} step(s) undone";
        if (run.UndoFailures.Count == 0)
            return run.Report(ChangeOutcome.RolledBack, $"{reason}; {undone}; {readBack}", failed, after);
        var undoFailed = $"{run.UndoFailures.Count} undo step(s) FAILED ({run.UndoFailures[0].Description}: {run.UndoFailures[0].Error})";
        // An undo command that failed where there was nothing left to undo (an --if-exists that exits 1): the read decides.
        if (delta is { Same: true })
            return run.Report(ChangeOutcome.RolledBack, $"{reason}; {undone}, {undoFailed}; {readBack}", failed, after);
        return run.Report(ChangeOutcome.RollbackFailed, $"{reason}; {undone}, {undoFailed}; {readBack}", failed, after);
    }

    private async Task NotifyAsync(Func<Task> call, Run run)
    {
        try { await call().ConfigureAwait(false); }
        catch (Exception e) { run.Notes.Add($"observer failed: {e.Message}"); }
    }

    private async Task<ChangeReport> FinishAsync(ChangeReport report)
    {
        try { await _observer.ChangeFinishedAsync(report, CancellationToken.None).ConfigureAwait(false); }
        catch (Exception e) { report = report with { Notes = report.Notes.Add($"observer failed: {e.Message}") }; }
        return report;
    }

    /// <summary>The mutable state of one ApplyAsync call.</summary>
    private sealed class Run(Guid id, NetworkTarget target, ImmutableArray<Operation> ops, InventoryParts parts)
    {
        /// <summary>What "before" was read with: the read back after a rollback reads the same, so the two compare.</summary>
        public InventoryParts Parts { get; } = parts;
        public Guid Id { get; } = id;
        public NetworkTarget Target { get; } = target;
        public ImmutableArray<Operation> Ops { get; } = ops;
        public HostSnapshot? Before { get; set; }
        public List<OperationReport> Reports { get; } = [];
        public List<(int Op, int Step, PlanStep Plan)> Done { get; } = [];
        public List<StepOutcome> Undone { get; } = [];
        public List<StepOutcome> UndoFailures { get; } = [];
        public List<string> Notes { get; } = [];
        public List<string> Differences { get; } = [];

        public ChangeReport Reject(IReadOnlyList<ValueError> errors, HostSnapshot? host) =>
            new(Id, Target, ChangeOutcome.Rejected, errors[0].ToString(), [.. Reports], [.. errors], null, [], [], [], [], host, host);

        public ChangeReport Report(ChangeOutcome outcome, string summary, StepOutcome? failed, HostSnapshot? after) =>
            new(Id, Target, outcome, summary, [.. Reports], [], failed, [.. Differences], [.. Undone], [.. UndoFailures],
                outcome is ChangeOutcome.Applied or ChangeOutcome.Planned ? [.. Notes.Distinct()] : [.. Notes.Where(n => n.StartsWith("could not", StringComparison.Ordinal) || n.StartsWith("observer", StringComparison.Ordinal))],
                Before, after);
    }
}
