using System.Globalization;

namespace NetTui.Core.Values;

/// <summary>A VXLAN network identifier: 24 bits, 1-16777215 (0 is reserved by RFC 7348 practice and refused by OVS flows).</summary>
public sealed record Vni(int Value)
{
    public const int Min = 1, Max = 16777215;
    public static Parsed<Vni> Parse(string? text, string field = "vni")
    {
        var n = Number.InRange(text, field, Min, Max, "VNI");
        return n.Ok ? Parsed<Vni>.Success(new Vni((int)n.Get())) : Parsed<Vni>.Fail(field, n.Error!.Message);
    }
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A UDP destination port: 1-65535 (VXLAN's IANA port is 4789; Linux's old default 8472).</summary>
public sealed record UdpPort(int Value)
{
    public const int Vxlan = 4789;
    public static Parsed<UdpPort> Parse(string? text, string field = "dstport")
    {
        var n = Number.InRange(text, field, 1, 65535, "UDP port");
        return n.Ok ? Parsed<UdpPort>.Success(new UdpPort((int)n.Get())) : Parsed<UdpPort>.Fail(field, n.Error!.Message);
    }
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A multicast group a VXLAN floods to: an IPv4 224.0.0.0/4 or IPv6 ff00::/8 address.</summary>
public static class MulticastGroup
{
    public static Parsed<IpAddress> Parse(string? text, string field = "group")
    {
        var a = IpAddress.Parse(text, field);
        if (!a.Ok) return a;
        var ip = a.Get();
        var multicast = ip.IsV4 ? (ip.Value.GetAddressBytes()[0] & 0xF0) == 0xE0 : ip.Value.IsIPv6Multicast;
        return multicast ? a : Parsed<IpAddress>.Fail(field, $"{ip} is not a multicast address (224.0.0.0/4 or ff00::/8)");
    }
}
