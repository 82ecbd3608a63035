using NetTui.Core.Model;

namespace NetTui.Host.Inventory.IpRoute2;

/// <summary>Maps iproute2's linkinfo.info_kind (and tun's mode) to <see cref="LinkKind"/>.</summary>
public static class LinkKindMapper
{
    /// <param name="infoKind">linkinfo.info_kind, null for plain devices.</param>
    /// <param name="tunType">linkinfo.info_data.type for tun devices ("tap" or "tun").</param>
    /// <param name="linkType">link_type ("ether", "loopback", "none", ...).</param>
    public static LinkKind Map(string? infoKind, string? tunType, string? linkType) => infoKind switch
    {
        null => linkType switch
        {
            "loopback" => LinkKind.Loopback,
            "ether" => LinkKind.Ethernet,
            _ => LinkKind.Other,
        },
        "bridge" => LinkKind.Bridge,
        "veth" => LinkKind.Veth,
        "vxlan" => LinkKind.Vxlan,
        "tun" => tunType == "tap" ? LinkKind.Tap : LinkKind.Tun,
        "gre" or "ip6gre" => LinkKind.Gre,
        "gretap" or "ip6gretap" => LinkKind.Gretap,
        "ipip" or "sit" or "ip6tnl" or "vti" or "vti6" => LinkKind.IpTunnel,
        // Kernel-datapath OVS ports (internal ports and the ovs-system datapath device).
        "openvswitch" => LinkKind.OvsInternal,
        "dummy" => LinkKind.Dummy,
        "vlan" => LinkKind.Vlan,
        "bond" => LinkKind.Bond,
        "macvlan" => LinkKind.Macvlan,
        "macvtap" => LinkKind.Macvtap,
        "ipvlan" => LinkKind.Ipvlan,
        "vrf" => LinkKind.Vrf,
        "geneve" => LinkKind.Geneve,
        "wireguard" => LinkKind.Wireguard,
        "ifb" => LinkKind.Ifb,
        _ => LinkKind.Other,
    };
}
