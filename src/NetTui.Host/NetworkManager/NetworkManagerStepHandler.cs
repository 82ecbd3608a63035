using NetTui.Core.Operations;
using NetTui.Core.Persisting;
using NetTui.Host.Changes;

namespace NetTui.Host.NetworkManager;

/// <summary>
/// Runs <see cref="NetworkManagerStep"/>s (and the no-op <see cref="NoteStep"/>s) for the
/// change executor, through one <see cref="NmClient"/>. An activation that fails leaves the
/// step failed; the executor then undoes the earlier steps (the profile add is undone by a
/// delete), so a failed change leaves no profile behind.
/// </summary>
public sealed class NetworkManagerStepHandler(NmClient client) : IPlanStepHandler, IDisposable
{
    public bool Handles(PlanStep step) => step is NetworkManagerStep or NoteStep;

    public async Task<string?> DoAsync(PlanStep step, CancellationToken ct)
    {
        if (step is not NetworkManagerStep s) return null;
        return await RunAsync(s.Do, ct).ConfigureAwait(false);
    }

    public async Task<string?> UndoAsync(PlanStep step)
    {
        if (step is not NetworkManagerStep s) return null;
        foreach (var a in s.Undo)
            if (await RunAsync(a, CancellationToken.None).ConfigureAwait(false) is { } error) return error;
        return null;
    }

    /// <summary>Runs one action; null = done, else the message (which names the profile and NetworkManager's reason).</summary>
    public async Task<string?> RunAsync(NmAction action, CancellationToken ct)
    {
        try
        {
            switch (action)
            {
                case AddProfile a:
                    if (await client.FindConnectionByUuidAsync(a.Uuid, ct).ConfigureAwait(false) is not null)
                        return $"profile {a.Id} ({a.Uuid}) already exists; not adding it twice";
                    await client.AddConnectionAsync(a.Settings, ct: ct).ConfigureAwait(false);
                    return null;
                case UpdateProfile u:
                    await UpdateAsync(u, ct).ConfigureAwait(false);
                    return null;
                case DeleteProfile d:
                    // Already gone is fine: an undo after a partial failure must not fail on it.
                    if (await client.FindConnectionByUuidAsync(d.Uuid, ct).ConfigureAwait(false) is { } path)
                    {
                        var before = await client.GetSettingsAsync(path, ct).ConfigureAwait(false);
                        await client.DeleteConnectionAsync(path, d.Id, ct).ConfigureAwait(false);
                        // NetworkManager removes the software device it made a moment later: wait, so the verify sees it gone.
                        if (before.Type is ProfileBuilder.BridgeType or ProfileBuilder.IpTunnelType && before.InterfaceName is { } iface)
                            await client.WaitDeviceGoneAsync(iface, TimeSpan.FromSeconds(5), ct).ConfigureAwait(false);
                    }
                    return null;
                case ActivateProfile a:
                    await client.ActivateAndWaitAsync(a.Uuid, a.Id, a.Device, ct).ConfigureAwait(false);
                    return null;
                case DeactivateProfile d:
                    await client.DeactivateProfileAsync(d.Uuid, d.Id, ct).ConfigureAwait(false);
                    return null;
                default:
                    return $"unknown NetworkManager action {action.GetType().Name}";
            }
        }
        catch (NetworkManagerException e)
        {
            return e.Message;
        }
        catch (OperationCanceledException)
        {
            return $"{action.Describe()}: cancelled";
        }
    }

    /// <summary>Read, edit, Update2 to disk; then bring the device in line (Reapply, or activate if it is not active).</summary>
    private async Task UpdateAsync(UpdateProfile u, CancellationToken ct)
    {
        var path = await client.FindConnectionByUuidAsync(u.Uuid, ct).ConfigureAwait(false)
                   ?? throw new NetworkManagerException($"profile {u.Id} ({u.Uuid}) no longer exists in NetworkManager");
        var settings = await client.GetSettingsAsync(path, ct).ConfigureAwait(false);
        var edited = WithoutDeprecatedForms(u.Edits.Aggregate(settings, (s, e) => e.Apply(s)));
        await client.UpdateConnectionAsync(path, edited, ct: ct).ConfigureAwait(false);
        if (!u.Reapply) return;

        var device = edited.InterfaceName;
        var active = (await client.ActiveConnectionsAsync(ct).ConfigureAwait(false)).FirstOrDefault(a => a.Uuid == u.Uuid);
        if (active.Path is not null && device is not null)
        {
            try
            {
                await client.ReapplyAsync(await client.GetDeviceByIpIfaceAsync(device, ct).ConfigureAwait(false), u.Id, ct).ConfigureAwait(false);
                return;
            }
            catch (NetworkManagerException e) when (!e.NotRunning)
            {
                // Some changes cannot be reapplied in place; a re-activation applies them.
            }
        }
        var softwareDevice = edited.Type is ProfileBuilder.BridgeType or ProfileBuilder.IpTunnelType;
        await client.ActivateAndWaitAsync(u.Uuid, u.Id, softwareDevice ? null : device, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// ipvX.addresses/routes are the deprecated twins of address-data/route-data that GetSettings
    /// also returns; sent back, they would make NetworkManager ignore the -data forms.
    /// </summary>
    internal static NmSettings WithoutDeprecatedForms(NmSettings s)
    {
        foreach (var section in new[] { NmKeys.Ipv4, NmKeys.Ipv6 })
            s = s.Remove(section, NmKeys.LegacyAddresses).Remove(section, NmKeys.LegacyRoutes);
        return s;
    }

    public void Dispose() => client.Dispose();
}
