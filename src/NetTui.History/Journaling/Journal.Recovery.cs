using NetTui.History.Locking;
using NetTui.History.Storage;

namespace NetTui.History.Journaling;

public sealed partial class Journal
{
    /// <summary>
    /// Change-sets still pending, each with whether a writer may still be applying it. On start
    /// the app offers to finish or roll back the abandoned ones.
    /// Two independent signs of abandonment: nobody holds the apply lock (a change-set is only
    /// written under it, and the kernel drops it when its holder dies, even by SIGKILL), or the
    /// writer process is gone (checked by pid and /proc start time, for when the lock is held,
    /// possibly by the caller itself). A writer on another host cannot be checked and is
    /// reported as possibly alive rather than guessed dead.
    /// </summary>
    public async Task<IReadOnlyList<PendingChangeSet>> FindPendingAsync(CancellationToken ct = default)
    {
        // Holding the lock while reading makes "lock free" exact: nobody can complete (or start)
        // a change-set between the probe and the query. Held for one query, so a waiting applier
        // (which polls every 100 ms) is not refused because of it.
        await using var probe = ApplyLock.TryProbe(_db);
        var pending = await QueryAsync(SelectChangeSets + " WHERE status = 'pending' ORDER BY id DESC", ct).ConfigureAwait(false);
        return pending.Select(cs => Classify(cs, lockFree: probe is not null)).ToList();
    }

    private static PendingChangeSet Classify(ChangeSet cs, bool lockFree)
    {
        var who = $"pid {cs.WriterPid} on {cs.WriterHost}";
        if (cs.WriterHost != Environment.MachineName)
            return new PendingChangeSet(cs, true, $"written by {who}; cannot check a process on another host");
        var alive = ProcessLiveness.IsAlive(cs.WriterPid, cs.WriterStartTicks);
        if (!alive)
            return new PendingChangeSet(cs, false, $"abandoned: {who} is no longer running (crashed or killed mid-change)");
        return lockFree
            ? new PendingChangeSet(cs, false, $"abandoned: {who} is running but no longer holds the apply lock (it stopped without finishing)")
            : new PendingChangeSet(cs, true, $"being applied by {who}");
    }

    /// <summary>
    /// Takes over an abandoned pending change-set (to finish it or record its rollback): the
    /// writer becomes this process so it is no longer reported as abandoned. Needs the apply
    /// lock, which also proves no one else is applying it.
    /// </summary>
    public Task AdoptAsync(ApplyLock applyLock, long changeSetId, CancellationToken ct = default)
    {
        if (!applyLock.IsHeld || applyLock.DatabasePath != _db.Path)
            throw new InvalidOperationException("adopting a change-set needs this journal's apply lock");
        return WriteAsync(async (conn, tx) =>
        {
            await using var read = Command(conn, tx, SelectChangeSets + " WHERE id = $id", ("$id", changeSetId));
            var cs = (await ChangeSetReader.ReadAllAsync(read, ct).ConfigureAwait(false)).FirstOrDefault()
                     ?? throw new InvalidOperationException($"change-set #{changeSetId} does not exist");
            if (cs.Status != ChangeSetStatus.Pending)
                throw new InvalidOperationException($"change-set #{changeSetId} is {cs.Status.ToText()}, not pending");
            if (cs.WriterHost != Self.Host)
                throw new InvalidOperationException($"change-set #{changeSetId} was written on {cs.WriterHost}; recover it there");

            await using var update = Command(conn, tx,
                "UPDATE change_sets SET writer_host = $host, writer_pid = $pid, writer_start_ticks = $ticks WHERE id = $id",
                ("$host", Self.Host), ("$pid", Self.Pid), ("$ticks", Self.StartTicks), ("$id", changeSetId));
            await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return 0;
        }, ct);
    }
}
