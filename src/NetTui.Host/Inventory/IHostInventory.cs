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
}

/// <summary>
/// Reads a <see cref="HostSnapshot"/> from the real sources. Never throws for a source
/// that is down: the part stays empty and <see cref="HostSnapshot.Sources"/> says why.
/// </summary>
public interface IHostInventory
{
    Task<HostSnapshot> ReadAsync(InventoryParts parts = InventoryParts.All, CancellationToken ct = default);
}
