namespace NetTui.Host.NetworkManager;

/// <summary>
/// Commit-confirmed for NetworkManager-managed changes (docs/commit-confirmed.md): a checkpoint
/// taken before the change, which NetworkManager itself rolls back when <c>timeout</c> passes
/// without <see cref="ConfirmAsync"/>, even if NetTui and its terminal are gone. Flags
/// delete-new-connections | disconnect-new-devices, so profiles and devices the change added
/// go too. An empty device list covers all devices (new software devices do not exist yet).
/// </summary>
public sealed class NmCheckpoint(NmClient client, string path)
{
    public string Path { get; } = path;

    public static async Task<NmCheckpoint> BeginAsync(NmClient client, TimeSpan timeout, IReadOnlyList<string>? devicePaths = null, CancellationToken ct = default)
    {
        var seconds = (uint)Math.Max(1, Math.Ceiling(timeout.TotalSeconds));
        return new NmCheckpoint(client, await client.CheckpointCreateAsync(devicePaths ?? [], seconds, NmClient.CheckpointFlags, ct).ConfigureAwait(false));
    }

    /// <summary>Keep the change: the checkpoint is destroyed.</summary>
    public Task ConfirmAsync(CancellationToken ct = default) => client.CheckpointDestroyAsync(Path, ct);

    /// <summary>Undo now; returns the devices whose rollback failed (path → NetworkManager's result code).</summary>
    public async Task<IReadOnlyDictionary<string, uint>> RollbackAsync(CancellationToken ct = default) =>
        (await client.CheckpointRollbackAsync(Path, ct).ConfigureAwait(false)).Where(kv => kv.Value != 0).ToDictionary(kv => kv.Key, kv => kv.Value);

    /// <summary>More time before the automatic rollback (from now).</summary>
    public Task ExtendAsync(TimeSpan timeout, CancellationToken ct = default) =>
        client.CheckpointAdjustRollbackTimeoutAsync(Path, (uint)Math.Max(1, Math.Ceiling(timeout.TotalSeconds)), ct);
}
