namespace NetTui.Core.Values;

/// <summary>
/// Where ovs-vsctl finds OVSDB (`--db=`): "unix:PATH", "tcp:HOST:PORT" or "ssl:HOST:PORT".
/// </summary>
public static class OvsDatabase
{
    public static Parsed<string> Parse(string? text, string field = "ovs-db")
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) return Parsed<string>.Fail(field, "a database target like unix:/run/openvswitch/db.sock is required");
        if (t.Any(c => c < 0x21 || c > 0x7e))
            return Parsed<string>.Fail(field, $"'{InterfaceName.Printable(t)}' contains whitespace or control characters");
        if (t.StartsWith("unix:", StringComparison.Ordinal) && t.Length > 5 && t[5] == '/') return Parsed<string>.Success(t);
        if ((t.StartsWith("tcp:", StringComparison.Ordinal) || t.StartsWith("ssl:", StringComparison.Ordinal)) && t.Count(c => c == ':') >= 2)
            return Parsed<string>.Success(t);
        return Parsed<string>.Fail(field, $"'{t}' is not an OVSDB target (unix:/absolute/path, tcp:HOST:PORT or ssl:HOST:PORT)");
    }
}

/// <summary>
/// A key or value of an OVS Interface option map (options:KEY=VALUE). ovs-vsctl parses
/// these itself, so only plain tokens are allowed: a comma, quote or '=' could add keys.
/// </summary>
public static class OvsToken
{
    public static Parsed<string> Parse(string? text, string field)
    {
        if (string.IsNullOrEmpty(text)) return Parsed<string>.Fail(field, "a value is required");
        if (text.Length > 256 || !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':'))
            return Parsed<string>.Fail(field, $"'{InterfaceName.Printable(text)}' may only contain letters, digits and _-.:");
        return Parsed<string>.Success(text);
    }

    /// <summary>OVS port and interface types NetTui creates or recreates.</summary>
    public static Parsed<string> PortType(string? text, string field = "type") => text switch
    {
        null or "" or "system" => Parsed<string>.Success(""),
        "internal" or "gre" or "vxlan" or "geneve" or "patch" or "ip6gre" or "erspan" or "tap" or "dpdk" => Parsed<string>.Success(text),
        _ => Parsed<string>.Fail(field, $"'{InterfaceName.Printable(text)}' is not an OVS interface type NetTui handles"),
    };
}
