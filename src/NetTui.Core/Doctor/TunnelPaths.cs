using System.Net;
using NetTui.Core.Model;
using NetTui.Core.Wizard;

namespace NetTui.Core.Doctor;

/// <summary>A tunnel a Linux bridge forwards frames into, and the biggest packet that fits through it.</summary>
public sealed record TunnelPath(string Bridge, string Tunnel, int PathMtu, string Why);

/// <summary>
/// Which tunnels a Linux bridge reaches by bridging (not routing): a GRETAP or VXLAN port of
/// the bridge, or an OVS internal port (obr0) whose OVS bridge has a GRE/VXLAN port. Frames
/// bigger than such a path are dropped inside the bridge or datapath with no "fragmentation
/// needed", so a sender with a bigger MTU just stalls. A routed tunnel (kernel GRE) is not a
/// path here: the host answers "fragmentation needed" there.
/// </summary>
public static class TunnelPaths
{
    public static IEnumerable<TunnelPath> Of(HostSnapshot host, string bridge)
    {
        foreach (var port in host.Links.Where(l => l.Master == bridge))
        {
            if (port.Kind is LinkKind.Gretap or LinkKind.Vxlan)
            {
                var kind = port.Kind == LinkKind.Vxlan ? TunnelKind.Vxlan : TunnelKind.Gretap;
                var (mtu, why) = Limit(host, port.Mtu, $"{port.Name} has MTU {port.Mtu}", port.Tunnel?.Remote, kind, port.Tunnel?.Key is not null && kind == TunnelKind.Gretap);
                yield return new TunnelPath(bridge, port.Name, mtu, why);
            }
            else if (port.Kind == LinkKind.OvsInternal && host.Ovs?.Bridges.FirstOrDefault(b => b.Name == port.Name) is { } ovs)
            {
                foreach (var iface in ovs.Ports.SelectMany(p => p.Interfaces).Where(i => i.Type is "gre" or "vxlan"))
                {
                    var kind = iface.Type == "vxlan" ? TunnelKind.OvsVxlan : TunnelKind.OvsGre;
                    var key = iface.Type == "gre" && iface.Options.ContainsKey("key");
                    var (mtu, why) = Limit(host, port.Mtu, $"{port.Name} (OVS bridge of {iface.Name}) has MTU {port.Mtu}", iface.RemoteIp, kind, key);
                    yield return new TunnelPath(bridge, iface.Name, mtu, why);
                }
            }
        }
    }

    /// <summary>The smaller of the device's MTU and the underlay's MTU less the tunnel's overhead.</summary>
    private static (int Mtu, string Why) Limit(HostSnapshot host, int deviceMtu, string deviceWhy, string? remote, TunnelKind kind, bool key)
    {
        if (remote is null || !IPAddress.TryParse(remote, out var peer) || TunnelWizardChecks.RouteTo(host, peer) is not { Device: { } dev }
            || host.FindLink(dev) is not { } underlay)
            return (deviceMtu, deviceWhy);
        var inner = GreOverhead.InnerMtu(underlay.Mtu, kind, key);
        return inner < deviceMtu
            ? (inner, $"the underlay {dev} has MTU {underlay.Mtu} and the tunnel adds {GreOverhead.Bytes(kind, key)} bytes")
            : (deviceMtu, deviceWhy);
    }
}
