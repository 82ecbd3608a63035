using System.Text.RegularExpressions;
using NetTui.Core.Model;

namespace NetTui.Core.Persisting;

/// <summary>
/// Who recreates a device at boot when no NetworkManager profile does, per kind: the kernel
/// (loopback), ovs-vswitchd (its datapath devices), OVSDB (bridges, internal ports, tunnels;
/// a NIC added as a system port comes back by itself and OVSDB puts it back in its bridge),
/// dockerd (its networks' bridges, containers' veths), or nobody (a veth or tap someone made
/// by hand and then added to OVS: OVSDB keeps the port row, nothing makes the device again).
/// </summary>
public sealed partial class BootOwners
{
    private readonly Dictionary<string, string> _ovsTypes;
    private readonly HashSet<string> _containerVeths;
    private readonly Dictionary<string, string> _dockerDevices;

    private BootOwners(Dictionary<string, string> ovsTypes, HashSet<string> containerVeths, Dictionary<string, string> dockerDevices)
    {
        _ovsTypes = ovsTypes;
        _containerVeths = containerVeths;
        _dockerDevices = dockerDevices;
    }

    public static BootOwners Of(HostSnapshot s, bool withOvs = true)
    {
        var ovs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (withOvs && s.Ovs is { } o)
            foreach (var p in o.Bridges.SelectMany(b => b.Ports))
            {
                foreach (var i in p.Interfaces) ovs.TryAdd(i.Name, i.Type);
                ovs.TryAdd(p.Name, p.Interfaces.Length == 1 ? p.Interfaces[0].Type : "bond");
            }
        var veths = s.Containers.Select(c => c.HostVeth).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var docker = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var n in s.DockerNetworks)
            if (n.Device is not null) docker.TryAdd(n.Device, n.Name);
        return new(ovs, veths, docker);
    }

    /// <summary>The Docker network whose bridge <paramref name="link"/> is, or null.</summary>
    public string? DockerNetworkOf(Link link)
    {
        if (link.Kind != LinkKind.Bridge) return null;
        if (_dockerDevices.TryGetValue(link.Name, out var network)) return network;
        return link.Name == "docker0" || DockerNetworkBridge().IsMatch(link.Name) ? "" : null;
    }

    /// <summary>What recreates <paramref name="l"/> at boot, NetworkManager aside.</summary>
    public Persistence ForDevice(Link l)
    {
        if (l.Kind == LinkKind.Loopback) return new(PersistenceKind.Kernel, Note: "always there");
        if (l.Name is "ovs-system" or "ovs-netdev" && l.Kind is LinkKind.OvsInternal or LinkKind.Tap or LinkKind.Tun or LinkKind.Other)
            return new(PersistenceKind.OvsVswitchd, Note: "Open vSwitch's datapath device, made by ovs-vswitchd when it starts");
        if (_ovsTypes.TryGetValue(l.Name, out var type))
            return type is "" or "system" && l.Kind is not (LinkKind.Ethernet or LinkKind.OvsInternal)
                ? Persistence.RuntimeOnly with { Note = $"OVSDB keeps its port, but nothing recreates the {KindWord(l)} itself" }
                : new(PersistenceKind.Ovsdb);
        if (l.Kind == LinkKind.OvsInternal) return new(PersistenceKind.Ovsdb);
        if (l.Kind == LinkKind.Veth && _containerVeths.Contains(l.Name)) return new(PersistenceKind.Docker, Note: "recreated with its container");
        if (DockerNetworkOf(l) is { } network)
            return new(PersistenceKind.Docker, Note: network.Length == 0 ? "recreated by the Docker daemon" : $"recreated by the Docker daemon (network {network})");
        return Persistence.RuntimeOnly;
    }

    private static string KindWord(Link l) => l.Kind == LinkKind.Other ? l.Label ?? "device" : l.Kind.ToString().ToLowerInvariant();

    [GeneratedRegex("^br-[0-9a-f]{12}$")] private static partial Regex DockerNetworkBridge();
}
