namespace NetTui.History.Schema;

/// <summary>
/// Commit-confirmed (<c>--confirm-within S</c>): the deadline, when it was confirmed, and the
/// watchdog that will roll it back otherwise (so a second start can tell whether one is alive).
/// </summary>
public sealed class M002_CommitConfirmed : SqlMigration
{
    public override int Version => 2;
    public override string Description => "commit-confirmed deadline and watchdog";

    protected override string Sql => """
        ALTER TABLE change_sets ADD COLUMN confirm_deadline TEXT;
        ALTER TABLE change_sets ADD COLUMN confirmed_at TEXT;
        ALTER TABLE change_sets ADD COLUMN watchdog_pid INTEGER;
        CREATE INDEX ix_change_sets_deadline ON change_sets(confirm_deadline) WHERE confirm_deadline IS NOT NULL;
        """;
}
