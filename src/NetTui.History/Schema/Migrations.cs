using System.Collections.Immutable;
using Microsoft.Data.Sqlite;

namespace NetTui.History.Schema;

/// <summary>The ordered list of migrations, and applying the missing ones in one transaction.</summary>
public static class Migrations
{
    public static readonly ImmutableArray<IMigration> All =
    [
        new M001_InitialJournal(),
        new M002_CommitConfirmed(),
        new M003_ApplyLockHolder(),
        new M004_NmCheckpoint(),
    ];

    public static int LatestVersion => All[^1].Version;

    public static int CurrentVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Brings the database to the last version of <paramref name="migrations"/>. The version is
    /// re-read inside an IMMEDIATE transaction, so two processes starting at once migrate once;
    /// a failure leaves the database at its old version, never half-migrated.
    /// </summary>
    public static int MigrateTo(SqliteConnection connection, IReadOnlyList<IMigration> migrations)
    {
        Validate(migrations);
        var target = migrations.Count == 0 ? 0 : migrations[^1].Version;

        // The common case (already current) must not take the write lock: every NetTui start,
        // including a read-only History view, opens the journal while another may be applying.
        var seen = CurrentVersion(connection);
        if (seen > LatestVersion)
            throw new JournalSchemaException(
                $"history database is at schema version {seen}, newer than this NetTui knows ({LatestVersion}); upgrade NetTui");
        if (seen >= target) return seen;

        using var tx = connection.BeginTransaction(deferred: false);
        var current = CurrentVersion(connection, tx);
        if (current > LatestVersion)
            throw new JournalSchemaException(
                $"history database is at schema version {current}, newer than this NetTui knows ({LatestVersion}); upgrade NetTui");
        if (current >= target) return current;

        foreach (var m in migrations)
            if (m.Version > current)
                m.Apply(connection, tx);

        using (var set = connection.CreateCommand())
        {
            set.Transaction = tx;
            // PRAGMA takes no parameters; the value is an int we produced.
            set.CommandText = $"PRAGMA user_version = {target.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            set.ExecuteNonQuery();
        }
        tx.Commit();
        return target;
    }

    /// <summary>Versions must be 1, 2, 3...: a gap or a duplicate would skip or repeat a step.</summary>
    public static void Validate(IReadOnlyList<IMigration> migrations)
    {
        for (var i = 0; i < migrations.Count; i++)
            if (migrations[i].Version != i + 1)
                throw new InvalidOperationException(
                    $"migration #{i} ({migrations[i].GetType().Name}) has version {migrations[i].Version}, expected {i + 1}");
    }
}

public sealed class JournalSchemaException(string message) : Exception(message);
