using NetTui.History.Journaling;
using NetTui.History.Locking;
using NetTui.History.Storage;

namespace NetTui.Recording;

/// <summary>
/// `rollback --pending` (CLI) and the TUI's start-up overlay (`r`): find what a crashed run left
/// half-done (abandoned pending change-sets, and unconfirmed ones past their deadline whose
/// watchdog died), and roll each back. The caller holds the apply lock.
/// </summary>
public static class PendingRecovery
{
    /// <summary>The change-sets to roll back, newest first.</summary>
    public static async Task<IReadOnlyList<long>> FindAsync(Journal journal, CancellationToken ct = default)
    {
        var abandoned = (await journal.FindPendingAsync(ct).ConfigureAwait(false)).Where(p => p.Abandoned).Select(p => p.ChangeSet.Id);
        var expired = (await journal.ExpiredUnconfirmedAsync(ct).ConfigureAwait(false))
            .Where(cs => cs.WatchdogPid is not { } pid || !ProcessLiveness.IsAlive(pid, 0)).Select(cs => cs.Id);
        return abandoned.Concat(expired).Distinct().OrderDescending().ToList();
    }

    /// <summary>Rolls back each of <paramref name="ids"/> (crash recovery for a pending one, an unconfirmed rollback otherwise); goes on after a failure.</summary>
    public static async Task<IReadOnlyList<RevertOutcome>> RollBackAsync(
        Journal journal, Reverter reverter, ApplyLock lease, IEnumerable<long> ids, Func<RevertOutcome, Task>? reported = null, CancellationToken ct = default)
    {
        var done = new List<RevertOutcome>();
        foreach (var id in ids)
        {
            var cs = (await journal.GetAsync(id, ct).ConfigureAwait(false))!.ChangeSet;
            var outcome = cs.Status == ChangeSetStatus.Pending
                ? await reverter.RecoverAsync(lease, id, ct).ConfigureAwait(false)
                : await reverter.RollBackUnconfirmedAsync(lease, id, ct).ConfigureAwait(false);
            done.Add(outcome);
            if (reported is not null) await reported(outcome).ConfigureAwait(false);
        }
        return done;
    }
}
