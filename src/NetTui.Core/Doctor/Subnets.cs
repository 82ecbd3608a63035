using System.Net;

namespace NetTui.Core.Doctor;

/// <summary>An address with its prefix length ("192.168.1.1/24"), with the subnet arithmetic the checks need.</summary>
public readonly record struct AddressPrefix(IPAddress Address, int PrefixLength)
{
    public override string ToString() => $"{Address}/{PrefixLength}";

    /// <summary>True when <paramref name="other"/> lies in this prefix's subnet.</summary>
    public bool Contains(IPAddress other) =>
        other.AddressFamily == Address.AddressFamily && Subnets.SamePrefix(Address, other, PrefixLength);

    /// <summary>Two subnets overlap when the shorter prefix contains the other's network.</summary>
    public bool Overlaps(AddressPrefix other) =>
        other.Address.AddressFamily == Address.AddressFamily
        && Subnets.SamePrefix(Address, other.Address, Math.Min(PrefixLength, other.PrefixLength));
}

public static class Subnets
{
    public static bool TryParse(string text, out AddressPrefix prefix)
    {
        prefix = default;
        var slash = text.IndexOf('/');
        var addr = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addr, out var a)) return false;
        var max = a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
        var len = max;
        if (slash >= 0 && (!int.TryParse(text[(slash + 1)..], out len) || len < 0 || len > max)) return false;
        prefix = new AddressPrefix(a, len);
        return true;
    }

    /// <summary>Whether the first <paramref name="bits"/> bits of two addresses of one family agree.</summary>
    public static bool SamePrefix(IPAddress a, IPAddress b, int bits)
    {
        var x = a.GetAddressBytes();
        var y = b.GetAddressBytes();
        if (x.Length != y.Length) return false;
        for (var i = 0; i < x.Length && bits > 0; i++, bits -= 8)
        {
            var mask = bits >= 8 ? 0xFF : (byte)(0xFF << (8 - bits));
            if ((x[i] & mask) != (y[i] & mask)) return false;
        }
        return true;
    }
}
