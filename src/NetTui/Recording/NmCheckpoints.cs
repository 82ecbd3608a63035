using NetTui.Host.NetworkManager;

namespace NetTui.Recording;

/// <summary>The NetworkManager checkpoint calls a commit-confirmed change makes (a test records them instead).</summary>
public interface INmCheckpoints
{
    Task<(string? Path, string? Error)> CreateAsync(TimeSpan timeout, CancellationToken ct = default);
    Task<string?> AdjustAsync(string path, TimeSpan timeout, CancellationToken ct = default);
    Task<string?> DestroyAsync(string path, CancellationToken ct = default);
    Task<string?> RollbackAsync(string path, CancellationToken ct = default);
}

/// <summary>
/// The NetworkManager checkpoints behind commit-confirmed changes of NM-managed profiles
/// (docs/commit-confirmed.md). Each call opens its own bus connection: the watchdog and
/// `nettui confirm` are separate processes, and a failure is a message, never an exception,
/// because the journal's own rollback remains the fallback.
/// </summary>
public sealed class NmCheckpoints(string? busAddress) : INmCheckpoints
{
    /// <summary>A checkpoint of all devices that NetworkManager rolls back by itself after <paramref name="timeout"/>; (path, null) or (null, why not).</summary>
    public async Task<(string? Path, string? Error)> CreateAsync(TimeSpan timeout, CancellationToken ct = default)
    {
        using var client = new NmClient(busAddress);
        try { return ((await NmCheckpoint.BeginAsync(client, timeout, ct: ct).ConfigureAwait(false)).Path, null); }
        catch (NetworkManagerException e) { return (null, e.Message); }
    }

    /// <summary>Sets NetworkManager's own rollback to <paramref name="timeout"/> from now.</summary>
    public Task<string?> AdjustAsync(string path, TimeSpan timeout, CancellationToken ct = default) =>
        CallAsync(c => new NmCheckpoint(c, path).ExtendAsync(timeout, ct));

    /// <summary>Keeps the change: the checkpoint goes (after `nettui confirm`, or after a change that failed and was undone).</summary>
    public Task<string?> DestroyAsync(string path, CancellationToken ct = default) =>
        CallAsync(c => new NmCheckpoint(c, path).ConfirmAsync(ct));

    /// <summary>Rolls back now: NetworkManager restores the devices and deletes the profiles made since. Null = done.</summary>
    public Task<string?> RollbackAsync(string path, CancellationToken ct = default) =>
        CallAsync(async c =>
        {
            var failed = await new NmCheckpoint(c, path).RollbackAsync(ct).ConfigureAwait(false);
            if (failed.Count > 0)
                throw new NetworkManagerException($"checkpoint {path}: rollback failed for {string.Join(", ", failed.Select(kv => $"{kv.Key} (result {kv.Value})"))}");
        });

    private async Task<string?> CallAsync(Func<NmClient, Task> call)
    {
        using var client = new NmClient(busAddress);
        try
        {
            await call(client).ConfigureAwait(false);
            return null;
        }
        catch (NetworkManagerException e) { return e.Message; }
    }
}
