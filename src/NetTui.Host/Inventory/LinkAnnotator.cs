using System.Collections.Immutable;
using NetTui.Core.Model;

namespace NetTui.Host.Inventory;

/// <summary>
/// Adds what the kernel alone cannot tell about links: an OVS netdev-datapath internal
/// port is a plain tap to the kernel, so a tap whose name OVS lists as an internal
/// interface becomes <see cref="LinkKind.OvsInternal"/>; Weave Net's bridge `weave` and
/// its `vethwe-*` links are labelled "weave".
/// </summary>
public static class LinkAnnotator
{
    public const string WeaveLabel = "weave";

    public static ImmutableArray<Link> Annotate(ImmutableArray<Link> links, OvsState? ovs)
    {
        var internalNames = ovs is null
            ? new HashSet<string>()
            : ovs.Bridges.SelectMany(b => b.Ports).SelectMany(p => p.Interfaces)
                .Where(i => i.Type == "internal").Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        return [.. links.Select(l => Annotate(l, internalNames))];
    }

    private static Link Annotate(Link l, HashSet<string> ovsInternal)
    {
        if ((l.Kind is LinkKind.Tap or LinkKind.Tun) && ovsInternal.Contains(l.Name))
            l = l with { Kind = LinkKind.OvsInternal };
        if (IsWeave(l))
            l = l with { Label = WeaveLabel };
        return l;
    }

    public static bool IsWeave(Link l) =>
        (l.Name == "weave" && l.Kind == LinkKind.Bridge) || l.Name.StartsWith("vethwe-", StringComparison.Ordinal);
}
