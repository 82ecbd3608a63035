namespace NetTui.History.Schema;

/// <summary>
/// Who holds the apply lock. The lock itself is an flock on a file next to the database (the
/// kernel drops it when the holder dies); this single row only lets the process that is
/// refused say who is in the way, since an flocked file cannot be read by the waiter.
/// </summary>
public sealed class M003_ApplyLockHolder : SqlMigration
{
    public override int Version => 3;
    public override string Description => "apply lock holder";

    protected override string Sql => """
        CREATE TABLE apply_lock_holder (
            id           INTEGER PRIMARY KEY CHECK (id = 1),
            host         TEXT NOT NULL,
            pid          INTEGER NOT NULL,
            start_ticks  INTEGER NOT NULL,
            user_uid     INTEGER NOT NULL,
            user_name    TEXT NOT NULL,
            sudo_user    TEXT,
            purpose      TEXT NOT NULL,
            since        TEXT NOT NULL
        );
        """;
}
