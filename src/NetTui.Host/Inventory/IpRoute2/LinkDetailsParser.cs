using System.Text.Json;
using NetTui.Core.Model;
using NetTui.Host.Inventory.Parsing;

namespace NetTui.Host.Inventory.IpRoute2;

/// <summary>
/// Per-kind details from `ip -d -j link`'s linkinfo, in iproute2 6.1's keys: vxlan (id,
/// remote, group, local, port, link, learning, external), macvlan/macvtap/ipvlan (mode), vlan
/// (id, protocol), bond (mode, miimon, ad_lacp_rate, xmit_hash_policy) and a bond port
/// (info_slave_kind "bond": state, mii_status), vrf (table), tun (multi_queue, persist,
/// user), geneve (id, remote, port). Gre-family tunnels stay in <see cref="TunnelInfoParser"/>.
/// </summary>
public static class LinkDetailsParser
{
    public static LinkDetails? From(LinkKind kind, JsonElement? linkInfo)
    {
        if (linkInfo is not { } info) return null;
        var d = info.Obj("info_data");
        var details = kind switch
        {
            LinkKind.Vxlan when d is { } x => new LinkDetails
            {
                Vxlan = new VxlanInfo(x.Int("id") ?? 0, x.Str("remote") ?? x.Str("remote6"), x.Str("group") ?? x.Str("group6"),
                    x.Str("local") ?? x.Str("local6"), x.Int("port") ?? 0, x.Str("link"), Bool(x, "learning"), Bool(x, "external")),
            },
            LinkKind.Macvlan or LinkKind.Macvtap or LinkKind.Ipvlan when d?.Str("mode") is { } mode => new LinkDetails { Macvlan = new MacvlanInfo(mode) },
            LinkKind.Vlan when d is { } v && v.Int("id") is { } id => new LinkDetails { Vlan = new VlanInfo(id, v.Str("protocol") ?? "802.1Q") },
            LinkKind.Bond when d is { } b => new LinkDetails
            {
                Bond = new BondInfo(b.Str("mode") ?? "balance-rr", b.Int("miimon"), b.Str("ad_lacp_rate"), b.Str("xmit_hash_policy")),
            },
            LinkKind.Vrf when d?.Int("table") is { } table => new LinkDetails { Vrf = new VrfInfo(table) },
            LinkKind.Tun or LinkKind.Tap when d is { } t => new LinkDetails { Tun = new TunInfo(Bool(t, "multi_queue"), Bool(t, "persist"), t.Int("user")) },
            LinkKind.Geneve when d is { } g => new LinkDetails { Geneve = new GeneveInfo(g.Int("id") ?? 0, g.Str("remote") ?? g.Str("remote6"), g.Int("port") ?? 0) },
            _ => null,
        };
        if (info.Str("info_slave_kind") == "bond" && info.Obj("info_slave_data") is { } port)
            details = (details ?? new LinkDetails()) with { BondPort = new BondPortInfo(port.Str("state"), port.Str("mii_status")) };
        return details;
    }

    private static bool Bool(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && (v.ValueKind == JsonValueKind.True || v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n != 0);
}
