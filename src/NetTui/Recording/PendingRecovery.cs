using System.Collections.Immutable;
using System.Text.Json;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.History.Facts;
using NetTui.History.Journaling;
using NetTui.History.Locking;
using NetTui.History.Planning;
using NetTui.History.Storage;
using NetTui.Host.Changes;

namespace NetTui.Recording;

/// <summary>Why a change-set needs recovering.</summary>
public enum PendingReason
{
    /// <summary>Left pending by a run that crashed or was killed mid-change: finish it or roll it back.</summary>
    Abandoned,
    /// <summary>A commit-confirmed change not confirmed in time whose watchdog died: it can only be rolled back.</summary>
    UnconfirmedExpired,
    /// <summary>A change whose own undo failed (a daemon was gone): rolling it back retries the failed undo steps.</summary>
    NeedsRepair,
}

public enum RecoveryAction { Finish, RollBack }

/// <summary>A change-set waiting for the admin's "finish or roll back?" (<see cref="Description"/>: what was done and what was not).</summary>
public sealed record PendingChange(ChangeSet ChangeSet, PendingReason Reason, string Description)
{
    public long Id => ChangeSet.Id;

    /// <summary>Null when finishing may be tried (the host decides the rest); else why only a rollback is possible.</summary>
    public string? FinishRefusal => Reason == PendingReason.UnconfirmedExpired
        ? $"#{Id} was not confirmed in time: it can only be rolled back"
        : Reason == PendingReason.NeedsRepair
        ? $"#{Id} failed and its undo failed half-way: it can only be repaired with `nettui rollback --pending`"
        : ChangeSet.Kind != ChangeSetKind.Change
            ? $"#{Id} is a {ChangeSet.Kind.ToText()} of #{ChangeSet.RevertsId}: roll it back, then {ChangeSet.Kind.ToText()} again if wanted"
            : ChangeSet.WatchdogPid is not null
                ? CommitConfirmedRefusal(Id)
                : null;

    /// <summary>A commit-confirmed change was meant to go unless confirmed: finishing it would skip that; it is rolled back (and may be applied again).</summary>
    internal static string CommitConfirmedRefusal(long id) =>
        $"#{id} was a commit-confirmed change cut off while applying: it can only be rolled back (apply it again with --confirm-within if wanted)";
}

/// <summary>
/// How one recovery went. <see cref="ChangeSetId"/>: for a finish the change-set itself (now
/// applied), for a rollback the rollback change-set (null when nothing had to be run).
/// </summary>
public sealed record RecoveryOutcome(long TargetId, RecoveryAction Action, long? ChangeSetId, bool Succeeded, string Message, ChangeReport? Report = null);

/// <summary>A whole recovery run: each change-set's outcome, or why nothing was done (<see cref="Refusal"/>: the apply lock is held, the admin said no).</summary>
public sealed record RecoveryRun(IReadOnlyList<PendingChange> Found, IReadOnlyList<RecoveryOutcome> Outcomes, string? Refusal)
{
    public bool Succeeded => Refusal is null && Outcomes.All(o => o.Succeeded);
}

/// <summary>
/// Finishing or rolling back what a crashed run (or a dead commit-confirmed watchdog) left
/// pending, and repairing a change whose own undo failed: the one implementation behind `nettui finish`, `nettui rollback --pending` and the
/// TUI's start-up question. Every change runs through the executor under the apply lock.
///
/// Finish: the step the crash interrupted is judged from the host: verifies → it completed
/// (marked applied); its objects as before it → it changed nothing (run again); anything else →
/// half-done (its recorded inverse runs first, then it runs again). Then the steps never
/// started run, everything is verified, and the change-set itself completes as applied. A
/// finish that fails is undone by the executor and the change-set stays pending, to be rolled
/// back or tried again.
/// </summary>
public sealed class PendingRecovery(Journal journal, HostAccess host)
{
    /// <summary>What needs recovering, newest first: abandoned pending change-sets, and expired unconfirmed ones whose watchdog is gone.</summary>
    public static async Task<IReadOnlyList<PendingChange>> FindAsync(Journal journal, CancellationToken ct = default)
    {
        var found = new List<PendingChange>();
        foreach (var p in (await journal.FindPendingAsync(ct).ConfigureAwait(false)).Where(p => p.Abandoned))
        {
            var detail = await journal.GetAsync(p.ChangeSet.Id, ct).ConfigureAwait(false);
            found.Add(new PendingChange(p.ChangeSet, PendingReason.Abandoned,
                detail is null ? $"#{p.ChangeSet.Id} {p.ChangeSet.Summary}" : CrashRecovery.Analyse(detail).Describe()));
        }
        foreach (var cs in await journal.ExpiredUnconfirmedAsync(ct).ConfigureAwait(false))
            if (cs.WatchdogPid is not { } pid || !ProcessLiveness.IsAlive(pid, 0))
                if (found.All(f => f.Id != cs.Id))
                    found.Add(new PendingChange(cs, PendingReason.UnconfirmedExpired,
                        $"#{cs.Id} {cs.Summary}: not confirmed by {cs.ConfirmDeadline?.UtcDateTime:HH:mm:ss} UTC and its watchdog is gone"));
        foreach (var cs in await journal.NeedingRepairAsync(ct).ConfigureAwait(false))
            found.Add(new PendingChange(cs, PendingReason.NeedsRepair, StartupCheck.NeedsRepairLine(cs)));
        return [.. found.OrderByDescending(f => f.Id)];
    }

