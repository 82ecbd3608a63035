using System.Net;
using NetTui.Core.Values;

namespace NetTui.Core.Wizard;

/// <summary>The wizard's fields parsed into values, or the errors by field.</summary>
internal sealed record TunnelWizardFields(
    IPAddress LocalUnderlay,
    IPAddress PeerUnderlay,
    IpPrefix LocalSubnet,
    IpPrefix PeerSubnet,
    IpPrefix LocalBridgeAddress,
    GreKey? Key,
    Vni? Vni,
    IReadOnlyList<ValueError> Errors)
{
    public static TunnelWizardFields Parse(TunnelWizardInput i)
    {
        var errors = new List<ValueError>();
        var lu = V4(i.LocalUnderlay, "local-underlay", errors);
        var pu = V4(i.PeerUnderlay, "peer-underlay", errors);
        var ls = Subnet(i.LocalSubnet, "local-subnet", errors);
        var ps = Subnet(i.PeerSubnet, "peer-subnet", errors);
        GreKey? key = null;
        Vni? vni = null;
        if (i.Kind.IsVxlan())
        {
            var v = Values.Vni.Parse(i.Key, "vni");
            if (v.Ok) vni = v.Get(); else errors.Add(i.Key is { Length: > 0 } ? v.Error! : new("vni", "a VXLAN needs a VNI (1-16777215) that both hosts use"));
        }
        else if (i.Key is { Length: > 0 })
        {
            var k = GreKey.Parse(i.Key, "key");
            if (k.Ok) key = k.Get(); else errors.Add(k.Error!);
        }
        foreach (var (name, field) in new[] { (i.Bridge, "bridge"), (i.PortName, "port") }.Concat(i.Kind.IsOvs() ? [(i.OvsBridge, "ovs-bridge")] : []))
        {
            var n = InterfaceName.Parse(name, field);
            if (!n.Ok) errors.Add(n.Error!);
        }
        if (i.Bridge == i.PortName || (i.Kind.IsOvs() && (i.OvsBridge == i.Bridge || i.OvsBridge == i.PortName)))
            errors.Add(new("port", "the bridge, the OVS bridge and the port need three different names"));
        if (lu is not null && pu is not null && lu.Equals(pu))
            errors.Add(new("peer-underlay", $"the peer's underlay address is this host's ({lu})"));
        if (errors.Count > 0) return new(IPAddress.None, IPAddress.None, IpPrefix.Of(IPAddress.Any, 0), IpPrefix.Of(IPAddress.Any, 0), IpPrefix.Of(IPAddress.Any, 0), null, null, errors);
        return new(lu!, pu!, Network(ls!), Network(ps!), BridgeAddress(ls!), key, vni, []);
    }

    private static IPAddress? V4(string text, string field, List<ValueError> errors)
    {
        var p = IpAddress.Parse(text, field);
        if (!p.Ok) { errors.Add(p.Error!); return null; }
        if (!p.Get().IsV4) { errors.Add(new(field, $"{p.Get()} is IPv6; the wizard's tunnels run over IPv4")); return null; }
        return p.Get().Value;
    }

    private static IpPrefix? Subnet(string text, string field, List<ValueError> errors)
    {
        var p = IpPrefix.Parse(text, field);
        if (!p.Ok) { errors.Add(p.Error!); return null; }
        var s = p.Get();
        if (!s.IsV4) { errors.Add(new(field, $"{s} is IPv6; the wizard makes IPv4 container subnets")); return null; }
        if (s.PrefixLength > 30) { errors.Add(new(field, $"/{s.PrefixLength} leaves no room for a bridge address and containers (use /30 or shorter)")); return null; }
        if (!s.IsNetworkAddress && IsBroadcast(s)) { errors.Add(new(field, $"{s.Address} is the broadcast address of {s.Network}")); return null; }
        return s;
    }

    private static bool IsBroadcast(IpPrefix p)
    {
        var host = 32 - p.PrefixLength;
        var v = (uint)IPAddress.NetworkToHostOrder(BitConverter.ToInt32(p.Address.GetAddressBytes(), 0));
        var mask = host == 32 ? uint.MaxValue : (1u << host) - 1;
        return (v & mask) == mask;
    }

    /// <summary>The subnet itself (192.168.1.0/24), whatever address was typed in it.</summary>
    private static IpPrefix Network(IpPrefix p) => IpPrefix.Of(p.Network.BaseAddress, p.PrefixLength);

    /// <summary>The bridge's address: the one typed, or the first host address when the network address was typed.</summary>
    private static IpPrefix BridgeAddress(IpPrefix p)
    {
        if (!p.IsNetworkAddress) return p;
        var b = p.Network.BaseAddress.GetAddressBytes();
        b[3]++;
        return IpPrefix.Of(new IPAddress(b), p.PrefixLength);
    }
}
