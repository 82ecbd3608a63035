using Microsoft.Data.Sqlite;
using NetTui.History.Facts;
using NetTui.History.Storage;

namespace NetTui.History.Journaling;

/// <summary>Row → record mapping, kept apart from the queries so every query selects the same columns.</summary>
internal static class ChangeSetReader
{
    public const string Columns = """
        id, uuid, kind, status, created_at, completed_at, user_uid, user_name, sudo_user, namespace, summary,
        reverts_id, writer_host, writer_pid, writer_start_ticks, before_facts, after_facts, error,
        confirm_deadline, confirmed_at, watchdog_pid, nm_checkpoint
        """;

    public static ChangeSet Read(SqliteDataReader r) => new(
        Id: r.GetInt64(0),
        Uuid: Guid.Parse(r.GetString(1)),
        Kind: StatusText.ParseKind(r.GetString(2)),
        Status: StatusText.ParseChangeSetStatus(r.GetString(3)),
        CreatedAt: JournalTime.FromText(r.GetString(4)),
        CompletedAt: JournalTime.FromNullable(r.GetValue(5)),
        UserId: r.GetInt32(6),
        UserName: r.GetString(7),
        SudoUser: r.IsDBNull(8) ? null : r.GetString(8),
        Namespace: r.IsDBNull(9) ? null : r.GetString(9),
        Summary: r.GetString(10),
        RevertsId: r.IsDBNull(11) ? null : r.GetInt64(11),
        WriterHost: r.GetString(12),
        WriterPid: r.GetInt32(13),
        WriterStartTicks: r.GetInt64(14),
        BeforeFacts: FactSet.FromJson(r.GetString(15)),
        AfterFacts: FactSet.FromJson(r.GetString(16)),
        Error: r.IsDBNull(17) ? null : r.GetString(17),
        ConfirmDeadline: JournalTime.FromNullable(r.GetValue(18)),
        ConfirmedAt: JournalTime.FromNullable(r.GetValue(19)),
        WatchdogPid: r.IsDBNull(20) ? null : r.GetInt32(20))
    {
        NmCheckpoint = r.IsDBNull(21) ? null : r.GetString(21),
    };

    public static async Task<List<ChangeSet>> ReadAllAsync(SqliteCommand cmd, CancellationToken ct)
    {
        var list = new List<ChangeSet>();
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false)) list.Add(Read(r));
        return list;
    }
}
