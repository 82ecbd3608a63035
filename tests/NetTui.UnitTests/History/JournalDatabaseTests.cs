using Microsoft.Data.Sqlite;
using NetTui.History.Journaling;
using NetTui.History.Schema;
using NetTui.History.Storage;

namespace NetTui.UnitTests.History;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class JournalDatabaseTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly TempJournal _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void A_new_database_gets_the_whole_schema_and_the_latest_version()
    {
        var db = JournalDatabase.Open(_tmp.DbPath);

        using var conn = db.OpenConnection();
        Assert.Equal(Migrations.LatestVersion, Migrations.CurrentVersion(conn));
        var tables = Strings(conn, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        Assert.Superset(new HashSet<string> { "change_sets", "steps", "commands", "apply_lock_holder" }, tables.ToHashSet());
        Assert.Contains("confirm_deadline", Strings(conn, "SELECT name FROM pragma_table_info('change_sets')"));
    }

    [Fact]
    public void The_file_is_in_wal_mode_with_foreign_keys_on()
    {
        var db = JournalDatabase.Open(_tmp.DbPath);

        // A fresh connection: journal_mode is a property of the file, foreign_keys of our connections.
        using var conn = db.OpenConnection();
        Assert.Equal("wal", Strings(conn, "PRAGMA journal_mode").Single());
        Assert.Equal("1", Strings(conn, "PRAGMA foreign_keys").Single());
        Assert.NotEqual("0", Strings(conn, "PRAGMA busy_timeout").Single());
        // Foreign keys are enforced: a step for a change-set that does not exist is refused.
        var ex = Assert.Throws<SqliteException>(() => Exec(conn,
            "INSERT INTO steps (change_set_id, seq, kind, parameters, description, status) VALUES (999, 1, 'k', '{}', 'd', 'pending')"));
        Assert.Contains("FOREIGN KEY", ex.Message);
    }

    [Fact]
    public async Task The_database_its_wal_and_its_lock_are_owner_only()
    {
        var journal = _tmp.Open();
        // SQLite removes the -wal file when the last connection closes: keep one open.
        using var reader = journal.Database.OpenConnection();
        Strings(reader, "SELECT count(*) FROM change_sets");
        await JournalScript.ApplyAsync(journal, "br0", "create");

        Assert.True(File.Exists(_tmp.DbPath + "-wal"));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(_tmp.DbPath));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(_tmp.DbPath + "-wal"));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(_tmp.DbPath + "-shm"));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(_tmp.DbPath + ".lock"));
        Assert.Equal(OwnerOnly | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(_tmp.DbPath)!));
    }

    [Fact]
    public void An_existing_world_readable_file_is_tightened_to_0600()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_tmp.DbPath)!);
        File.WriteAllBytes(_tmp.DbPath, []);
        File.SetUnixFileMode(_tmp.DbPath, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        JournalDatabase.Open(_tmp.DbPath);

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(_tmp.DbPath));
    }

    [Fact]
    public async Task A_version_1_database_migrates_forward_keeping_its_history()
    {
        // Build a file exactly as the first release left it, with one change-set in it.
        var v1 = JournalDatabase.Open(_tmp.DbPath, [.. Migrations.All.Take(1)]);
        using (var conn = v1.OpenConnection())
        {
            Assert.Equal(1, Migrations.CurrentVersion(conn));
            Assert.DoesNotContain("confirm_deadline", Strings(conn, "SELECT name FROM pragma_table_info('change_sets')"));
            Exec(conn, """
                INSERT INTO change_sets (uuid, kind, status, created_at, user_uid, user_name, namespace, summary,
                    writer_host, writer_pid, writer_start_ticks)
                VALUES ('6f1c1c9e-7d3c-4e55-9f9e-0a4b7f0e2c11', 'change', 'applied', '2026-11-28T14:02:11.000Z', 0, 'root',
                    'lab', 'bridge add br0', 'host', 1, 0)
                """);
        }

        var journal = new Journal(JournalDatabase.Open(_tmp.DbPath));

        using (var conn = journal.Database.OpenConnection())
            Assert.Equal(Migrations.LatestVersion, Migrations.CurrentVersion(conn));
        var old = Assert.Single(await journal.ListAsync(ct: Ct));
        Assert.Equal("bridge add br0", old.Summary);
        Assert.Equal(ChangeSetStatus.Applied, old.Status);
        Assert.Null(old.ConfirmDeadline);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 14, 2, 11, TimeSpan.Zero), old.CreatedAt);
        // The new parts work on the migrated file.
        Assert.Null(await NetTui.History.Locking.ApplyLock.ReadHolderAsync(journal.Database, ct: Ct));
        await JournalScript.ApplyAsync(journal, "br1", "create");
        Assert.Equal(2, (await journal.ListAsync(ct: Ct)).Count);
    }

    [Fact]
    public void Opening_again_does_not_rerun_migrations()
    {
        JournalDatabase.Open(_tmp.DbPath);
        // Migration 1 would fail ("table change_sets already exists") if it ran twice.
        var again = JournalDatabase.Open(_tmp.DbPath);
        using var conn = again.OpenConnection();
        Assert.Equal(Migrations.LatestVersion, Migrations.CurrentVersion(conn));
    }

    [Fact]
    public void A_database_from_a_newer_nettui_is_refused_not_downgraded()
    {
        var db = JournalDatabase.Open(_tmp.DbPath);
        using (var conn = db.OpenConnection())
            Exec(conn, $"PRAGMA user_version = {Migrations.LatestVersion + 1}");

        var ex = Assert.Throws<JournalSchemaException>(() => JournalDatabase.Open(_tmp.DbPath));
        Assert.Contains("newer", ex.Message);
    }

    [Fact]
    public void A_failing_migration_leaves_the_database_at_its_old_version()
    {
        JournalDatabase.Open(_tmp.DbPath, [.. Migrations.All.Take(1)]);

        Assert.ThrowsAny<SqliteException>(() =>
            JournalDatabase.Open(_tmp.DbPath, [.. Migrations.All.Take(1), new BrokenMigration()]));

        using var conn = JournalDatabase.Open(_tmp.DbPath, [.. Migrations.All.Take(1)]).OpenConnection();
        Assert.Equal(1, Migrations.CurrentVersion(conn));
        // Its first statement was rolled back with the rest.
        Assert.DoesNotContain("half_done", Strings(conn, "SELECT name FROM sqlite_master"));
    }

    [Fact]
    public void Migration_versions_are_consecutive_from_one()
    {
        Migrations.Validate(Migrations.All);
        Assert.Throws<InvalidOperationException>(() => Migrations.Validate([Migrations.All[0], Migrations.All[2]]));
    }

    private sealed class BrokenMigration : SqlMigration
    {
        public override int Version => 2;
        public override string Description => "fails half-way";
        protected override string Sql => "CREATE TABLE half_done (x); INSERT INTO no_such_table VALUES (1);";
    }

    private static void Exec(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static List<string> Strings(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read()) list.Add(Convert.ToString(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return list;
    }
}
