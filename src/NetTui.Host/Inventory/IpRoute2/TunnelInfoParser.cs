using System.Globalization;
using System.Net;
using System.Text.Json;
using NetTui.Core.Model;
using NetTui.Host.Inventory.Parsing;

namespace NetTui.Host.Inventory.IpRoute2;

/// <summary>
/// A gre/gretap link's parameters from `ip -j -d link` info_data: "remote"/"local" ("any"
/// when unset), "ikey" (printed as a dotted quad, e.g. "0.0.0.42") and "ttl" (0 = inherit).
/// Needed to undo the deletion of a tunnel.
/// </summary>
public static class TunnelInfoParser
{
    public static TunnelInfo? From(LinkKind kind, JsonElement? infoData)
    {
        if (kind is not (LinkKind.Gre or LinkKind.Gretap) || infoData is not { } d) return null;
        return new TunnelInfo(Address(d.Str("remote")), Address(d.Str("local")), Key(d.Str("ikey") ?? d.Str("key")), d.Int("ttl") is { } t and > 0 ? t : null);
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
