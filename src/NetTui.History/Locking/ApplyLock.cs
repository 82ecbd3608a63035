using Microsoft.Data.Sqlite;
using NetTui.History.Storage;

namespace NetTui.History.Locking;

/// <summary>
/// One change-set at a time per journal and per target (<see cref="TargetLocks"/>: the namespace
/// and OVSDB, whichever journal): an exclusive flock on "&lt;db&gt;.lock", held from
/// before the first command of a change-set until it is completed. flock is released by the
/// kernel when the holder dies (even by SIGKILL), so a crash never leaves the host locked,
/// and "lock free but change-set pending" proves the writer is gone. SQLite's own locking
/// protects the file; this lock keeps change-sets (and the host) from interleaving.
/// </summary>
public sealed class ApplyLock : IDisposable, IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly JournalDatabase _db;
    private FileStream? _file;
    // The target's locks (namespace, OVSDB), held as long as the journal's; released after it.
    private IReadOnlyList<FileStream> _targets = [];

    public ProcessIdentity Owner { get; }
    public string Purpose { get; }
    public DateTimeOffset Since { get; }
    public bool IsHeld => _file is not null;
    internal string DatabasePath => _db.Path;

    private ApplyLock(JournalDatabase db, FileStream file, ProcessIdentity owner, string purpose, DateTimeOffset since)
    {
        _db = db;
        _file = file;
        Owner = owner;
        Purpose = purpose;
        Since = since;
    }

    /// <summary>
    /// Takes the lock, waiting up to <paramref name="wait"/> (zero: try once). Throws
    /// <see cref="JournalLockedException"/> naming the holder when it stays taken.
    /// </summary>
    public static async Task<ApplyLock> AcquireAsync(
        JournalDatabase db, string purpose, TimeSpan wait, ProcessIdentity owner, TimeProvider time, CancellationToken ct = default) =>
        await AcquireAsync(db, TargetLocks.None, purpose, wait, owner, time, ct).ConfigureAwait(false);

    /// <summary>
    /// The same, with the locks of what is changed (<paramref name="targets"/>: the namespace and
    /// OVSDB, whatever journal another NetTui uses) taken first, in a fixed order, then the journal's.
    /// </summary>
    public static async Task<ApplyLock> AcquireAsync(
        JournalDatabase db, TargetLocks targets, string purpose, TimeSpan wait, ProcessIdentity owner, TimeProvider time, CancellationToken ct = default)
    {
        var useTargets = targets.Prepare();
        // .NET implements FileShare.None with flock(LOCK_EX); with locking switched off it would silently not lock.
        if (AppContext.TryGetSwitch("System.IO.DisableFileLocking", out var disabled) && disabled ||
            Environment.GetEnvironmentVariable("DOTNET_SYSTEM_IO_DISABLEFILELOCKING") is "1" or "true")
            throw new InvalidOperationException("file locking is disabled (DOTNET_SYSTEM_IO_DISABLEFILELOCKING); NetTui cannot serialise changes");

        // Waiting is measured on the monotonic clock; the TimeProvider only stamps "since".
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var (held, busy) = useTargets ? TryLockTargets(targets) : ([], null);
            var file = busy is null ? TryLock(db.LockPath) : null;
            if (file is null)
                foreach (var t in held) await t.DisposeAsync().ConfigureAwait(false);
            if (file is not null)
            {
                var since = time.GetUtcNow();
                try
                {
                    await WriteHolderAsync(db, owner, purpose, since, ct).ConfigureAwait(false);
                }
                catch
                {
                    await file.DisposeAsync().ConfigureAwait(false);
                    foreach (var t in held) await t.DisposeAsync().ConfigureAwait(false);
                    throw;
                }
                return new ApplyLock(db, file, owner, purpose, since) { _targets = held };
            }

            var waited = waiting.Elapsed;
            if (waited >= wait)
                throw busy is { } target
                    ? new JournalLockedException(null, waited, target.Path, $"another NetTui process is changing {target.Target.What} (lock {target.Path}, whatever its journal)")
                    : new JournalLockedException(await ReadHolderAsync(db, ct).ConfigureAwait(false), waited, db.LockPath);
            await Task.Delay(PollInterval, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Every lock of <paramref name="targets"/>, or none and the first one another process holds.</summary>
    private static (IReadOnlyList<FileStream> Held, (TargetLocks.Target Target, string Path)? Busy) TryLockTargets(TargetLocks targets)
    {
        var held = new List<FileStream>();
        foreach (var (target, path) in targets.Files)
        {
            if (TryLock(path) is { } f) { held.Add(f); continue; }
            foreach (var h in held) h.Dispose();
            return ([], (target, path));
        }
        return (held, null);
    }

    /// <summary>The current holder as recorded, or null when nobody (alive) holds the lock.</summary>
    public static async Task<LockHolder?> ReadHolderAsync(JournalDatabase db, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT host, pid, start_ticks, user_uid, user_name, sudo_user, purpose, since FROM apply_lock_holder WHERE id = 1";
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await r.ReadAsync(ct).ConfigureAwait(false)) return null;
        var holder = new LockHolder(r.GetString(0), r.GetInt32(1), r.GetInt64(2), r.GetInt32(3), r.GetString(4),
            r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6), JournalTime.FromText(r.GetString(7)));
        // A row left by a holder that died is history, not a holder.
        return holder.Host == Environment.MachineName && !ProcessLiveness.IsAlive(holder.Pid, holder.StartTicks) ? null : holder;
    }

    /// <summary>
    /// Takes the lock for a moment without recording a holder: non-null means nobody is
    /// applying. Dispose it promptly. Null when it is held (possibly by this very process).
    /// </summary>
    internal static FileStream? TryProbe(JournalDatabase db) => TryLock(db.LockPath);

    // O_CLOEXEC (always set by .NET) keeps the lock out of the commands the executor runs
    // and out of the watchdog, so it lives exactly as long as this FileStream.
    // Not re-entrant: a second acquire in the same process is refused like any other.
    private static FileStream? TryLock(string path)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("the apply lock needs flock");
        try
        {
            // Created 0600 or checked first (a planted link or another user's file is refused),
            // then opened by name and checked again through the handle: it must be that file.
            SecureFiles.EnsureOwnerOnlyFile(path);
            var file = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.ReadWrite,
                Share = FileShare.None,
            });
            try { global::NetTui.Files.OwnerOnlyFile.CheckOpened(path, file.SafeFileHandle); }
            catch { file.Dispose(); throw; }
            return file;
        }
        catch (IOException e) when (e is not global::NetTui.Files.UnsafeFileException && File.Exists(path))
        {
            // EWOULDBLOCK from flock surfaces as a sharing-violation IOException.
            return null;
        }
    }

    private static async Task WriteHolderAsync(JournalDatabase db, ProcessIdentity o, string purpose, DateTimeOffset since, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = """
            INSERT OR REPLACE INTO apply_lock_holder (id, host, pid, start_ticks, user_uid, user_name, sudo_user, purpose, since)
            VALUES (1, $host, $pid, $ticks, $uid, $user, $sudo, $purpose, $since)
            """;
        cmd.Parameters.AddWithValue("$host", o.Host);
        cmd.Parameters.AddWithValue("$pid", o.Pid);
        cmd.Parameters.AddWithValue("$ticks", o.StartTicks);
        cmd.Parameters.AddWithValue("$uid", o.UserId);
        cmd.Parameters.AddWithValue("$user", o.UserName);
        cmd.Parameters.AddWithValue("$sudo", (object?)o.SudoUser ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$purpose", purpose);
        cmd.Parameters.AddWithValue("$since", JournalTime.ToText(since));
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Clears the holder row, then releases the flock (so no one reads our row after we let go).</summary>
    public async ValueTask DisposeAsync()
    {
        var file = Interlocked.Exchange(ref _file, null);
        if (file is null) return;
        try
        {
            await using var conn = await _db.OpenConnectionAsync().ConfigureAwait(false);
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "DELETE FROM apply_lock_holder WHERE id = 1 AND pid = $pid AND host = $host";
            cmd.Parameters.AddWithValue("$pid", Owner.Pid);
            cmd.Parameters.AddWithValue("$host", Owner.Host);
            await cmd.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (SqliteException)
        {
            // A stale row is harmless (the next holder overwrites it, readers check liveness); releasing the lock is not optional.
        }
        finally
        {
            await file.DisposeAsync().ConfigureAwait(false);
            foreach (var t in _targets) await t.DisposeAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
