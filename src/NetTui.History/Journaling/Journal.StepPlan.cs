using NetTui.History.Facts;

namespace NetTui.History.Journaling;

public sealed partial class Journal
{
    /// <summary>
    /// Fills in how to reverse step <paramref name="seq"/> once it is known. The whole change-set
    /// is written ahead of its first command, but the inverse of a later operation can only be
    /// computed from the host as the earlier operations left it (just before that operation runs);
    /// this records it, with the step's own "before" facts, still before its first command.
    /// </summary>
    public Task SetStepPlanAsync(
        long changeSetId, int seq, string? inverseKind, string? inverseParametersJson, FactSet? beforeFacts, CancellationToken ct = default) =>
        WriteAsync(async (conn, tx) =>
        {
            await RequirePendingAsync(conn, tx, changeSetId, ct).ConfigureAwait(false);
            await using var cmd = Command(conn, tx, """
                UPDATE steps SET inverse_kind = $ikind, inverse_parameters = $iparams,
                    before_facts = COALESCE($before, before_facts)
                WHERE change_set_id = $cs AND seq = $seq
                """,
                ("$ikind", inverseKind), ("$iparams", inverseParametersJson), ("$before", beforeFacts?.ToJson()),
                ("$cs", changeSetId), ("$seq", seq));
            await RequireOneRowAsync(cmd, $"change-set #{changeSetId} has no step {seq}", ct).ConfigureAwait(false);
            return 0;
        }, ct);
}
