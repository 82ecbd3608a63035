using NetTui.History.Storage;

namespace NetTui.History.Journaling;

public sealed partial class Journal
{
    /// <summary>
    /// Change-sets still pending, each with whether its writer is alive. On start the app
    /// offers to finish or roll back the abandoned ones (writer dead: crashed or killed).
    /// A writer on another host cannot be checked and is reported as alive with that reason,
    /// rather than guessed dead.
    /// </summary>
    public async Task<IReadOnlyList<PendingChangeSet>> FindPendingAsync(CancellationToken ct = default)
    {
        var pending = await QueryAsync(SelectChangeSets + " WHERE status = 'pending' ORDER BY id DESC", ct).ConfigureAwait(false);
        return pending.Select(Classify).ToList();
    }

    private static PendingChangeSet Classify(ChangeSet cs)
    {
        var who = $"pid {cs.WriterPid} on {cs.WriterHost}";
        if (cs.WriterHost != Environment.MachineName)
            return new PendingChangeSet(cs, true, $"written by {who}; cannot check a process on another host");
        return ProcessLiveness.IsAlive(cs.WriterPid, cs.WriterStartTicks)
            ? new PendingChangeSet(cs, true, $"being applied by {who}")
            : new PendingChangeSet(cs, false, $"abandoned: {who} is no longer running (crashed or killed mid-change)");
    }

    /// <summary>
    /// Takes over an abandoned pending change-set (to finish it or record its rollback): the
    /// writer becomes this process so it is no longer reported as abandoned. Needs the apply
    /// lock; refuses while the original writer is alive.
    /// </summary>
    public Task AdoptAsync(Locking.ApplyLock applyLock, long changeSetId, CancellationToken ct = default)
    {
        if (!applyLock.IsHeld || applyLock.DatabasePath != _db.Path)
            throw new InvalidOperationException("adopting a change-set needs this journal's apply lock");
        return WriteAsync(async (conn, tx) =>
        {
            await using var read = Command(conn, tx, SelectChangeSets + " WHERE id = $id", ("$id", changeSetId));
            var cs = (await ChangeSetReader.ReadAllAsync(read, ct).ConfigureAwait(false)).FirstOrDefault()
                     ?? throw new InvalidOperationException($"change-set #{changeSetId} does not exist");
            var state = Classify(cs);
            if (cs.Status != ChangeSetStatus.Pending)
                throw new InvalidOperationException($"change-set #{changeSetId} is {cs.Status.ToText()}, not pending");
            if (!state.Abandoned && !(cs.WriterPid == Self.Pid && cs.WriterHost == Self.Host))
                throw new InvalidOperationException($"change-set #{changeSetId} is {state.Explanation}");

            await using var update = Command(conn, tx,
                "UPDATE change_sets SET writer_host = $host, writer_pid = $pid, writer_start_ticks = $ticks WHERE id = $id",
                ("$host", Self.Host), ("$pid", Self.Pid), ("$ticks", Self.StartTicks), ("$id", changeSetId));
            await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return 0;
        }, ct);
    }
}
