namespace NetTui.Core.Wizard;

/// <summary>
/// Bytes a GRE (or VXLAN) tunnel adds to each packet, and the MTU that leaves room for them. Over IPv4:
/// 20 (outer IPv4 header) + 4 (GRE header) + 4 more with a key. Tunnels that carry Ethernet
/// frames (OVS GRE ports and GRETAP) add the inner 14-byte Ethernet header too. A packet
/// bigger than the underlay MTU after encapsulation is dropped, and inside a bridge or the
/// OVS datapath nobody sends "fragmentation needed": the sender just never hears back.
/// </summary>
public static class GreOverhead
{
    public const int OuterIpv4 = 20;
    public const int Gre = 4;
    public const int Key = 4;
    public const int Ethernet = 14;

    /// <summary>VXLAN: outer IPv4 + UDP (8) + VXLAN header (8) + inner Ethernet = 50, key or not (the VNI is in the header).</summary>
    public const int Udp = 8, VxlanHeader = 8;

    public static int Bytes(TunnelKind kind, bool key) => kind.IsVxlan()
        ? OuterIpv4 + Udp + VxlanHeader + Ethernet
        : OuterIpv4 + Gre + (key ? Key : 0) + (kind is TunnelKind.OvsGre or TunnelKind.Gretap ? Ethernet : 0);

    public static int InnerMtu(int underlayMtu, TunnelKind kind, bool key) => underlayMtu - Bytes(kind, key);

    /// <summary>"20 (outer IPv4) + 4 (GRE) + 4 (key) + 14 (inner Ethernet) = 42", for the message that says why.</summary>
    public static string Explain(TunnelKind kind, bool key)
    {
        if (kind.IsVxlan()) return $"{OuterIpv4} (outer IPv4) + {Udp} (UDP) + {VxlanHeader} (VXLAN) + {Ethernet} (inner Ethernet) = {Bytes(kind, key)}";
        var parts = new List<string> { $"{OuterIpv4} (outer IPv4)", $"{Gre} (GRE)" };
        if (key) parts.Add($"{Key} (key)");
        if (kind is TunnelKind.OvsGre or TunnelKind.Gretap) parts.Add($"{Ethernet} (inner Ethernet)");
        return $"{string.Join(" + ", parts)} = {Bytes(kind, key)}";
    }
}
