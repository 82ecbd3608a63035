using Microsoft.Data.Sqlite;
using NetTui.History.Locking;
using NetTui.History.Storage;

namespace NetTui.History.Journaling;

/// <summary>
/// The undo history: every change-set NetTui applies, written ahead of the first command and
/// completed after verification. Methods are split by concern across the partial files:
/// writing (Journal.Writing.cs), reading (Journal.Queries.cs), crash recovery
/// (Journal.Recovery.cs) and commit-confirmed (Journal.Confirm.cs).
/// Safe to use from several threads and processes: each call opens its own connection and
/// every write is one IMMEDIATE transaction.
/// </summary>
public sealed partial class Journal
{
    private readonly JournalDatabase _db;
    private readonly TimeProvider _time;

    /// <summary>The process recorded as writer and lock holder (tests substitute a dead one).</summary>
    public ProcessIdentity Self { get; }

    public JournalDatabase Database => _db;

    /// <summary>The clock every timestamp and deadline of this journal is read from.</summary>
    public TimeProvider Time => _time;

    public Journal(JournalDatabase db, TimeProvider? time = null, ProcessIdentity? self = null)
    {
        _db = db;
        _time = time ?? TimeProvider.System;
        Self = self ?? ProcessIdentity.Current;
    }

    /// <summary>Opens the journal at <paramref name="path"/> (see <see cref="HistoryLocation.Resolve(string?)"/>).</summary>
    public static Journal Open(string path) => new(JournalDatabase.Open(path));

    /// <summary>
    /// The per-host apply lock; hold it from before <see cref="BeginChangeSetAsync"/> until the
    /// change-set is completed. Waits up to <paramref name="wait"/>, then throws
    /// <see cref="JournalLockedException"/> naming the holder.
    /// </summary>
    public Task<ApplyLock> AcquireApplyLockAsync(string purpose, TimeSpan wait, CancellationToken ct = default) =>
        ApplyLock.AcquireAsync(_db, Targets, purpose, wait, Self, _time, ct);

    /// <summary>
    /// What this process changes (namespace, OVSDB): their locks are taken with the journal's, so
    /// NetTui processes with different journals still change one target one at a time. Set once
    /// by the composition root when it opens the journal; none by default (tests of the journal alone).
    /// </summary>
    public TargetLocks Targets { get; set; } = TargetLocks.None;

    private string Now() => JournalTime.ToText(_time.GetUtcNow());

    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken ct)
    {
        await using var conn = await _db.OpenConnectionAsync(ct).ConfigureAwait(false);
        // IMMEDIATE (deferred: false) takes the write lock up front, so a transaction never has
        // to upgrade from read to write, which is where SQLite gives up with SQLITE_BUSY.
        await using var tx = conn.BeginTransaction(deferred: false);
        var result = await work(conn, tx).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return result;
    }

    private async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken ct)
    {
        await using var conn = await _db.OpenConnectionAsync(ct).ConfigureAwait(false);
        return await work(conn).ConfigureAwait(false);
    }

    private static SqliteCommand Command(SqliteConnection conn, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] args)
    {
        var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in args)
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    private static async Task<ChangeSetStatus?> StatusOfAsync(SqliteConnection conn, SqliteTransaction? tx, long id, CancellationToken ct)
    {
        await using var cmd = Command(conn, tx, "SELECT status FROM change_sets WHERE id = $id", ("$id", id));
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is string s ? StatusText.ParseChangeSetStatus(s) : null;
    }
}
