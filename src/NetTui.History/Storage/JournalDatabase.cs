using Microsoft.Data.Sqlite;
using NetTui.History.Schema;

namespace NetTui.History.Storage;

/// <summary>
/// The journal's SQLite file: created owner-only, in WAL mode (readers such as the TUI's
/// History view never block a writer), migrated to the current schema on open.
/// Hands out one short-lived connection per operation because connections are not
/// thread-safe and the TUI reads while an apply runs.
/// </summary>
public sealed class JournalDatabase
{
    /// <summary>How long a statement waits for another process's write before failing.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(15);

    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;

    public string Path { get; }

    /// <summary>The apply lock file, next to the database so one database means one lock.</summary>
    public string LockPath => Path + ".lock";

    private JournalDatabase(string path, TimeSpan busyTimeout)
    {
        Path = path;
        _busyTimeoutMs = (int)busyTimeout.TotalMilliseconds;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            DefaultTimeout = Math.Max(1, (int)busyTimeout.TotalSeconds),
            // No pool: a pooled connection keeps the file open after a test or a watchdog is
            // done with it, and opening a local file is cheap next to running `ip`.
            Pooling = false,
        }.ToString();
    }

    /// <summary>Opens (creating if needed) the journal at <paramref name="path"/>, migrating it to the latest schema.</summary>
    public static JournalDatabase Open(string path, TimeSpan? busyTimeout = null) =>
        Open(path, Migrations.All, busyTimeout);

    /// <summary>Same, but only up to the given migrations (tests build old-version files this way).</summary>
    public static JournalDatabase Open(string path, IReadOnlyList<IMigration> migrations, TimeSpan? busyTimeout = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(directory)) SecureFiles.EnsureDirectory(directory);
        // Create the file ourselves, 0600, before SQLite does with the umask's mode.
        // SQLite gives the -wal and -shm files the database file's mode.
        SecureFiles.EnsureOwnerOnlyFile(full);

        var db = new JournalDatabase(full, busyTimeout ?? DefaultBusyTimeout);
        using var conn = db.OpenConnection();
        EnableWal(conn);
        Migrations.MigrateTo(conn, migrations);
        return db;
    }

    public SqliteConnection OpenConnection()
    {
        var conn = new SqliteConnection(_connectionString);
        conn.Open();
        Configure(conn);
        return conn;
    }

    public async Task<SqliteConnection> OpenConnectionAsync(CancellationToken ct = default)
    {
        var conn = new SqliteConnection(_connectionString);
        await conn.OpenAsync(ct).ConfigureAwait(false);
        Configure(conn);
        return conn;
    }

    // Per-connection settings (they are not stored in the file). synchronous=FULL: the
    // write-ahead entry must survive a power cut or kernel panic caused by the change itself.
    private void Configure(SqliteConnection conn)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;";
        cmd.ExecuteNonQuery();
    }

    // WAL is a property of the file; it cannot be switched inside a transaction, so before migrating.
    private static void EnableWal(SqliteConnection conn)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode = WAL";
        var mode = cmd.ExecuteScalar() as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            throw new JournalSchemaException($"could not put {conn.DataSource} in WAL mode (got '{mode}'); is the file system local?");
    }
}
