using NetTui.Core.Operations;
using NetTui.Core.Persisting;
using NetTui.History.Journaling;

namespace NetTui.Recording;

/// <summary>
/// The NetworkManager checkpoint of one commit-confirmed change (docs/commit-confirmed.md).
/// Made only when every operation of the change is persisted through NetworkManager: then
/// NetworkManager's rollback is the whole rollback, and it happens even if NetTui and its
/// watchdog die. (A change with runtime or OVS parts too is left to the watchdog, whose inverse
/// steps cover everything.) Taken right after the write-ahead, before the first command, and
/// recorded in the journal for the watchdog and `nettui confirm`.
/// </summary>
internal sealed class CommitCheckpoint(INmCheckpoints nm, TimeSpan window)
{
    /// <summary>NetworkManager's own rollback comes this long after the journal's deadline, so the watchdog (which journals it) acts first.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    /// <summary>While applying, NetworkManager's timer is at least this long, so a slow activation is not rolled back under the executor.</summary>
    public static readonly TimeSpan ApplyAllowance = TimeSpan.FromSeconds(30);

    private string? _path;
    private string? _error;

    public static CommitCheckpoint? For(INmCheckpoints? nm, IReadOnlyList<Operation> ops, TimeSpan? confirmWithin) =>
        nm is not null && confirmWithin is { } window && ops.Count > 0 && ops.All(o => o is PersistedOperation)
            ? new CommitCheckpoint(nm, window)
            : null;

    public async Task BeginAsync(Journal journal, long changeSetId, CancellationToken ct)
    {
        (_path, _error) = await nm.CreateAsync(window > ApplyAllowance ? window : ApplyAllowance, ct).ConfigureAwait(false);
        if (_path is not null) await journal.SetNmCheckpointAsync(changeSetId, _path, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Applied and awaiting confirmation: NetworkManager's timer is set to the confirmation
    /// window (plus <see cref="Grace"/>) from now. Not applied (the executor undid it): the
    /// checkpoint goes, or it would later roll back whatever the admin did next.
    /// </summary>
    public async Task<IReadOnlyList<string>> EndAsync(DateTimeOffset? deadline, TimeProvider time, CancellationToken ct)
    {
        if (_path is null)
            return _error is null ? [] : [$"no NetworkManager checkpoint ({_error}); the watchdog alone will roll the change back"];
        if (deadline is { } d)
        {
            var error = await nm.AdjustAsync(_path, d - time.GetUtcNow() + Grace, ct).ConfigureAwait(false);
            return [error is null
                ? $"NetworkManager checkpoint {_path} rolls the change back by itself if it is not confirmed, even without NetTui"
                : $"NetworkManager checkpoint {_path}: could not set its timer ({error}); it rolls back {ApplyAllowance.TotalSeconds:0} s after the change began at the latest"];
        }
        var destroyed = await nm.DestroyAsync(_path, ct).ConfigureAwait(false);
        return destroyed is null ? [] : [$"NetworkManager checkpoint {_path} could not be removed ({destroyed})"];
    }
}
