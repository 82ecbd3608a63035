using System.Net;
using System.Net.Sockets;

namespace NetTui.Core.Values;

/// <summary>
/// An IPv4 or IPv6 address in its plain text form. Stricter than <see cref="IPAddress.TryParse(string?, out IPAddress?)"/>,
/// which also takes "1", "1.2.3" or "0x7f.1": an IPv4 address here is four decimal octets.
/// </summary>
public sealed record IpAddress
{
    public IPAddress Value { get; }

    private IpAddress(IPAddress value) => Value = value;

    public bool IsV4 => Value.AddressFamily == AddressFamily.InterNetwork;

    public static Parsed<IpAddress> Parse(string? text, string field = "address")
    {
        if (string.IsNullOrWhiteSpace(text)) return Parsed<IpAddress>.Fail(field, "an IP address is required");
        text = text.Trim();
        if (text.Contains(':'))
        {
            // IPv6: no zone ids ("%eth0") and no brackets; the address family decides the rest.
            if (text.Contains('%') || !IPAddress.TryParse(text, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
                return Parsed<IpAddress>.Fail(field, $"'{InterfaceName.Printable(text)}' is not a valid IPv6 address");
            return Parsed<IpAddress>.Success(new IpAddress(v6));
        }
        var parts = text.Split('.');
        if (parts.Length != 4)
            return Parsed<IpAddress>.Fail(field, $"'{InterfaceName.Printable(text)}' is not a valid IPv4 address (want four numbers 0-255, like 192.168.1.1)");
        var bytes = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            var p = parts[i];
            if (p.Length is 0 or > 3 || !p.All(char.IsAsciiDigit) || (p.Length > 1 && p[0] == '0'))
                return Parsed<IpAddress>.Fail(field, $"'{InterfaceName.Printable(text)}' is not a valid IPv4 address (part '{p}')");
            var n = int.Parse(p, System.Globalization.CultureInfo.InvariantCulture);
            if (n > 255)
                return Parsed<IpAddress>.Fail(field, $"'{text}' is not a valid IPv4 address ({n} is above 255)");
            bytes[i] = (byte)n;
        }
        return Parsed<IpAddress>.Success(new IpAddress(new IPAddress(bytes)));
    }

    public static IpAddress Of(IPAddress a) => new(a);

    public override string ToString() => Value.ToString();
}
