using Tmds.DBus.Protocol;

namespace NetTui.Host.NetworkManager;

public sealed partial class NmClient
{
    /// <summary>
    /// Activates a profile and waits until NetworkManager says it is activated. On failure the
    /// message names the profile and NetworkManager's reason (the device's state reason, or the
    /// active connection's state). <paramref name="device"/>: the interface for profiles bound
    /// to an existing device; null lets NetworkManager pick or create it (bridges, tunnels).
    /// </summary>
    public async Task ActivateAndWaitAsync(string uuid, string id, string? device, CancellationToken ct = default)
    {
        var path = await FindConnectionByUuidAsync(uuid, ct).ConfigureAwait(false)
                   ?? throw new NetworkManagerException($"cannot activate profile {id}: NetworkManager has no profile with uuid {uuid}");
        var devicePath = "/";
        if (device is not null) devicePath = await GetDeviceByIpIfaceAsync(device, ct).ConfigureAwait(false);
        var active = await ActivateConnectionAsync(path, devicePath, id, ct).ConfigureAwait(false);
        await WaitActivatedAsync(active, id, device, ct).ConfigureAwait(false);
    }

    private async Task WaitActivatedAsync(string active, string id, string? device, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + ActivationTimeout;
        string? devicePath = null;
        uint state = 0;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                state = (await GetPropertyAsync(active, NmBus.ActiveInterface, "State", ct).ConfigureAwait(false)).GetUInt32();
                if (devicePath is null)
                {
                    var devs = (await GetPropertyAsync(active, NmBus.ActiveInterface, "Devices", ct).ConfigureAwait(false)).GetArray<ObjectPath>();
                    if (devs.Length > 0) devicePath = devs[0].ToString();
                }
            }
            catch (NetworkManagerException e) when (!e.NotRunning)
            {
                // The active connection object is gone: activation failed and NetworkManager cleaned up.
                throw new NetworkManagerException($"NetworkManager could not activate profile {id}: {await FailureReasonAsync(devicePath, device, ct).ConfigureAwait(false)}");
            }
            if (state == NmBus.ActiveActivated) return;
            if (state is NmBus.ActiveDeactivating or NmBus.ActiveDeactivated)
                throw new NetworkManagerException($"NetworkManager could not activate profile {id}: {await FailureReasonAsync(devicePath, device, ct).ConfigureAwait(false)}");
            await Task.Delay(150, ct).ConfigureAwait(false);
        }
        throw new NetworkManagerException($"NetworkManager did not finish activating profile {id} within {ActivationTimeout.TotalSeconds:0} s (still {(state == NmBus.ActiveActivating ? "activating" : $"in state {state}")})");
    }

    /// <summary>The device's state reason in nmcli's words, or a generic line if the device cannot be asked.</summary>
    private async Task<string> FailureReasonAsync(string? devicePath, string? device, CancellationToken ct)
    {
        try
        {
            devicePath ??= device is null ? null : await GetDeviceByIpIfaceAsync(device, ct).ConfigureAwait(false);
            if (devicePath is null) return "the activation failed and the device could not be created (no device; e.g. a missing kernel module)";
            var (_, reason) = await DeviceStateAsync(devicePath, ct).ConfigureAwait(false);
            return $"device state reason '{NmStateReasons.DeviceReason(reason)}'";
        }
        catch (NetworkManagerException)
        {
            return "the activation failed and the device is gone (it could not be created; e.g. a missing kernel module)";
        }
    }

    /// <summary>Waits until the kernel device is gone (NetworkManager has no realized device of that name); false on timeout.</summary>
    public async Task<bool> WaitDeviceGoneAsync(string iface, TimeSpan timeout, CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var device = await GetDeviceByIpIfaceAsync(iface, ct).ConfigureAwait(false);
                if (!(await GetPropertyAsync(device, NmBus.DeviceInterface, "Real", ct).ConfigureAwait(false)).GetBool()) return true;
            }
            catch (NetworkManagerException e) when (!e.NotRunning)
            {
                return true;
            }
            await Task.Delay(100, ct).ConfigureAwait(false);
        }
        return false;
    }

    /// <summary>Deactivates every active connection of the profile (a no-op if it is not active).</summary>
    public async Task DeactivateProfileAsync(string uuid, string id, CancellationToken ct = default)
    {
        foreach (var (path, u, _) in await ActiveConnectionsAsync(ct).ConfigureAwait(false))
            if (u == uuid) await DeactivateConnectionAsync(path, id, ct).ConfigureAwait(false);
    }
}
