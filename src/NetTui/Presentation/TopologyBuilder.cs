using NetTui.Core.Model;

namespace NetTui.Presentation;

/// <summary>
/// Builds the topology tree from a snapshot so the way a packet leaves a container is
/// visible: Linux bridge -> port -> container / veth peer / namespace, and OVS bridge ->
/// port -> interface (GRE/VXLAN tunnels with their remote host, errors).
/// </summary>
public static class TopologyBuilder
{
    public static IReadOnlyList<TopologyNode> Build(SnapshotIndex ix)
    {
        var roots = new List<TopologyNode>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var b in ix.Snapshot.Bridges)
            roots.Add(LinuxBridgeNode(ix, b, placed));
        foreach (var b in ix.Snapshot.Ovs?.Bridges ?? [])
            roots.Add(OvsBridgeNode(ix, b));
        if (!ix.Snapshot.DockerNetworks.IsEmpty)
            roots.Add(DockerNetworksNode(ix));
        var loose = ix.Snapshot.Containers.Where(c => !placed.Contains(c.Name)).ToList();
        if (loose.Count > 0)
            roots.Add(new TopologyNode("loose-containers", "containers on no bridge", $"{loose.Count}",
                loose.Select(c => ContainerNode(c, "loose")).ToList()));
        return roots;
    }

    private static TopologyNode LinuxBridgeNode(SnapshotIndex ix, LinuxBridge b, HashSet<string> placed)
    {
        var ports = new List<TopologyNode>();
        foreach (var p in b.Ports)
        {
            var key = $"br:{b.Name}/{p.Name}";
            var children = new List<TopologyNode>();
            if (ix.ContainerOnVeth(p.Name) is { } c)
            {
                placed.Add(c.Name);
                children.Add(ContainerNode(c, key));
            }
            else if (ix.Link(p.Name) is { } link && link.Peer is { } peer)
            {
                var local = ix.LocalPeer(link);
                children.Add(local is not null
                    ? TopologyNode.Leaf($"{key}/peer", $"veth peer {local.Name}", LinkText.Addresses(local),
                        new RelatedRef($"interface {local.Name}", ViewKind.Interfaces, local.Name))
                    : TopologyNode.Leaf($"{key}/peer", $"namespace {peer.Namespace ?? (peer.NetnsId is int id ? $"id {id}" : "?")}",
                        $"veth peer ifindex {peer.Index}"));
            }
            else if (ix.OvsInterface(p.Name) is { } o)
            {
                // The bridge leads into OVS: show where OVS sends it on (its tunnels), so the
                // whole way out (container -> br0 -> OVS -> GRE -> remote host) reads in one place.
                var tunnels = o.Bridge.Ports
                    .SelectMany(op => op.Interfaces.Where(i => i.IsTunnel).Select(i => InterfaceNode(o.Bridge, op, i, $"{key}/ovs")))
                    .ToList();
                children.Add(new TopologyNode($"{key}/ovs", $"OVS port {o.Port.Name} of {o.Bridge.Name}", OvsPresenter.TypeName(o.Iface), tunnels,
                    new RelatedRef($"OVS interface {o.Iface.Name}", ViewKind.OpenVSwitch, OvsPresenter.InterfaceKey(o.Bridge, o.Port, o.Iface))));
            }
            var kind = ix.Link(p.Name) is { } l ? LinkText.Kind(l) : "port";
            ports.Add(new TopologyNode(key, $"{kind} {p.Name}", p.State, children,
                new RelatedRef($"port {p.Name}", ViewKind.Bridges, BridgesPresenter.PortKey(b.Name, p.Name))));
        }
        var addr = ix.Link(b.Name) is { } bl ? LinkText.Addresses(bl) : "";
        if (ix.Snapshot.DockerNetworks.FirstOrDefault(n => n.Device == b.Name) is { } docker)
            addr = string.Join(" · ", new[] { addr, $"docker network {docker.Name}" }.Where(s => s.Length > 0));
        return new TopologyNode($"br:{b.Name}", $"bridge {b.Name}", addr, ports,
            new RelatedRef($"bridge {b.Name}", ViewKind.Bridges, BridgesPresenter.BridgeKey(b.Name)));
    }

    /// <summary>Docker's networks with their subnet and options, and each container's endpoint on them.</summary>
    private static TopologyNode DockerNetworksNode(SnapshotIndex ix)
    {
        var nets = ix.Snapshot.DockerNetworks.Select(n =>
        {
            var key = $"docker:{n.Name}";
            var endpoints = ix.Snapshot.Containers
                .SelectMany(c => c.Networks.Where(e => e.NetworkId == n.Id || e.NetworkId is null && e.Name == n.Name).Select(e => (c, e)))
                .Select(x => TopologyNode.Leaf($"{key}/ct:{x.c.Name}", $"container {x.c.Name}", DockerNetworkText.Endpoint(x.e),
                    new RelatedRef($"container {x.c.Name}", ViewKind.Containers, x.c.Name)))
                .ToList();
            return new TopologyNode(key, $"docker network {n.Name}", DockerNetworkText.Summary(n), endpoints,
                n.Device is not null && ix.Bridge(n.Device) is not null ? new RelatedRef($"bridge {n.Device}", ViewKind.Bridges, BridgesPresenter.BridgeKey(n.Device)) : null);
        }).ToList();
        return new TopologyNode("docker-networks", "Docker networks", $"{nets.Count}", nets);
    }

    private static TopologyNode ContainerNode(Container c, string parentKey) =>
        TopologyNode.Leaf($"{parentKey}/ct:{c.Name}", $"container {c.Name}",
            ContainersPresenter.Addresses(c),
            new RelatedRef($"container {c.Name}", ViewKind.Containers, c.Name));

    private static TopologyNode OvsBridgeNode(SnapshotIndex ix, OvsBridge b)
    {
        var ports = new List<TopologyNode>();
        foreach (var p in b.Ports)
        {
            var ifaces = p.Interfaces.Select(i => InterfaceNode(b, p, i)).ToList();
            // A port with one interface of the same name is one thing to the admin: show it once.
            if (ifaces.Count == 1 && p.Interfaces[0].Name == p.Name)
                ports.Add(ifaces[0]);
            else
                ports.Add(new TopologyNode($"ovs:{b.Name}/{p.Name}", $"OVS port {p.Name}",
                    p.Tag is int tag ? $"vlan {tag}" : "", ifaces));
        }
        return new TopologyNode($"ovs:{b.Name}", $"OVS bridge {b.Name}", $"datapath {b.DatapathType}", ports,
            new RelatedRef($"OVS bridge {b.Name}", ViewKind.OpenVSwitch, OvsPresenter.BridgeKey(b)));
    }

    private static TopologyNode InterfaceNode(OvsBridge b, OvsPort p, OvsInterface i, string? parentKey = null)
    {
        var target = new RelatedRef($"OVS interface {i.Name}", ViewKind.OpenVSwitch, OvsPresenter.InterfaceKey(b, p, i));
        var key = $"{(parentKey is null ? "" : parentKey + "/")}ovs:{b.Name}/{p.Name}/{i.Name}";
        var info = i.Error is not null ? $"ERROR {i.Error}" : "";
        if (i.IsTunnel)
        {
            var remote = i.RemoteIsFlow ? "remote chosen per flow (remote_ip=flow)" : $"remote host {i.RemoteIp ?? "?"}";
            var tunnelInfo = i.Options.TryGetValue("key", out var k) ? $"key {k}" : "";
            var tunnel = TopologyNode.Leaf($"{key}/remote", remote, tunnelInfo);
            return new TopologyNode(key, $"{i.Type.ToUpperInvariant()} tunnel {i.Name}", info, [tunnel], target);
        }
        return TopologyNode.Leaf(key, $"{OvsPresenter.TypeName(i)} {i.Name}", info, target);
    }
}
