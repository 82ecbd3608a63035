namespace NetTui.History.Schema;

/// <summary>
/// The NetworkManager checkpoint (its D-Bus object path) that backs a commit-confirmed change
/// of NM-managed profiles: `nettui confirm` destroys it, the watchdog rolls it back.
/// </summary>
public sealed class M004_NmCheckpoint : SqlMigration
{
    public override int Version => 4;
    public override string Description => "NetworkManager checkpoint of a commit-confirmed change";

    protected override string Sql => """
        ALTER TABLE change_sets ADD COLUMN nm_checkpoint TEXT;
        """;
}
