using System.Collections.Immutable;
using NetTui.Core.Model;

namespace NetTui.Core.Persisting.Netplan;

/// <summary>What netplan's files bring up at boot, for the Boot column and `show --json` (pure: from parsed files).</summary>
public static class NetplanBoot
{
    /// <summary><paramref name="files"/>: host path and parsed root of each /etc/netplan file, in netplan's order (by file name).</summary>
    public static BootConfiguration Read(IReadOnlyList<(string HostPath, YamlNode? Root)> files, string why)
    {
        var definitions = files.SelectMany(f => NetplanConfig.DefinitionsOf(f.HostPath, f.Root)).ToList();
        // A bridge lists its ports by netplan ID; the Boot column names interfaces.
        var nameOf = definitions.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First().Name ?? g.Key, StringComparer.Ordinal);
        var masters = definitions.Where(d => d.Section == "bridges")
            .SelectMany(b => (b.Body.Seq("interfaces")?.Scalars ?? []).Select(p => (Port: nameOf.GetValueOrDefault(p, p), Bridge: b.Name ?? b.Id)))
            .GroupBy(x => x.Port).ToDictionary(g => g.Key, g => g.First().Bridge, StringComparer.Ordinal);
        var objects = new List<BootObject>();
        // netplan merges the definitions of one ID across files: the first file names it, all give addresses and routes.
        foreach (var group in definitions.Where(d => d.Name is not null).GroupBy(d => d.Name!))
        {
            var first = group.First();
            // activation-mode off/manual: netplan leaves the link down at boot.
            var up = !group.Any(d => d.Body.Text("activation-mode") is "off" or "manual");
            var addresses = group.SelectMany(d => NetplanObjects.Addresses(d.Body)).Select(a => a.ToString()).Distinct().ToImmutableArray();
            var routes = group.SelectMany(d => NetplanObjects.Routes(d.Body))
                .Where(r => r.To is not null)
                .Select(r => new BootRoute(r.To!.PrefixLength == 0 ? "default" : r.To.ToString(), r.Via)).ToImmutableArray();
            objects.Add(new BootObject(group.Key, first.HostPath, first.Line, up, addresses, routes) { Master = masters.GetValueOrDefault(group.Key) });
        }
        return new BootConfiguration("netplan", why, [.. objects]);
    }
}
