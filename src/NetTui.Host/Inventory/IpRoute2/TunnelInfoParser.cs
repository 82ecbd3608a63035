using System.Globalization;
using System.Net;
using System.Text.Json;
using NetTui.Core.Model;
using NetTui.Host.Inventory.Parsing;

namespace NetTui.Host.Inventory.IpRoute2;

/// <summary>
/// A gre/gretap (or vxlan, below) link's parameters from `ip -j -d link` info_data: "remote"/"local" ("any"
/// when unset), "ikey" (printed as a dotted quad, e.g. "0.0.0.42") and "ttl" (0 = inherit).
/// Needed to undo the deletion of a tunnel.
/// </summary>
public static class TunnelInfoParser
{
    public static TunnelInfo? From(LinkKind kind, JsonElement? infoData)
    {
        if (infoData is not { } d) return null;
        if (kind == LinkKind.Vxlan) return Vxlan(d);
        if (kind is not (LinkKind.Gre or LinkKind.Gretap)) return null;
        return new TunnelInfo(Address(d.Str("remote")), Address(d.Str("local")), Key(d.Str("ikey") ?? d.Str("key")), d.Int("ttl") is { } t and > 0 ? t : null);
    }

    /// <summary>
    /// A vxlan link: "id" (the VNI), "remote"/"remote6" or "group"/"group6", "local"/"local6",
    /// "port" (dstport), "learning", "link" (the underlay device's name) and "ttl".
    /// </summary>
    private static TunnelInfo Vxlan(JsonElement d)
    {
        var id = d.Int("id");
        return new TunnelInfo(Address(d.Str("remote") ?? d.Str("remote6")), Address(d.Str("local") ?? d.Str("local6")),
            id is >= 0 ? (uint)id.Value : null, d.Int("ttl") is { } t and > 0 ? t : null)
        {
            Group = Address(d.Str("group") ?? d.Str("group6")),
            DstPort = d.Int("port"),
            Learning = d.TryGetProperty("learning", out var l) && l.ValueKind is JsonValueKind.True or JsonValueKind.False ? l.GetBoolean() : null,
            Underlay = d.Str("link"),
        };
    }

    private static string? Address(string? s) => s is null or "any" or "0.0.0.0" ? null : s;

    private static uint? Key(string? s)
    {
        if (s is null) return null;
        if (uint.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        if (IPAddress.TryParse(s, out var a) && a.GetAddressBytes() is { Length: 4 } b)
            return (uint)(b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]);
        return null;
    }
}
