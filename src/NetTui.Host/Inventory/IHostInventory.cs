using NetTui.Core.Model;

namespace NetTui.Host.Inventory;

/// <summary>Which parts of the host to read; a view that shows only links need not read 200k routes.</summary>
[Flags]
public enum InventoryParts
{
    None = 0,
    Links = 1,
    Bridges = 2,
    Routes = 4,
    Ovs = 8,
    Containers = 16,
    All = Links | Bridges | Routes | Ovs | Containers,

    /// <summary>
    /// With <see cref="Links"/>: the links as the kernel reports them, without waiting for OVS
    /// to say which are its ports (the TUI's first screen must not wait on a slow or hung
    /// ovsdb-server); the next full read annotates them. Not part of <see cref="All"/>.
    /// </summary>
    LinksWithoutOvs = 32,
}

/// <summary>
/// Reads a <see cref="HostSnapshot"/> from the real sources. Never throws for a source
/// that is down: the part stays empty and <see cref="HostSnapshot.Sources"/> says why.
/// </summary>
public interface IHostInventory
{
    Task<HostSnapshot> ReadAsync(InventoryParts parts = InventoryParts.All, CancellationToken ct = default);

    /// <summary>
    /// Reads only the links named (a live update for an `ip monitor` event), not all of them.
    /// <paramref name="knownIndices"/> (name to ifindex of the links already known) resolves a
    /// master or same-namespace veth peer that was not re-read. Null when this inventory cannot
    /// read single links or the read failed: the caller then reads all links.
    /// </summary>
    Task<LinkPatch?> ReadLinksAsync(IReadOnlyCollection<string> names, IReadOnlyDictionary<string, int> knownIndices, CancellationToken ct = default) =>
        Task.FromResult<LinkPatch?>(null);
}
