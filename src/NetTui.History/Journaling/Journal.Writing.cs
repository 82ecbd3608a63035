using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetTui.History.Facts;
using NetTui.History.Locking;

namespace NetTui.History.Journaling;

public sealed partial class Journal
{
    /// <summary>Command output kept per command: enough to diagnose, not enough to bloat the journal.</summary>
    public const int MaxOutputChars = 64 * 1024;

    /// <summary>
    /// Write-ahead: records the change-set and all its planned steps as pending, before any
    /// command runs, so that a crash at any later point leaves a record of what was under way
    /// and how to reverse it. Requires the apply lock, so change-sets never interleave.
    /// </summary>
    public async Task<long> BeginChangeSetAsync(
        ApplyLock applyLock, NewChangeSet changeSet, IReadOnlyList<PlannedStep> steps, CancellationToken ct = default)
    {
        if (!applyLock.IsHeld || applyLock.DatabasePath != _db.Path)
            throw new InvalidOperationException("a change-set can only be started while holding this journal's apply lock");
        if (changeSet.Kind != ChangeSetKind.Change && changeSet.RevertsId is null)
            throw new ArgumentException($"a {changeSet.Kind.ToText()} change-set must say which change-set it reverts", nameof(changeSet));

        return await WriteAsync(async (conn, tx) =>
        {
            var now = Now();
            await using var insert = Command(conn, tx, """
                INSERT INTO change_sets (uuid, kind, status, created_at, user_uid, user_name, sudo_user, namespace, summary,
                    reverts_id, writer_host, writer_pid, writer_start_ticks, before_facts)
                VALUES ($uuid, $kind, 'pending', $now, $uid, $user, $sudo, $ns, $summary,
                    $reverts, $host, $pid, $ticks, $before)
                RETURNING id
                """,
                ("$uuid", Guid.NewGuid().ToString()), ("$kind", changeSet.Kind.ToText()), ("$now", now),
                ("$uid", Self.UserId), ("$user", Self.UserName), ("$sudo", Self.SudoUser), ("$ns", changeSet.Namespace),
                ("$summary", changeSet.Summary), ("$reverts", changeSet.RevertsId), ("$host", Self.Host),
                ("$pid", Self.Pid), ("$ticks", Self.StartTicks), ("$before", (changeSet.BeforeFacts ?? FactSet.Empty).ToJson()));
            var id = (long)(await insert.ExecuteScalarAsync(ct).ConfigureAwait(false))!;

            for (var i = 0; i < steps.Count; i++)
            {
                var s = steps[i];
                await using var step = Command(conn, tx, """
                    INSERT INTO steps (change_set_id, seq, kind, parameters, inverse_kind, inverse_parameters, description, status, before_facts)
                    VALUES ($cs, $seq, $kind, $params, $ikind, $iparams, $desc, 'pending', $before)
                    """,
                    ("$cs", id), ("$seq", i + 1), ("$kind", s.Kind), ("$params", s.ParametersJson),
                    ("$ikind", s.InverseKind), ("$iparams", s.InverseParametersJson), ("$desc", s.Description),
                    ("$before", (s.BeforeFacts ?? FactSet.Empty).ToJson()));
                await step.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            return id;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>Marks step <paramref name="seq"/> (1-based) as started: after a crash, a started but pending step may be half-applied.</summary>
    public Task StartStepAsync(long changeSetId, int seq, CancellationToken ct = default) =>
        WriteAsync(async (conn, tx) =>
        {
            await RequirePendingAsync(conn, tx, changeSetId, ct).ConfigureAwait(false);
            await using var cmd = Command(conn, tx,
                "UPDATE steps SET started_at = COALESCE(started_at, $now) WHERE change_set_id = $cs AND seq = $seq",
                ("$now", Now()), ("$cs", changeSetId), ("$seq", seq));
            await RequireOneRowAsync(cmd, $"change-set #{changeSetId} has no step {seq}", ct).ConfigureAwait(false);
            return 0;
        }, ct);

    /// <summary>Appends one command a step ran (call right after it finishes, so a crash loses none).</summary>
    public Task RecordCommandAsync(long changeSetId, int seq, CommandRecord command, CancellationToken ct = default) =>
        WriteAsync(async (conn, tx) =>
        {
            await RequirePendingAsync(conn, tx, changeSetId, ct).ConfigureAwait(false);
            var stepId = await StepIdAsync(conn, tx, changeSetId, seq, ct).ConfigureAwait(false);
            await InsertCommandAsync(conn, tx, stepId, command, ct).ConfigureAwait(false);
            await using var start = Command(conn, tx, "UPDATE steps SET started_at = COALESCE(started_at, $t) WHERE id = $id",
                ("$t", Storage.JournalTime.ToText(command.StartedAt)), ("$id", stepId));
            await start.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return 0;
        }, ct);

    /// <summary>
    /// Records how step <paramref name="seq"/> ended, with any commands not yet recorded and
    /// the facts it left behind.
    /// </summary>
    public Task RecordStepAsync(
        long changeSetId, int seq, StepStatus status, IReadOnlyList<CommandRecord>? commands = null,
        FactSet? afterFacts = null, string? error = null, CancellationToken ct = default)
    {
        if (status == StepStatus.Pending) throw new ArgumentException("a step is recorded when it has ended", nameof(status));
        return WriteAsync(async (conn, tx) =>
        {
            await RequirePendingAsync(conn, tx, changeSetId, ct).ConfigureAwait(false);
            var stepId = await StepIdAsync(conn, tx, changeSetId, seq, ct).ConfigureAwait(false);
            foreach (var c in commands ?? [])
                await InsertCommandAsync(conn, tx, stepId, c, ct).ConfigureAwait(false);
            var now = Now();
            await using var cmd = Command(conn, tx, """
                UPDATE steps SET status = $status, error = $error, finished_at = $now,
                    started_at = COALESCE(started_at, $now),
                    after_facts = COALESCE($after, after_facts)
                WHERE id = $id
                """,
                ("$status", status.ToText()), ("$error", error), ("$now", now), ("$after", afterFacts?.ToJson()), ("$id", stepId));
            await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return 0;
        }, ct);
    }

    /// <summary>
    /// Ends a pending change-set as <see cref="ChangeSetStatus.Applied"/> or <see cref="ChangeSetStatus.Failed"/>.
    /// When an undo, redo or rollback is applied, the change-set it reverts is marked undone or
    /// rolled back in the same transaction, so the history never shows both as in effect.
    /// </summary>
    public Task CompleteAsync(long changeSetId, ChangeSetStatus status, FactSet? afterFacts = null, string? error = null, CancellationToken ct = default)
    {
        if (status is not (ChangeSetStatus.Applied or ChangeSetStatus.Failed or ChangeSetStatus.NeedsRepair))
            throw new ArgumentException($"a change-set completes as applied, failed or needs_repair, not {status.ToText()} (see CompleteAwaitingConfirmationAsync)", nameof(status));
        return CompleteCoreAsync(changeSetId, status, afterFacts, error, confirmDeadline: null, ct);
    }

    private Task CompleteCoreAsync(long changeSetId, ChangeSetStatus status, FactSet? afterFacts, string? error,
        DateTimeOffset? confirmDeadline, CancellationToken ct) =>
        WriteAsync(async (conn, tx) =>
        {
            await using var update = Command(conn, tx, """
                UPDATE change_sets SET status = $status, completed_at = $now, after_facts = $after, error = $error,
                    confirm_deadline = $deadline
                WHERE id = $id AND status = 'pending'
                RETURNING kind, reverts_id
                """,
                ("$status", status.ToText()), ("$now", Now()), ("$after", (afterFacts ?? FactSet.Empty).ToJson()),
                ("$error", error), ("$deadline", confirmDeadline is { } d ? Storage.JournalTime.ToText(d) : null), ("$id", changeSetId));
            string kindText;
            long? revertsId;
            await using (var r = await update.ExecuteReaderAsync(ct).ConfigureAwait(false))
            {
                if (!await r.ReadAsync(ct).ConfigureAwait(false))
                    throw await NotPendingAsync(conn, tx, changeSetId, ct).ConfigureAwait(false);
                kindText = r.GetString(0);
                revertsId = r.IsDBNull(1) ? null : r.GetInt64(1);
            }

            var kind = StatusText.ParseKind(kindText);
            if (status is not (ChangeSetStatus.Failed or ChangeSetStatus.NeedsRepair) && kind != ChangeSetKind.Change && revertsId is { } target)
                await MarkRevertedAsync(conn, tx, target,
                    kind == ChangeSetKind.Rollback ? ChangeSetStatus.RolledBack : ChangeSetStatus.Undone, ct).ConfigureAwait(false);
            return 0;
        }, ct);

    /// <summary>Marks a change-set undone without a reverting change-set (e.g. reverted by hand outside NetTui).</summary>
    public Task MarkUndoneAsync(long changeSetId, CancellationToken ct = default) =>
        WriteAsync(async (conn, tx) => { await MarkRevertedAsync(conn, tx, changeSetId, ChangeSetStatus.Undone, ct).ConfigureAwait(false); return 0; }, ct);

    /// <summary>Marks a change-set rolled back (e.g. a crashed pending change-set whose applied steps the executor reversed).</summary>
    public Task MarkRolledBackAsync(long changeSetId, CancellationToken ct = default) =>
        WriteAsync(async (conn, tx) => { await MarkRevertedAsync(conn, tx, changeSetId, ChangeSetStatus.RolledBack, ct).ConfigureAwait(false); return 0; }, ct);

    // Only a change-set that is (or may be) in effect on the host can be reverted.
    private async Task MarkRevertedAsync(SqliteConnection conn, SqliteTransaction tx, long id, ChangeSetStatus newStatus, CancellationToken ct)
    {
        await using var cmd = Command(conn, tx, """
            UPDATE change_sets SET status = $status
            WHERE id = $id AND status IN ('applied', 'pending', 'confirm_pending', 'confirm_expired', 'needs_repair')
            """, ("$status", newStatus.ToText()), ("$id", id));
        if (await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1) return;
        var current = await StatusOfAsync(conn, tx, id, ct).ConfigureAwait(false);
        throw new InvalidOperationException(current is null
            ? $"change-set #{id} does not exist"
            : $"change-set #{id} is {current.Value.ToText()}, it cannot become {newStatus.ToText()}");
    }

    private static async Task InsertCommandAsync(SqliteConnection conn, SqliteTransaction tx, long stepId, CommandRecord c, CancellationToken ct)
    {
        await using var cmd = Command(conn, tx, """
            INSERT INTO commands (step_id, seq, display, argv, exit_code, stdout, stderr, elapsed_ms, started_at)
            VALUES ($step, (SELECT COALESCE(MAX(seq), 0) + 1 FROM commands WHERE step_id = $step),
                    $display, $argv, $exit, $stdout, $stderr, $elapsed, $started)
            """,
            ("$step", stepId), ("$display", c.Display), ("$argv", JsonSerializer.Serialize(c.Argv, HistoryJsonContext.Default.ImmutableArrayString)),
            ("$exit", c.ExitCode), ("$stdout", Truncate(c.StandardOutput)), ("$stderr", Truncate(c.StandardError)),
            ("$elapsed", (long)c.Elapsed.TotalMilliseconds), ("$started", Storage.JournalTime.ToText(c.StartedAt)));
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static string Truncate(string s) =>
        s.Length <= MaxOutputChars ? s : s[..MaxOutputChars] + $"\n[... {s.Length - MaxOutputChars} more characters not kept]";

    private static async Task<long> StepIdAsync(SqliteConnection conn, SqliteTransaction tx, long changeSetId, int seq, CancellationToken ct)
    {
        await using var cmd = Command(conn, tx, "SELECT id FROM steps WHERE change_set_id = $cs AND seq = $seq", ("$cs", changeSetId), ("$seq", seq));
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is long id
            ? id
            : throw new InvalidOperationException($"change-set #{changeSetId} has no step {seq}");
    }

    // Steps of a finished change-set are history; writing to them would rewrite what happened.
    private static async Task RequirePendingAsync(SqliteConnection conn, SqliteTransaction tx, long id, CancellationToken ct)
    {
        var status = await StatusOfAsync(conn, tx, id, ct).ConfigureAwait(false);
        if (status != ChangeSetStatus.Pending) throw await NotPendingAsync(conn, tx, id, ct).ConfigureAwait(false);
    }

    private static async Task<InvalidOperationException> NotPendingAsync(SqliteConnection conn, SqliteTransaction tx, long id, CancellationToken ct)
    {
        var status = await StatusOfAsync(conn, tx, id, ct).ConfigureAwait(false);
        return new InvalidOperationException(status is null
            ? $"change-set #{id} does not exist"
            : $"change-set #{id} is {status.Value.ToText()}, not pending");
    }

    private static async Task RequireOneRowAsync(SqliteCommand cmd, string error, CancellationToken ct)
    {
        if (await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false) != 1) throw new InvalidOperationException(error);
    }
}
