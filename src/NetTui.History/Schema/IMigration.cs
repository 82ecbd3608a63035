using Microsoft.Data.Sqlite;

namespace NetTui.History.Schema;

/// <summary>
/// One forward step of the journal schema. Migrations are never edited once released: a
/// database at version N has exactly run migrations 1..N, so a change is always a new one.
/// </summary>
public interface IMigration
{
    /// <summary>The <c>PRAGMA user_version</c> the database has after this migration.</summary>
    int Version { get; }

    string Description { get; }

    /// <summary>Runs inside the migrator's transaction; must not commit or use PRAGMAs that cannot run in one.</summary>
    void Apply(SqliteConnection connection, SqliteTransaction transaction);
}

/// <summary>A migration that is a fixed SQL script (most are).</summary>
public abstract class SqlMigration : IMigration
{
    public abstract int Version { get; }
    public abstract string Description { get; }
    protected abstract string Sql { get; }

    public void Apply(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = Sql;
        cmd.ExecuteNonQuery();
    }
}
