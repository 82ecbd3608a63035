using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Host.Inventory.IpRoute2;

namespace NetTui.Host.Inventory;

/// <summary>
/// A read of single links (see <see cref="IHostInventory.ReadLinksAsync"/>): the links found,
/// with their addresses (not yet OVS/Weave annotated), the names that no longer exist, and
/// what bridge data the found links carry (a bridge's own details, a port's STP state).
/// </summary>
public sealed record LinkPatch(
    ImmutableArray<Link> Found,
    ImmutableArray<string> Missing,
    ImmutableArray<BridgeDetails> Bridges,
    IReadOnlyList<BridgePortInfo> Ports);
