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

    public async Task<WatchdogResult> RunAsync(
        long changeSetId, Func<ChangeSet, CancellationToken, Task> rollback, CancellationToken ct = default)
    {
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var cs = (await journal.GetAsync(changeSetId, ct).ConfigureAwait(false))?.ChangeSet;
            if (cs is null) return new(WatchdogOutcome.NothingToDo, $"change-set #{changeSetId} does not exist");

            var wait = _poll;
            switch (cs.Status)
            {
                case ChangeSetStatus.Pending:
                    // Still being applied, unless the applier died (e.g. the SSH session it ran in was cut).
                    if (!ProcessLiveness.IsAlive(cs.WriterPid, cs.WriterStartTicks) && cs.WriterHost == Environment.MachineName)
                    {
                        await rollback(cs, ct).ConfigureAwait(false);
                        return new(WatchdogOutcome.RolledBack, $"pid {cs.WriterPid} died while applying #{cs.Id}");
                    }
                    break;

                case ChangeSetStatus.ConfirmPending when cs.ConfirmDeadline is { } deadline:
                    var left = deadline - journal.Time.GetUtcNow();
                    if (left <= TimeSpan.Zero)
                    {
                        // Exactly one of this claim and a late confirm succeeds.
                        if (await journal.TryClaimExpiredAsync(changeSetId, ct).ConfigureAwait(false))
                        {
                            await rollback(cs with { Status = ChangeSetStatus.ConfirmExpired }, ct).ConfigureAwait(false);
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
}
