using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetTui.History.Facts;
using NetTui.History.Planning;
using NetTui.History.Storage;

namespace NetTui.History.Journaling;

public sealed partial class Journal
{
    private const string SelectChangeSets = "SELECT " + ChangeSetReader.Columns + " FROM change_sets";

    /// <summary>Newest first (by id: the order they were written, whatever the clock did). <paramref name="beforeId"/> pages further back.</summary>
    public Task<IReadOnlyList<ChangeSet>> ListAsync(int limit = 50, long? beforeId = null, CancellationToken ct = default) =>
        QueryAsync(SelectChangeSets + " WHERE ($before IS NULL OR id < $before) ORDER BY id DESC LIMIT $limit",
            ct, ("$before", beforeId), ("$limit", limit));

    /// <summary>Every change-set, newest first (input for <see cref="UndoPlanner"/>).</summary>
    public Task<IReadOnlyList<ChangeSet>> ListAllAsync(CancellationToken ct = default) =>
        QueryAsync(SelectChangeSets + " ORDER BY id DESC", ct);

    /// <summary>Change-sets written after <paramref name="id"/>, newest first ("rollback --to ID").</summary>
    public Task<IReadOnlyList<ChangeSet>> ListAfterAsync(long id, CancellationToken ct = default) =>
        QueryAsync(SelectChangeSets + " WHERE id > $id ORDER BY id DESC", ct, ("$id", id));

    /// <summary>Change-sets created at or after <paramref name="since"/>, newest first ("rollback --to 14:02").</summary>
    public Task<IReadOnlyList<ChangeSet>> ListSinceAsync(DateTimeOffset since, CancellationToken ct = default) =>
        QueryAsync(SelectChangeSets + " WHERE created_at >= $since ORDER BY id DESC", ct, ("$since", JournalTime.ToText(since)));

    /// <summary>The last <paramref name="count"/> applied change-sets not yet undone, newest first (what "undo N" reverts).</summary>
    public async Task<UndoPlan> PlanUndoAsync(int count, NamespaceScope? scope = null, CancellationToken ct = default) =>
        UndoPlanner.PlanUndo(await ListAllAsync(ct).ConfigureAwait(false), count, scope);

    /// <summary>The undone change-sets "redo N" brings back, most recently undone first.</summary>
    public async Task<UndoPlan> PlanRedoAsync(int count, NamespaceScope? scope = null, CancellationToken ct = default) =>
        UndoPlanner.PlanRedo(await ListAllAsync(ct).ConfigureAwait(false), count, scope);

    public async Task<UndoPlan> PlanRollbackToAsync(long id, NamespaceScope? scope = null, CancellationToken ct = default) =>
        UndoPlanner.PlanRollbackTo(await ListAllAsync(ct).ConfigureAwait(false), id, scope);

    public async Task<UndoPlan> PlanRollbackSinceAsync(DateTimeOffset since, NamespaceScope? scope = null, CancellationToken ct = default) =>
        UndoPlanner.PlanRollbackSince(await ListAllAsync(ct).ConfigureAwait(false), since, scope);

    /// <summary>One change-set with its steps and commands, or null.</summary>
    public Task<ChangeSetDetail?> GetAsync(long id, CancellationToken ct = default) =>
        ReadAsync(async conn =>
        {
            ChangeSet? cs;
            await using (var cmd = Command(conn, null, SelectChangeSets + " WHERE id = $id", ("$id", id)))
                cs = (await ChangeSetReader.ReadAllAsync(cmd, ct).ConfigureAwait(false)).FirstOrDefault();
            if (cs is null) return null;

            var commands = new Dictionary<long, ImmutableArray<CommandRecord>.Builder>();
            await using (var cmd = Command(conn, null, """
                SELECT c.step_id, c.display, c.argv, c.exit_code, c.stdout, c.stderr, c.elapsed_ms, c.started_at
                FROM commands c JOIN steps s ON s.id = c.step_id
                WHERE s.change_set_id = $id ORDER BY c.step_id, c.seq
                """, ("$id", id)))
            await using (var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
                while (await r.ReadAsync(ct).ConfigureAwait(false))
                {
                    if (!commands.TryGetValue(r.GetInt64(0), out var list))
                        commands[r.GetInt64(0)] = list = ImmutableArray.CreateBuilder<CommandRecord>();
                    list.Add(new CommandRecord(r.GetString(1),
                        JsonSerializer.Deserialize(r.GetString(2), HistoryJsonContext.Default.ImmutableArrayString),
                        r.GetInt32(3), r.GetString(4), r.GetString(5),
                        TimeSpan.FromMilliseconds(r.GetInt64(6)), JournalTime.FromText(r.GetString(7))));
                }

            var steps = ImmutableArray.CreateBuilder<JournalStep>();
            await using (var cmd = Command(conn, null, """
                SELECT id, seq, kind, parameters, description, inverse_kind, inverse_parameters, status,
                       before_facts, after_facts, started_at, finished_at, error
                FROM steps WHERE change_set_id = $id ORDER BY seq
                """, ("$id", id)))
            await using (var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
                while (await r.ReadAsync(ct).ConfigureAwait(false))
                    steps.Add(new JournalStep(
                        r.GetInt64(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetString(4),
                        r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6),
                        StatusText.ParseStepStatus(r.GetString(7)),
                        FactSet.FromJson(r.GetString(8)), FactSet.FromJson(r.GetString(9)),
                        JournalTime.FromNullable(r.GetValue(10)), JournalTime.FromNullable(r.GetValue(11)),
                        r.IsDBNull(12) ? null : r.GetString(12),
                        commands.TryGetValue(r.GetInt64(0), out var c) ? c.ToImmutable() : []));

            return new ChangeSetDetail(cs, steps.ToImmutable());
        }, ct);

    private Task<IReadOnlyList<ChangeSet>> QueryAsync(string sql, CancellationToken ct, params (string, object?)[] args) =>
        ReadAsync<IReadOnlyList<ChangeSet>>(async conn =>
        {
            await using var cmd = Command(conn, null, sql, args);
            return await ChangeSetReader.ReadAllAsync(cmd, ct).ConfigureAwait(false);
        }, ct);

    /// <summary>The database's own consistency check ("ok" when sound).</summary>
    public Task<string> IntegrityCheckAsync(CancellationToken ct = default) =>
        ReadAsync(async conn =>
        {
            await using var cmd = Command(conn, null, "PRAGMA integrity_check");
            var lines = new List<string>();
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false)) lines.Add(r.GetString(0));
            return string.Join("\n", lines);
        }, ct);
}
