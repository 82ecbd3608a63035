using System.Net;

namespace NetTui.Core.Values;

/// <summary>
/// A route's destination: "default" or a subnet. The kernel refuses host bits in a route
/// prefix ("Invalid prefix for given prefix length"), so 192.168.2.1/24 is refused here
/// with the subnet it probably meant. A bare address means a host route (/32 or /128).
/// </summary>
public sealed record RouteDestination
{
    public IpPrefix Prefix { get; }
    public bool IsDefault => Prefix.PrefixLength == 0;

    private RouteDestination(IpPrefix prefix) => Prefix = prefix;

    public static Parsed<RouteDestination> Parse(string? text, string field = "destination")
    {
        var t = text?.Trim();
        if (t is "default" or "0.0.0.0/0") return Parsed<RouteDestination>.Success(new(IpPrefix.Of(IPAddress.Any, 0)));
        if (t is "::/0") return Parsed<RouteDestination>.Success(new(IpPrefix.Of(IPAddress.IPv6Any, 0)));
        if (!string.IsNullOrEmpty(t) && !t.Contains('/') && !t.Contains(' '))
        {
            var host = IpAddress.Parse(t, field);
            if (!host.Ok) return Parsed<RouteDestination>.Fail(field, host.Error!.Message);
            return Parsed<RouteDestination>.Success(new(IpPrefix.Of(host.Get().Value, host.Get().IsV4 ? 32 : 128)));
        }
        var p = IpPrefix.Parse(t, field);
        if (!p.Ok) return Parsed<RouteDestination>.Fail(field, p.Error!.Message);
        var prefix = p.Get();
        if (!prefix.IsNetworkAddress)
            return Parsed<RouteDestination>.Fail(field, $"{prefix} has host bits set (did you mean {prefix.Network}?)");
        return Parsed<RouteDestination>.Success(new(prefix));
    }

    /// <summary>
    /// What iproute2 prints and takes: "default" or the subnet. The IPv6 default is written
    /// "::/0": a bare "default" means IPv4 to `ip route del default dev X`.
    /// </summary>
    public override string ToString() => IsDefault ? (Prefix.IsV4 ? "default" : "::/0") : $"{Prefix.Address}/{Prefix.PrefixLength}";
}
