using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Values;

namespace NetTui.Core.Persisting.Networkd;

/// <summary>What systemd-networkd's files bring up at boot, for the Boot column and `show --json` (pure: from parsed files).</summary>
public static class NetworkdBoot
{
    /// <summary><paramref name="files"/>: host path and parsed file, in networkd's order (by file name).</summary>
    public static BootConfiguration Read(IReadOnlyList<(string HostPath, NetworkdFile File)> files, string why)
    {
        var objects = new List<BootObject>();
        foreach (var (path, file) in files.Where(f => f.HostPath.EndsWith(".network", StringComparison.Ordinal)))
        {
            // ActivationPolicy=manual/down: networkd leaves the link down at boot.
            var up = !file.Named("Link").SelectMany(s => s.All("ActivationPolicy")).Any(p => p is "manual" or "down" or "always-down");
            var addresses = file.Sections.Where(s => s.Name is "Network" or "Address").SelectMany(s => s.All("Address"))
                .Select(a => IpPrefix.Parse(a)).Where(p => p.Ok).Select(p => p.Get().ToString()).ToImmutableArray();
            var routes = file.Named("Route").Select(s => s.All("Destination").FirstOrDefault() is { } d && HostQueries.ParseDestination(d) is { } prefix
                ? new BootRoute(prefix.PrefixLength == 0 ? "default" : prefix.ToString(), s.All("Gateway").FirstOrDefault())
                : null).OfType<BootRoute>().ToImmutableArray();
            var master = file.Named("Network").SelectMany(s => s.All("Bridge")).FirstOrDefault();
            var line = file.Named("Match").FirstOrDefault()?.Header + 1 ?? 1;
            foreach (var name in file.MatchNames().Where(n => objects.All(o => o.Name != n)))
                objects.Add(new BootObject(name, path, line, up, addresses, routes) { Master = master });
        }
        // A .netdev without a .network is still created at boot (with no address).
        foreach (var (path, file) in files.Where(f => f.HostPath.EndsWith(".netdev", StringComparison.Ordinal)))
            if (file.NetDevName is { } name && objects.All(o => o.Name != name))
                objects.Add(new BootObject(name, path, 1, true, [], []));
        return new BootConfiguration("networkd", why, [.. objects]);
    }
}
