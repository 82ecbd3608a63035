using NetTui.Core.Model;
using NetTui.Core.Persisting;
using NetTui.Host.Inventory;

namespace NetTui.Live;

/// <summary>
/// Folds a partial read (only some <see cref="InventoryParts"/>) into the last full
/// snapshot: the parts that were read replace the old ones, the rest are kept as they were
/// (same arrays, so views can tell nothing changed), and each source's status is the
/// newest one known.
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
}
