using Tmds.DBus.Protocol;

namespace NetTui.Host.NetworkManager;

/// <summary>
/// NetworkManager checkpoints for commit-confirmed changes of NM-managed devices: NetworkManager
/// itself rolls the devices back when the timeout passes without a destroy, so the rollback
/// does not depend on NetTui (or its terminal) staying alive.
/// </summary>
public sealed partial class NmClient
{
    /// <summary>delete-new-connections | disconnect-new-devices: profiles and devices added after the checkpoint go on rollback.</summary>
    public const uint CheckpointFlags = NmBus.CheckpointDeleteNewConnections | NmBus.CheckpointDisconnectNewDevices;

    /// <summary>CheckpointCreate over the given device paths (empty = all devices); returns the checkpoint's path.</summary>
    public Task<string> CheckpointCreateAsync(IReadOnlyList<string> devicePaths, uint rollbackTimeoutSeconds, uint flags = CheckpointFlags, CancellationToken ct = default) =>
        CallAsync("create a checkpoint", c => Call(c, NmBus.ManagerPath, NmBus.ManagerInterface, "CheckpointCreate", "aouu", (ref MessageWriter w) =>
        {
            w.WriteArray(devicePaths.Select(p => new ObjectPath(p)).ToArray());
            w.WriteUInt32(rollbackTimeoutSeconds);
            w.WriteUInt32(flags);
        }), static (Message m, object? _) => m.GetBodyReader().ReadObjectPathAsString(), ct);

    /// <summary>Confirms: the checkpoint goes and the changes stay.</summary>
    public Task CheckpointDestroyAsync(string checkpoint, CancellationToken ct = default) =>
        CallAsync($"destroy checkpoint {checkpoint}", c => Call(c, NmBus.ManagerPath, NmBus.ManagerInterface, "CheckpointDestroy", "o", (ref MessageWriter w) => w.WriteObjectPath(checkpoint)), ct);

    /// <summary>Rolls back now; returns each device path with its result (0 = success).</summary>
    public Task<Dictionary<string, uint>> CheckpointRollbackAsync(string checkpoint, CancellationToken ct = default) =>
        CallAsync($"roll back checkpoint {checkpoint}", c => Call(c, NmBus.ManagerPath, NmBus.ManagerInterface, "CheckpointRollback", "o", (ref MessageWriter w) => w.WriteObjectPath(checkpoint)),
            static (Message m, object? _) =>
            {
                var r = m.GetBodyReader();
                var result = new Dictionary<string, uint>(StringComparer.Ordinal);
                var end = r.ReadDictionaryStart();
                while (r.HasNext(end)) result[r.ReadString()] = r.ReadUInt32();
                return result;
            }, ct);

    /// <summary>Sets the time left before the automatic rollback (0 = never).</summary>
    public Task CheckpointAdjustRollbackTimeoutAsync(string checkpoint, uint seconds, CancellationToken ct = default) =>
        CallAsync($"adjust checkpoint {checkpoint}", c => Call(c, NmBus.ManagerPath, NmBus.ManagerInterface, "CheckpointAdjustRollbackTimeout", "ou", (ref MessageWriter w) =>
        {
            w.WriteObjectPath(checkpoint);
            w.WriteUInt32(seconds);
        }), ct);
}