    /// <summary>
    /// Takes the apply lock (waiting up to <paramref name="lockWait"/>), finds what needs
    /// recovering (under the lock, so nothing changes meanwhile), asks <paramref name="approve"/>
    /// (null: go ahead) and finishes or rolls back each one; <paramref name="only"/> limits it to
    /// one change-set. Finishing goes oldest first, rolling back newest first. Stops at the first
    /// failure.
    /// </summary>
    public async Task<RecoveryRun> RunAsync(
        RecoveryAction action, TimeSpan lockWait, Func<IReadOnlyList<PendingChange>, Task<bool>>? approve = null, long? only = null, CancellationToken ct = default)
    {
        ApplyLock lease;
        try { lease = await journal.AcquireApplyLockAsync(action == RecoveryAction.Finish ? "finish" : "rollback --pending", lockWait, ct).ConfigureAwait(false); }
        catch (JournalLockedException e) { return new RecoveryRun([], [], e.Message); }

        await using (lease.ConfigureAwait(false))
        {
            var found = (await FindAsync(journal, ct).ConfigureAwait(false)).Where(p => only is null || p.Id == only).ToList();
            if (only is { } id && found.Count == 0)
                return new RecoveryRun([], [], $"change-set #{id} is not left pending (see `nettui history {id}`)");
            if (found.Count == 0) return new RecoveryRun([], [], null);
            if (action == RecoveryAction.Finish) found.Reverse();
            if (action == RecoveryAction.Finish && found.FirstOrDefault(f => f.FinishRefusal is not null) is { } cannot)
                return new RecoveryRun(found, [], cannot.FinishRefusal);
            if (approve is not null && !await approve(found).ConfigureAwait(false))
                return new RecoveryRun(found, [], "nothing was changed");

            var outcomes = new List<RecoveryOutcome>();
            foreach (var p in found)
            {
                var outcome = action == RecoveryAction.Finish
                    ? await FinishAsync(lease, p.Id, ct).ConfigureAwait(false)
                    : await RollBackAsync(lease, p.Id, ct).ConfigureAwait(false);
                outcomes.Add(outcome);
                if (!outcome.Succeeded) break;
            }
            return new RecoveryRun(found, outcomes, null);
        }
    }

    /// <summary>Rolls back one change-set left pending (or unconfirmed past its deadline). Needs the apply lock.</summary>
    public async Task<RecoveryOutcome> RollBackAsync(ApplyLock lease, long id, CancellationToken ct = default)
    {
        var cs = (await journal.GetAsync(id, ct).ConfigureAwait(false))?.ChangeSet;
        if (cs is null) return new(id, RecoveryAction.RollBack, null, false, $"change-set #{id} does not exist");
        var reverter = new Reverter(journal, host);
        try
        {
            var r = cs.Status switch
            {
                ChangeSetStatus.Pending => await reverter.RecoverAsync(lease, id, ct).ConfigureAwait(false),
                ChangeSetStatus.NeedsRepair => await reverter.RepairAsync(lease, id, ct).ConfigureAwait(false),
                _ => await reverter.RollBackUnconfirmedAsync(lease, id, ct).ConfigureAwait(false),
            };
            return new(id, RecoveryAction.RollBack, r.RevertId, r.Succeeded, r.Message, r.Report);
        }
        catch (InvalidOperationException e)
        {
            return new(id, RecoveryAction.RollBack, null, false, $"#{id}: {e.Message}");
        }
    }

