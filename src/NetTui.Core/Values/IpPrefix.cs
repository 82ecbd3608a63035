using System.Net;
using System.Net.Sockets;

namespace NetTui.Core.Values;

/// <summary>
/// An address with its prefix length, as `ip addr` takes it ("192.168.100.1/24"). Also
/// accepts the classic address + netmask form of `ifconfig` ("192.168.40.100 255.255.255.0"
/// or "192.168.40.100/255.255.255.0"); a netmask must be contiguous (255.0.255.0 is refused).
/// The host part is kept: <see cref="Network"/> gives the subnet.
/// </summary>
public sealed record IpPrefix
{
    public IPAddress Address { get; }
    public int PrefixLength { get; }

    private IpPrefix(IPAddress address, int prefixLength)
    {
        Address = address;
        PrefixLength = prefixLength;
    }

    public bool IsV4 => Address.AddressFamily == AddressFamily.InterNetwork;
    public int MaxLength => IsV4 ? 32 : 128;

    /// <summary>The subnet: the address with its host bits cleared.</summary>
    public IPNetwork Network => new(Mask(Address, PrefixLength), PrefixLength);

    /// <summary>True if the host bits are all zero (a route destination must be like that).</summary>
    public bool IsNetworkAddress => Mask(Address, PrefixLength).Equals(Address);

    public static Parsed<IpPrefix> Parse(string? text, string field = "address")
    {
        if (string.IsNullOrWhiteSpace(text)) return Parsed<IpPrefix>.Fail(field, "an address with prefix (like 192.168.1.1/24) is required");
        text = text.Trim();
        string addressText, suffix;
        var slash = text.IndexOf('/');
        var space = text.IndexOfAny([' ', '\t']);
        if (slash >= 0) { addressText = text[..slash]; suffix = text[(slash + 1)..]; }
        else if (space >= 0) { addressText = text[..space]; suffix = text[space..].Trim(); }
        else return Parsed<IpPrefix>.Fail(field, $"'{InterfaceName.Printable(text)}' has no prefix length (write it as ADDRESS/LEN, like 192.168.1.1/24, or ADDRESS NETMASK)");

        var addr = IpAddress.Parse(addressText, field);
        if (!addr.Ok) return Parsed<IpPrefix>.Fail(field, addr.Error!.Message);
        return WithSuffix(addr.Get(), suffix, field);
    }

    /// <summary>Address and netmask given separately (ifconfig's `ADDR netmask MASK`).</summary>
    public static Parsed<IpPrefix> FromNetmask(string? address, string? netmask, string field = "address")
    {
        var addr = IpAddress.Parse(address, field);
        if (!addr.Ok) return Parsed<IpPrefix>.Fail(field, addr.Error!.Message);
        return WithSuffix(addr.Get(), netmask ?? "", "netmask");
    }

    private static Parsed<IpPrefix> WithSuffix(IpAddress addr, string suffix, string field)
    {
        var max = addr.IsV4 ? 32 : 128;
        if (suffix.Length > 0 && suffix.Length <= 3 && suffix.All(char.IsAsciiDigit))
        {
            var len = int.Parse(suffix, System.Globalization.CultureInfo.InvariantCulture);
            if (len > max) return Parsed<IpPrefix>.Fail(field, $"prefix length {len} is above {max}");
            return Parsed<IpPrefix>.Success(new IpPrefix(addr.Value, len));
        }
        if (addr.IsV4 && suffix.Contains('.'))
        {
            var mask = IpAddress.Parse(suffix, field);
            if (!mask.Ok) return Parsed<IpPrefix>.Fail(field, $"'{InterfaceName.Printable(suffix)}' is not a valid netmask");
            var len = ContiguousLength(mask.Get().Value);
            if (len is null) return Parsed<IpPrefix>.Fail(field, $"netmask {suffix} is not contiguous (its 1 bits must come first, like 255.255.255.0)");
            return Parsed<IpPrefix>.Success(new IpPrefix(addr.Value, len.Value));
        }
        return Parsed<IpPrefix>.Fail(field, $"'{InterfaceName.Printable(suffix)}' is not a prefix length (0-{max}){(addr.IsV4 ? " or a netmask" : "")}");
    }

    public static IpPrefix Of(IPAddress address, int prefixLength) => new(address, prefixLength);

    public bool Contains(IPAddress a) => a.AddressFamily == Address.AddressFamily && Network.Contains(a);

    public bool Overlaps(IpPrefix other) =>
        other.IsV4 == IsV4 && (Contains(other.Network.BaseAddress) || other.Contains(Network.BaseAddress));

    /// <summary>Same address and length; how `ip addr` identifies an address on a link.</summary>
    public bool SameAs(IpPrefix other) => Address.Equals(other.Address) && PrefixLength == other.PrefixLength;

    private static int? ContiguousLength(IPAddress mask)
    {
        var b = mask.GetAddressBytes();
        uint m = (uint)(b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]);
        var len = System.Numerics.BitOperations.PopCount(m);
        var expected = len == 0 ? 0u : uint.MaxValue << (32 - len);
        return m == expected ? len : null;
    }

    internal static IPAddress Mask(IPAddress a, int len)
    {
        var bytes = a.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(len - i * 8, 0, 8);
            bytes[i] &= (byte)(0xff << (8 - keep));
        }
        return new IPAddress(bytes);
    }

    public override string ToString() => $"{Address}/{PrefixLength}";
}
