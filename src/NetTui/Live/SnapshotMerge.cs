using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Persisting;
using NetTui.Host.Inventory;

namespace NetTui.Live;

/// <summary>
/// Folds a partial read (only some <see cref="InventoryParts"/>) into the last full
/// snapshot: the parts that were read replace the old ones, the rest are kept as they were
/// (same arrays, so views can tell nothing changed), and each source's status is the
/// newest one known. <see cref="PatchLinks"/> does the same for a read of single links.
/// </summary>
public static class SnapshotMerge
{
    public static HostSnapshot Merge(HostSnapshot current, HostSnapshot partial, InventoryParts parts)
    {
        var sources = current.Sources.ToDictionary(s => s.Source);
        foreach (var s in partial.Sources) sources[s.Source] = s;
        var merged = new HostSnapshot(
            HostName: string.IsNullOrEmpty(partial.HostName) ? current.HostName : partial.HostName,
            Namespace: partial.Namespace ?? current.Namespace,
            TakenAt: partial.TakenAt,
            Links: parts.HasFlag(InventoryParts.Links) ? partial.Links : current.Links,
            Bridges: parts.HasFlag(InventoryParts.Bridges) ? partial.Bridges : current.Bridges,
            Routes: parts.HasFlag(InventoryParts.Routes) ? partial.Routes : current.Routes,
            Ovs: parts.HasFlag(InventoryParts.Ovs) ? partial.Ovs : current.Ovs,
            Containers: parts.HasFlag(InventoryParts.Containers) ? partial.Containers : current.Containers,
            Sources: [.. sources.Values.OrderBy(s => s.Source)])
        {
            NetworkManager = partial.NetworkManager ?? current.NetworkManager,
            DockerNetworks = parts.HasFlag(InventoryParts.Containers) ? partial.DockerNetworks : current.DockerNetworks,
            Rules = parts.HasFlag(InventoryParts.Routes) ? partial.Rules : current.Rules,
            Nexthops = parts.HasFlag(InventoryParts.Routes) ? partial.Nexthops : current.Nexthops,
        };
        // Only full reads consult NetworkManager and say where things persist: annotate the
        // parts a partial read brought with the profiles last known, so the Boot column stays.
        if (partial.NetworkManager is null && merged.NetworkManager is not null)
        {
            if (parts.HasFlag(InventoryParts.Links)) merged = PersistenceAnnotator.AnnotateLinks(merged);
            if (parts.HasFlag(InventoryParts.Routes)) merged = PersistenceAnnotator.AnnotateRoutes(merged);
        }
        return merged;
    }

    /// <summary>
    /// Applies a read of single links: every link an event named (by ifindex) or the read
    /// found (by index or name) or reported missing is replaced by what the read found, in
    /// ifindex order; bridges lose and gain those links as ports. Routes, OVS, containers
    /// and everything else stay the same objects. Found links get the OVS/Weave annotation
    /// from the snapshot's OVS state, and keep the persistence already known for them.
    /// </summary>
    public static HostSnapshot PatchLinks(HostSnapshot current, IEnumerable<int> eventIndices, LinkPatch patch, DateTimeOffset takenAt)
    {
        var found = LinkAnnotator.Annotate(patch.Found, current.Ovs);
        var names = found.Select(l => l.Name).Concat(patch.Missing).ToHashSet(StringComparer.Ordinal);
        var indices = eventIndices.Concat(found.Select(l => l.Index)).ToHashSet();
        bool Replaced(Link l) => indices.Contains(l.Index) || names.Contains(l.Name);

        var old = current.Links.Where(Replaced).ToArray();
        var touched = old.Select(l => l.Index).Concat(found.Select(l => l.Index)).ToHashSet();
        found = [.. found.Select(l => KeepPersistence(l, old.FirstOrDefault(o => o.Index == l.Index && o.Name == l.Name)))];
        found = AnnotateNew(current, found);
        var links = current.Links.Where(l => !Replaced(l)).Concat(found).OrderBy(l => l.Index).ToImmutableArray();

        return current with
        {
            TakenAt = takenAt,
            Links = links,
            Bridges = PatchBridges(current.Bridges, links, found, touched, patch),
        };
    }

    private static ImmutableArray<LinuxBridge> PatchBridges(
        ImmutableArray<LinuxBridge> bridges, ImmutableArray<Link> links, ImmutableArray<Link> found, HashSet<int> touched, LinkPatch patch)
    {
        var details = patch.Bridges.ToDictionary(b => b.Index);
        var portInfo = patch.Ports.GroupBy(p => p.Index).ToDictionary(g => g.Key, g => g.First());
        BridgePort Port(Link l) => portInfo.TryGetValue(l.Index, out var p)
            ? new BridgePort(l.Name, l.Index, p.State, p.Cost, p.Priority)
            : new BridgePort(l.Name, l.Index, "unknown", null, null);

        var result = new List<LinuxBridge>();
        foreach (var b in bridges)
        {
            var d = details.GetValueOrDefault(b.Index);
            if (touched.Contains(b.Index) && d is null) continue; // gone, or no longer a bridge
            var joined = found.Where(l => l.MasterIndex == b.Index).ToArray();
            if (d is null && joined.Length == 0 && !b.Ports.Any(p => touched.Contains(p.Index)))
            {
                result.Add(b); // untouched: the same object
                continue;
            }
            var ports = Sorted(b.Ports.Where(p => !touched.Contains(p.Index)).Concat(joined.Select(Port)));
            result.Add(d is null ? b with { Ports = ports } : new LinuxBridge(d.Name, d.Index, d.BridgeId, d.StpEnabled, ports));
        }
        foreach (var d in patch.Bridges.Where(d => bridges.All(b => b.Index != d.Index)))
            result.Add(new LinuxBridge(d.Name, d.Index, d.BridgeId, d.StpEnabled, Sorted(links.Where(l => l.MasterIndex == d.Index).Select(Port))));
        return [.. result.OrderBy(b => b.Name, StringComparer.Ordinal)];
    }

    private static ImmutableArray<BridgePort> Sorted(IEnumerable<BridgePort> ports) =>
        [.. ports.OrderBy(p => p.Name, StringComparer.Ordinal)];

    /// <summary>
    /// A link new to the snapshot (or an address new on it) has no persistence to keep: it is
    /// worked out as a full read would, from the OVS, Docker and NetworkManager state last read,
    /// once the snapshot carries persistence at all (a full read has annotated it).
    /// </summary>
    private static ImmutableArray<Link> AnnotateNew(HostSnapshot current, ImmutableArray<Link> found)
    {
        if (!found.Any(l => l.Persistence is null || l.Addresses.Any(a => a.Persistence is null))) return found;
        if (!current.Links.Any(l => l.Persistence is not null)) return found;
        var annotated = PersistenceAnnotator.AnnotateLinks(current with { Links = found }).Links;
        return [.. found.Zip(annotated, (kept, fresh) => kept.Persistence is null
            ? fresh
            : kept with { Addresses = [.. kept.Addresses.Zip(fresh.Addresses, (a, f) => a.Persistence is null ? f : a)] })];
    }

    private static Link KeepPersistence(Link now, Link? before)
    {
        if (before is null) return now;
        var addresses = now.Addresses.Select(a =>
            before.Addresses.FirstOrDefault(b => b.Family == a.Family && b.Cidr == a.Cidr)?.Persistence is { } p ? a with { Persistence = p } : a);
        return now with { Persistence = before.Persistence, Addresses = [.. addresses] };
    }
}
