using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Persisting.Ifupdown;

/// <summary>What ifupdown's files bring up at boot, for the Boot column, Drift and `show --json` (pure: from parsed files).</summary>
public static class IfupdownBoot
{
    /// <summary><paramref name="files"/>: interfaces first, then what it sources, each with its host path.</summary>
    public static BootConfiguration Read(IReadOnlyList<(string HostPath, InterfacesFile File)> files, string why)
    {
        var up = files.SelectMany(f => f.File.Autos).Where(a => a.Keyword is "auto" or "allow-hotplug").SelectMany(a => a.Names).ToHashSet(StringComparer.Ordinal);
        var objects = new List<BootObject>();
        foreach (var (path, file) in files)
            foreach (var s in file.Stanzas.Where(s => s.Family is "inet" or "inet6"))
            {
                if (objects.Any(o => o.Name == s.Name)) continue;
                var all = file.Stanzas.Where(x => x.Name == s.Name).ToList();
                var addresses = all.SelectMany(x => x.Options).Select(StanzaText.AddressOf).OfType<IpPrefix>().Select(a => a.ToString()).Distinct().ToImmutableArray();
                var routes = all.SelectMany(x => x.Options).Select(o => o.Key == "gateway"
                        ? new BootRoute(s.Family == "inet6" ? "::/0" : "default", o.Value)
                        : StanzaText.RouteOf(o) is { } r ? new BootRoute(r.Destination.ToString(), r.Via) : null)
                    .OfType<BootRoute>().ToImmutableArray();
                objects.Add(new BootObject(s.Name, path, s.Header + 1, up.Contains(s.Name), addresses, routes));
                foreach (var port in StanzaEdits.Ports(s))
                    objects.Add(new BootObject(port, path, s.Header + 1, up.Contains(s.Name), [], []) { Master = s.Name });
            }
        return new BootConfiguration("ifupdown", why, [.. objects]);
    }
}
