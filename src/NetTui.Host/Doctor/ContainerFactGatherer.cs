using System.Collections.Immutable;
using NetTui.Core.Doctor.Facts;
using NetTui.Core.Model;
using NetTui.Host.NetworkManager;
using Serilog;

namespace NetTui.Host.Doctor;

/// <summary>
/// Facts for the container-connectivity checks that the inventory does not hold: the host's
/// resolv.conf and NetworkManager's state of each container veth (asked only when there are
/// containers, and only if NetworkManager answers; otherwise the checks stay silent).
/// </summary>
public sealed class ContainerFactGatherer(Func<NmClient>? networkManager, ILogger log)
{
    public static ResolvConfFacts? ReadResolvConf(string path)
    {
        try { return File.Exists(path) ? new ResolvConfFacts(path, ParseNameservers(File.ReadAllText(path))) : null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>The "nameserver" lines of a resolv.conf, in order (comments and other options ignored).</summary>
    public static ImmutableArray<string> ParseNameservers(string text) =>
    [
        .. text.Split('\n')
            .Select(l => l.Split('#', ';')[0].Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 2 && w[0] == "nameserver")
            .Select(w => w[1]),
    ];

    public async Task<ImmutableArray<NmDeviceFact>> NmDevicesAsync(HostSnapshot snapshot, CancellationToken ct)
    {
        var veths = snapshot.Containers.Select(c => c.HostVeth).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (veths.Count == 0 || networkManager is null || snapshot.NetworkManager is not { Available: true }) return [];
        var found = ImmutableArray.CreateBuilder<NmDeviceFact>();
        try
        {
            using var nm = networkManager();
            foreach (var veth in veths)
            {
                try
                {
                    var path = await nm.GetDeviceByIpIfaceAsync(veth, ct).ConfigureAwait(false);
                    found.Add(new NmDeviceFact(veth, (await nm.DeviceStateAsync(path, ct).ConfigureAwait(false)).State));
                }
                catch (NetworkManagerException e) when (!e.NotRunning) { } // NetworkManager does not know the device: not managed
            }
        }
        catch (NetworkManagerException e) { log.Information("doctor: NetworkManager device states not read: {Why}", e.Message); }
        return found.ToImmutable();
    }
}
