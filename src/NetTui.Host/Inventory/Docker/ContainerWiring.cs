using System.Collections.Immutable;
using NetTui.Core.Model;

namespace NetTui.Host.Inventory.Docker;

/// <summary>
/// Completes containers with their host-side veth: the link whose ifindex is the
/// container eth0's iflink, and that veth's master bridge (not for macvlan/ipvlan, whose
/// iflink names the parent).
/// </summary>
public static class ContainerWiring
{
    public static ImmutableArray<Container> Attach(
        ImmutableArray<Container> containers, IReadOnlyDictionary<string, int> hostPeerIndexById, ImmutableArray<Link> links)
    {
        var byIndex = new Dictionary<int, Link>();
        foreach (var l in links) byIndex[l.Index] = l;
        return [.. containers.Select(c =>
        {
            if (!hostPeerIndexById.TryGetValue(c.Id, out var index)) return c;
            // Only a veth is the container's own host side: for macvlan/ipvlan the iflink is the
            // parent (the admin's NIC), which the container neither owns nor recreates.
            return byIndex.TryGetValue(index, out var veth) && veth.Kind == LinkKind.Veth
                ? c with { HostVethIndex = index, HostVeth = veth.Name, Bridge = veth.Master }
                : c with { HostVethIndex = index };
        })];
    }
}
