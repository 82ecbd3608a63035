using NetTui.History.Storage;

namespace NetTui.History.Journaling;

[System.Text.Json.Serialization.JsonConverter(typeof(NetTui.Core.Model.CamelCaseEnumConverter<WatchdogOutcome>))]
public enum WatchdogOutcome
{
    /// <summary>Confirmed in time: the change stays.</summary>
    Confirmed,
    /// <summary>Not confirmed (or its writer died mid-change): the rollback delegate ran.</summary>
    RolledBack,
    /// <summary>Nothing for this watchdog to do (failed, already reverted, or claimed by another watchdog).</summary>
    NothingToDo,
}

public sealed record WatchdogResult(WatchdogOutcome Outcome, string Reason);

/// <summary>
/// The decision loop of the commit-confirmed watchdog (docs/commit-confirmed.md): runs in the
/// detached process, watches one change-set in the journal, and calls the rollback when the
/// deadline passes unconfirmed or the applying process dies mid-change. How to roll back
/// (running inverse steps, journaled as a Rollback change-set reverting the target) is the
/// executor's job, passed in as a delegate, so this stays free of host I/O and testable.
/// </summary>
public sealed class ConfirmWatchdog(Journal journal, TimeSpan? pollInterval = null)
{
    private readonly TimeSpan _poll = pollInterval ?? TimeSpan.FromMilliseconds(200);

    public Task<WatchdogResult> RunAsync(
        long changeSetId, Func<ChangeSet, CancellationToken, Task> rollback, CancellationToken ct = default) =>
        RunAsync(changeSetId, rollback, null, ct);

    /// <summary>
    /// The loop. <paramref name="fromMemory"/>: how to roll back when the journal cannot be read
    /// or written at the deadline (a read-only or vanished directory): it gets the change-set as
    /// last read (the plan kept in memory) and why the journal failed. A journal error never ends
    /// the loop early: the watchdog keeps its deadline from the last good read and acts on it.
    /// </summary>
    public async Task<WatchdogResult> RunAsync(
        long changeSetId, Func<ChangeSet, CancellationToken, Task> rollback,
        Func<ChangeSetDetail, string, CancellationToken, Task>? fromMemory, CancellationToken ct = default)
    {
        ChangeSetDetail? known = null;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            ChangeSetDetail? detail;
            try { detail = await journal.GetAsync(changeSetId, ct).ConfigureAwait(false); }
            catch (Exception e) when (e is not OperationCanceledException && fromMemory is not null)
            {
                // The journal is unreadable: decide from the last good read.
                if (known?.ChangeSet is { Status: ChangeSetStatus.ConfirmPending, ConfirmDeadline: { } due } && due <= journal.Time.GetUtcNow())
                    return await FromMemoryAsync(known, $"the journal could not be read ({e.Message})", fromMemory, ct).ConfigureAwait(false);
                await Task.Delay(_poll, journal.Time, ct).ConfigureAwait(false);
                continue;
            }
            var cs = detail?.ChangeSet;
            if (cs is null) return new(WatchdogOutcome.NothingToDo, $"change-set #{changeSetId} does not exist");
            known = detail;

            var wait = _poll;
            switch (cs.Status)
            {
                case ChangeSetStatus.Pending:
                    // Still being applied, unless the applier died (e.g. the SSH session it ran in was cut).
                    if (!ProcessLiveness.IsAlive(cs.WriterPid, cs.WriterStartTicks) && cs.WriterHost == Environment.MachineName)
                    {
                        // It may have completed the change-set and exited since the read: only a change-set still pending was cut off.
                        if ((await journal.GetAsync(changeSetId, ct).ConfigureAwait(false))?.ChangeSet.Status != ChangeSetStatus.Pending) continue;
                        await rollback(cs, ct).ConfigureAwait(false);
                        return new(WatchdogOutcome.RolledBack, $"pid {cs.WriterPid} died while applying #{cs.Id}");
                    }
                    break;

                case ChangeSetStatus.ConfirmPending when cs.ConfirmDeadline is { } deadline:
                    var left = deadline - journal.Time.GetUtcNow();
                    if (left <= TimeSpan.Zero)
                    {
                        bool claimed;
                        try { claimed = await journal.TryClaimExpiredAsync(changeSetId, ct).ConfigureAwait(false); }
                        catch (Exception e) when (e is not OperationCanceledException && fromMemory is not null)
                        {
                            return await FromMemoryAsync(detail!, $"the journal could not be written ({e.Message})", fromMemory, ct).ConfigureAwait(false);
                        }
                        // Exactly one of this claim and a late confirm succeeds.
                        if (claimed)
                        {
                            try { await rollback(cs with { Status = ChangeSetStatus.ConfirmExpired }, ct).ConfigureAwait(false); }
                            catch (Exception e) when (e is not OperationCanceledException && fromMemory is not null)
                            {
                                return await FromMemoryAsync(detail!, $"the journaled rollback failed ({e.Message})", fromMemory, ct).ConfigureAwait(false);
                            }
                            return new(WatchdogOutcome.RolledBack, $"#{cs.Id} was not confirmed by {deadline.UtcDateTime:HH:mm:ss} UTC");
                        }
                        break; // confirmed (or undone) at the last moment: the next read says which
                    }
                    if (left < wait) wait = left;
                    break;

                case ChangeSetStatus.Applied:
                    return new(WatchdogOutcome.Confirmed, cs.ConfirmedAt is { } at
                        ? $"#{cs.Id} confirmed at {at.UtcDateTime:HH:mm:ss} UTC"
                        : $"#{cs.Id} was applied without a confirmation timer");

                case ChangeSetStatus.ConfirmExpired:
                    return new(WatchdogOutcome.NothingToDo, $"#{cs.Id} expired and was claimed by another watchdog");

                default:
                    return new(WatchdogOutcome.NothingToDo, $"#{cs.Id} is {cs.Status.ToText()}");
            }

            await Task.Delay(wait, journal.Time, ct).ConfigureAwait(false);
        }
    }

    private static async Task<WatchdogResult> FromMemoryAsync(
        ChangeSetDetail known, string why, Func<ChangeSetDetail, string, CancellationToken, Task> fromMemory, CancellationToken ct)
    {
        await fromMemory(known, why, ct).ConfigureAwait(false);
        return new(WatchdogOutcome.RolledBack, $"#{known.ChangeSet.Id} was not confirmed in time; {why}: rolled back from the plan kept in memory");
    }
}