    /// <summary>Finishes one change-set a crashed run left pending (see the class summary). Needs the apply lock.</summary>
    public async Task<RecoveryOutcome> FinishAsync(ApplyLock lease, long id, CancellationToken ct = default)
    {
        var detail = await journal.GetAsync(id, ct).ConfigureAwait(false);
        if (detail is null) return Fail(id, $"change-set #{id} does not exist");
        var cs = detail.ChangeSet;
        if (cs.Status != ChangeSetStatus.Pending) return Fail(id, $"#{id} is {cs.Status.ToText()}, not pending: nothing to finish");
        if (cs.WatchdogPid is { } dog)
            return Fail(id, ProcessLiveness.IsAlive(dog, 0)
                ? $"#{id} is a commit-confirmed change whose watchdog (pid {dog}) is rolling it back"
                : PendingChange.CommitConfirmedRefusal(id));

        // Every step must read back as an operation (a Doctor fix, for one, does not): else only a rollback is possible.
        var ops = new Dictionary<int, Operation>();
        foreach (var s in detail.Steps)
        {
            if (Read(s.ParametersJson) is not { } op)
                return Fail(id, $"#{id} step {s.Seq} ({s.Description}) cannot be run again by NetTui: roll it back instead");
            ops[s.Seq] = op;
        }

        try { await journal.AdoptAsync(lease, id, ct).ConfigureAwait(false); }
        catch (InvalidOperationException e) { return Fail(id, $"#{id}: {e.Message}"); }

        var recovery = CrashRecovery.Analyse(detail);
        var now = await host.Inventory(cs.Namespace).ReadAsync(ct: ct).ConfigureAwait(false);
        var effect = recovery.Interrupted is { } step
            ? await EffectAsync(step, ops[step.Seq], now, ct).ConfigureAwait(false)
            : InterruptedEffect.NoneInterrupted;
        var plan = FinishPlan.For(recovery, effect);
        if (!plan.CanProceed) return Fail(id, plan.Refusal!);

        if (plan.MarkApplied is { } done)
            await journal.RecordStepAsync(id, done.Seq, StepStatus.Applied, afterFacts: SnapshotFacts.Extract(now, TouchedObjects.Of(ops[done.Seq], now)), ct: ct).ConfigureAwait(false);

        var run = new List<Operation>();
        var slots = new List<ResumeObserver.Slot>();
        if (plan.CleanUpFirst is { } half)
        {
            if (Read(half.InverseParametersJson!) is not { } inverse)
                return Fail(id, $"#{id} step {half.Seq} ({half.Description}) is half-done and its inverse cannot be read back: roll back instead");
            run.Add(inverse);
            slots.Add(new(half.Seq, CleanUp: true));
        }
        foreach (var s in plan.Run)
        {
            run.Add(ops[s.Seq]);
            slots.Add(new(s.Seq, Interrupted: s == recovery.Interrupted));
        }

        var what = $"finish #{id} ({cs.Summary})";
        var how = effect switch
        {
            InterruptedEffect.Taken => $"; step {recovery.Interrupted!.Seq} had completed",
            InterruptedEffect.NotTaken => $"; step {recovery.Interrupted!.Seq} had changed nothing and was run again",
            InterruptedEffect.Partial => $"; step {recovery.Interrupted!.Seq} was half-done: taken back and run again",
            _ => "",
        };
        var all = detail.Steps.OrderBy(s => s.Seq).Select(s => ops[s.Seq]).ToList();
        if (run.Count == 0)
        {
            await journal.CompleteAsync(id, ChangeSetStatus.Applied, SnapshotFacts.Extract(now, TouchedObjects.Of(all, now)), ct: ct).ConfigureAwait(false);
            return new(id, RecoveryAction.Finish, id, true, $"{what}: done, nothing left to run{how}");
        }

        var report = await host.Executor(cs.Namespace, new ResumeObserver(journal, id, slots)).ApplyAsync(run, host.Context, ct: ct).ConfigureAwait(false);
        if (report.Outcome is not (ChangeOutcome.Applied or ChangeOutcome.Unverified))
            return new(id, RecoveryAction.Finish, id, false,
                report.Outcome == ChangeOutcome.Rejected
                    ? $"{what}: refused, nothing was changed: {string.Join("; ", report.Errors)}; it is still pending (roll it back instead?)"
                    : $"{what}: failed ({report.Summary}); {(report.Outcome == ChangeOutcome.RollbackFailed ? "and undoing that failed too" : "what the finish ran was undone")}; it is still pending",
                report);
        var after = report.After is null ? null : SnapshotFacts.Extract(report.After, TouchedObjects.Of(all, now, report.After));
        await journal.CompleteAsync(id, ChangeSetStatus.Applied, after, report.Outcome == ChangeOutcome.Unverified ? report.Summary : null, ct).ConfigureAwait(false);
        return new(id, RecoveryAction.Finish, id, true, $"{what}: done and verified, ran {plan.Run.Length} step(s){how}", report);
    }

    /// <summary>What the host shows about the interrupted step: it verifies (completed), its objects are as before (nothing happened), or neither (half-done).</summary>
    private async Task<InterruptedEffect> EffectAsync(JournalStep step, Operation op, HostSnapshot now, CancellationToken ct)
    {
        var ctx = await host.ContextForAsync(op, ct).ConfigureAwait(false);
        if (op.Verify(now, ctx).Count == 0) return InterruptedEffect.Taken;
        // No facts (an operation on a file only): running it again is planned from the file as it is.
        if (step.BeforeFacts.Count == 0 || SnapshotFacts.Drift(step.BeforeFacts, now).IsEmpty) return InterruptedEffect.NotTaken;
        return InterruptedEffect.Partial;
    }

    private static Operation? Read(string json)
    {
        try { return OperationJson.Deserialize(json); }
        catch (JsonException) { return null; }
        catch (NotSupportedException) { return null; }
    }

    private static RecoveryOutcome Fail(long id, string message) => new(id, RecoveryAction.Finish, null, false, message);
}
