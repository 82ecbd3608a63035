namespace NetTui.History.Schema;

/// <summary>
/// The journal proper: change-sets, their steps, the commands each step ran.
/// Statuses are plain text checked in code (not a CHECK constraint) so later versions can add
/// states without rebuilding the table, which SQLite cannot ALTER.
/// </summary>
public sealed class M001_InitialJournal : SqlMigration
{
    public override int Version => 1;
    public override string Description => "change-sets, steps and commands";

    protected override string Sql => """
        CREATE TABLE change_sets (
            id                 INTEGER PRIMARY KEY AUTOINCREMENT,
            uuid               TEXT NOT NULL UNIQUE,
            kind               TEXT NOT NULL,            -- change | undo | redo | rollback
            status             TEXT NOT NULL,            -- see ChangeSetStatus
            created_at         TEXT NOT NULL,            -- UTC, fixed width, sortable
            completed_at       TEXT,
            user_uid           INTEGER NOT NULL,
            user_name          TEXT NOT NULL,
            sudo_user          TEXT,
            namespace          TEXT,                     -- NULL = the host's own namespace
            summary            TEXT NOT NULL,
            reverts_id         INTEGER REFERENCES change_sets(id),  -- undo/redo/rollback: what it reverts
            writer_host        TEXT NOT NULL,
            writer_pid         INTEGER NOT NULL,
            writer_start_ticks INTEGER NOT NULL,         -- /proc start time: a recycled pid is not the writer
            before_facts       TEXT NOT NULL DEFAULT '{}',
            after_facts        TEXT NOT NULL DEFAULT '{}',
            error              TEXT
        );

        CREATE TABLE steps (
            id                 INTEGER PRIMARY KEY AUTOINCREMENT,
            change_set_id      INTEGER NOT NULL REFERENCES change_sets(id) ON DELETE CASCADE,
            seq                INTEGER NOT NULL,
            kind               TEXT NOT NULL,            -- operation kind, opaque to the journal
            parameters         TEXT NOT NULL,            -- operation parameters, JSON, opaque
            inverse_kind       TEXT,
            inverse_parameters TEXT,                     -- JSON, opaque; NULL = not reversible
            description        TEXT NOT NULL,
            status             TEXT NOT NULL,            -- see StepStatus
            before_facts       TEXT NOT NULL DEFAULT '{}',
            after_facts        TEXT NOT NULL DEFAULT '{}',
            started_at         TEXT,
            finished_at        TEXT,
            error              TEXT,
            UNIQUE (change_set_id, seq)
        );

        CREATE TABLE commands (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            step_id     INTEGER NOT NULL REFERENCES steps(id) ON DELETE CASCADE,
            seq         INTEGER NOT NULL,
            display     TEXT NOT NULL,                   -- as an admin would type it
            argv        TEXT NOT NULL,                   -- JSON array, exactly what ran
            exit_code   INTEGER NOT NULL,
            stdout      TEXT NOT NULL,
            stderr      TEXT NOT NULL,
            elapsed_ms  INTEGER NOT NULL,
            started_at  TEXT NOT NULL,
            UNIQUE (step_id, seq)
        );

        -- "newest first" is ORDER BY id DESC (the primary key); these serve crash detection and
        -- "rollback to 14:02".
        CREATE INDEX ix_change_sets_status ON change_sets(status, id);
        CREATE INDEX ix_change_sets_created ON change_sets(created_at);
        CREATE INDEX ix_change_sets_reverts ON change_sets(reverts_id);
        """;
}
