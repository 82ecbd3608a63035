using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Values;

namespace NetTui.Core.Wizard;

/// <summary>
/// A stand-in for the peer, which the wizard cannot read: a host with only its underlay
/// address (same prefix length and MTU as this host's underlay) and an empty Open vSwitch.
/// The peer plan is planned against it for the preview: the exact commands, as they would
/// run on a host that has none of the tunnel's objects yet.
/// </summary>
public static class PeerPreviewHost
{
    public static HostSnapshot For(TunnelWizardInput input, HostSnapshot local)
    {
        var localUnderlay = IpAddress.Parse(input.LocalUnderlay).Value?.Value;
        var mine = local.Addresses().FirstOrDefault(a => localUnderlay is not null && a.Prefix.Address.Equals(localUnderlay));
        var length = mine.Link is null ? 24 : mine.Prefix.PrefixLength;
        var mtu = mine.Link?.Mtu ?? 1500;
        var peer = IpAddress.Parse(input.PeerUnderlay).Get().Value;
        var prefix = IpPrefix.Of(peer, length);
        var link = new Link(1, "underlay", LinkKind.Ethernet, "UP", true, mtu, null, null, null, null,
            [new LinkAddress(AddressFamily.Inet, peer.ToString(), length, "global")]);
        var route = new Route(AddressFamily.Inet, $"{prefix.Network.BaseAddress}/{length}", null, "underlay", "kernel", "link", null, "main", "unicast", peer.ToString());
        return HostSnapshot.Empty($"peer {peer}", null) with
        {
            Links = [link],
            Routes = [route],
            Ovs = new OvsState(null, ImmutableArray<OvsBridge>.Empty),
        };
    }
}
