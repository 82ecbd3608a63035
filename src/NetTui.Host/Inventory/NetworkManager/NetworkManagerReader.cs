using System.Collections.Immutable;
using System.Diagnostics;
using NetTui.Core.Model;
using NetTui.Core.Persisting;
using NetTui.Host.NetworkManager;

namespace NetTui.Host.Inventory.NetworkManager;

/// <summary>
/// Reads NetworkManager for the inventory: is it there, its version, and every profile
/// (GetSettings) with the device it is active on. Never throws: a NetworkManager that does
/// not answer is a down source, with the probe's reason.
/// </summary>
public static class NetworkManagerReader
{
    public static async Task<(SourceStatus Status, NetworkManagerState State)> ReadAsync(string? busAddress, CancellationToken ct = default)
    {
        var sw = Stopwatch.StartNew();
        var probe = await NetworkManagerProbe.ProbeAsync(busAddress, ct).ConfigureAwait(false);
        if (!probe.Available) return (probe, NetworkManagerState.Down(probe.Reason ?? "not available"));
        try
        {
            using var nm = new NmClient(busAddress);
            var version = await nm.VersionAsync(ct).ConfigureAwait(false);
            var active = await nm.ActiveConnectionsAsync(ct).ConfigureAwait(false);
            var byUuid = active.GroupBy(a => a.Uuid).ToDictionary(g => g.Key, g => g.SelectMany(a => a.Devices).FirstOrDefault());
            // NetworkManager's generated profiles for externally configured devices are its view, not configuration.
            var profiles = (await nm.ListConnectionsAsync(ct).ConfigureAwait(false)).Where(c => !c.Generated)
                .Select(c => NmProfileMapper.Map(c.Settings, c.Filename, byUuid.GetValueOrDefault(c.Settings.Uuid), c.InMemory))
                .OrderBy(p => p.Id, StringComparer.Ordinal)
                .ToImmutableArray();
            return (SourceStatus.Ok(SourceKind.NetworkManager, sw.Elapsed), new NetworkManagerState(true, null, version, profiles));
        }
        catch (NetworkManagerException e)
        {
            return (SourceStatus.Down(SourceKind.NetworkManager, e.Message, sw.Elapsed), NetworkManagerState.Down(e.Message));
        }
    }
}
