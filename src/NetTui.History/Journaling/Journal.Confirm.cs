using NetTui.History.Facts;
using NetTui.History.Storage;

namespace NetTui.History.Journaling;

[System.Text.Json.Serialization.JsonConverter(typeof(NetTui.Core.Model.CamelCaseEnumConverter<ConfirmOutcome>))]
public enum ConfirmOutcome
{
    Confirmed,
    /// <summary>The deadline passed and the watchdog has claimed (or finished) the rollback.</summary>
    TooLate,
    /// <summary>Not a change-set awaiting confirmation (already confirmed, never was, or undone).</summary>
    NotAwaitingConfirmation,
    NotFound,
}

/// <summary>
/// Commit-confirmed (see docs/commit-confirmed.md). Who wins between a late "confirm" and the
/// watchdog's rollback is decided by one conditional UPDATE each: confirm_pending → applied
/// (<see cref="ConfirmAsync"/>) or confirm_pending → confirm_expired (<see cref="TryClaimExpiredAsync"/>).
/// </summary>
public sealed partial class Journal
{
    /// <summary>
    /// Completes a pending change-set as applied-but-unconfirmed: unless <see cref="ConfirmAsync"/>
    /// comes before <paramref name="deadline"/>, the watchdog rolls it back.
    /// </summary>
    public Task CompleteAwaitingConfirmationAsync(long changeSetId, DateTimeOffset deadline, FactSet? afterFacts = null, CancellationToken ct = default) =>
        CompleteCoreAsync(changeSetId, ChangeSetStatus.ConfirmPending, afterFacts, null, deadline, ct);

    /// <summary>Records the watchdog process that guards this change-set (so a restart can see it is alive).</summary>
    public Task SetWatchdogAsync(long changeSetId, int pid, CancellationToken ct = default) =>
        WriteAsync(async (conn, tx) =>
        {
            await using var cmd = Command(conn, tx, "UPDATE change_sets SET watchdog_pid = $pid WHERE id = $id", ("$pid", pid), ("$id", changeSetId));
            await RequireOneRowAsync(cmd, $"change-set #{changeSetId} does not exist", ct).ConfigureAwait(false);
            return 0;
        }, ct);

    /// <summary>Records the NetworkManager checkpoint that backs this change's rollback (see docs/commit-confirmed.md).</summary>
    public Task SetNmCheckpointAsync(long changeSetId, string checkpointPath, CancellationToken ct = default) =>
        WriteAsync(async (conn, tx) =>
        {
            await using var cmd = Command(conn, tx, "UPDATE change_sets SET nm_checkpoint = $cp WHERE id = $id", ("$cp", checkpointPath), ("$id", changeSetId));
            await RequireOneRowAsync(cmd, $"change-set #{changeSetId} does not exist", ct).ConfigureAwait(false);
            return 0;
        }, ct);

    /// <summary>Keeps the change (confirm_pending → applied) if the deadline has not been claimed by the watchdog.</summary>
    public Task<ConfirmOutcome> ConfirmAsync(long changeSetId, CancellationToken ct = default) =>
        WriteAsync(async (conn, tx) =>
        {
            var now = Now();
            // The deadline itself is checked too: past it, the change is forfeit even if the
            // watchdog is late, so "confirmed" always means "confirmed in time".
            await using var cmd = Command(conn, tx, """
                UPDATE change_sets SET status = 'applied', confirmed_at = $now
                WHERE id = $id AND status = 'confirm_pending' AND confirm_deadline > $now
                """, ("$now", now), ("$id", changeSetId));
            if (await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1) return ConfirmOutcome.Confirmed;

            var status = await StatusOfAsync(conn, tx, changeSetId, ct).ConfigureAwait(false);
            if (status is null) return ConfirmOutcome.NotFound;
            var forfeit = status is ChangeSetStatus.ConfirmPending or ChangeSetStatus.ConfirmExpired or ChangeSetStatus.RolledBack
                          && await HadDeadlineAsync(conn, tx, changeSetId, ct).ConfigureAwait(false);
            return forfeit ? ConfirmOutcome.TooLate : ConfirmOutcome.NotAwaitingConfirmation;
        }, ct);

    private static async Task<bool> HadDeadlineAsync(Microsoft.Data.Sqlite.SqliteConnection conn, Microsoft.Data.Sqlite.SqliteTransaction tx, long id, CancellationToken ct)
    {
        await using var cmd = Command(conn, tx, "SELECT confirm_deadline IS NOT NULL AND confirmed_at IS NULL FROM change_sets WHERE id = $id", ("$id", id));
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is long v && v == 1;
    }

    /// <summary>
    /// The watchdog's claim at the deadline: confirm_pending → confirm_expired. True means this
    /// caller must now roll the change back (as a Rollback change-set reverting it); false means
    /// it was confirmed, undone, or claimed by someone else.
    /// </summary>
    public Task<bool> TryClaimExpiredAsync(long changeSetId, CancellationToken ct = default) =>
        WriteAsync(async (conn, tx) =>
        {
            await using var cmd = Command(conn, tx, """
                UPDATE change_sets SET status = 'confirm_expired'
                WHERE id = $id AND status = 'confirm_pending' AND confirm_deadline <= $now
                """, ("$id", changeSetId), ("$now", Now()));
            return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
        }, ct);

    /// <summary>Change-sets waiting for a confirm (for `nettui confirm` and the TUI countdown), soonest deadline first.</summary>
    public Task<IReadOnlyList<ChangeSet>> AwaitingConfirmationAsync(CancellationToken ct = default) =>
        QueryAsync(SelectChangeSets + " WHERE status = 'confirm_pending' ORDER BY confirm_deadline, id", ct);

    /// <summary>
    /// What must be rolled back now: unconfirmed change-sets past their deadline, and ones a
    /// watchdog claimed but did not finish (it died). A restart runs these if no watchdog did.
    /// </summary>
    public Task<IReadOnlyList<ChangeSet>> ExpiredUnconfirmedAsync(CancellationToken ct = default) =>
        QueryAsync(SelectChangeSets + """
             WHERE (status = 'confirm_pending' AND confirm_deadline <= $now) OR status = 'confirm_expired'
             ORDER BY id DESC
            """, ct, ("$now", JournalTime.ToText(_time.GetUtcNow())));
}
