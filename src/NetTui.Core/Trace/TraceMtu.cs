using NetTui.Core.Model;

namespace NetTui.Core.Trace;

/// <summary>
/// Pure: the egress hop (the device the host sends the packet out of, and the tunnel behind
/// it: an OVS GRE/VXLAN port reached through an OVS internal port on the bridge, or a kernel
/// tunnel) and the MTU hop: the smallest MTU on the path against the container's. A tunnel
/// carries its underlay MTU minus its headers, counted as the wizard and the Doctor count them
/// (<see cref="Wizard.GreOverhead"/>: OVS GRE 38, 42 with a key, so 1462 or 1458 over 1500; VXLAN 50).
/// </summary>
public static class TraceMtu
{
    /// <summary>Header bytes of an OVS tunnel interface (they carry Ethernet frames); 0 for a type NetTui does not size.</summary>
    public static int Overhead(OvsInterface i) => i.Type switch
    {
        "gre" => Wizard.GreOverhead.Bytes(Wizard.TunnelKind.OvsGre, key: i.Options.ContainsKey("key")),
        "vxlan" => Wizard.GreOverhead.Bytes(Wizard.TunnelKind.OvsVxlan, key: false),
        "geneve" => Wizard.GreOverhead.Bytes(Wizard.TunnelKind.OvsVxlan, key: false), // same UDP + 8-byte header, without options
        _ => 0,
    };

    private sealed record Tunnel(string Name, string Type, string? Remote, string? Error, int Mtu, int Overhead = 0);

    public static TraceHop Egress(TraceInputs x, string outDev)
    {
        const string name = "egress";
        var link = x.Snapshot.Links.FirstOrDefault(l => l.Name == outDev);
        if (link is null) return TraceHop.Unknown(name, $"{outDev} is not in the snapshot");
        if (!link.AdminUp || link.OperState is "DOWN" or "LOWERLAYERDOWN")
            return TraceHop.Broken(name, $"{outDev} is {link.OperState}", $"ip link set {outDev} up");
        var tunnels = Tunnels(x.Snapshot, outDev).ToList();
        if (tunnels.FirstOrDefault(t => t.Error is not null) is { } bad)
            return TraceHop.Broken(name, $"out {outDev}, tunnel {bad.Name}: {bad.Error}", $"recreate {bad.Name} with its type in one step (ovs-vsctl add-port BRIDGE {bad.Name} -- set interface {bad.Name} type={bad.Type} options:remote_ip=PEER)");
        var via = tunnels.Count == 0 ? "" : " then " + string.Join(", ", tunnels.Select(t => $"{t.Type.ToUpperInvariant()} tunnel {t.Name} to {t.Remote ?? "?"}"));
        return TraceHop.Ok(name, $"out {outDev} ({link.OperState}, mtu {link.Mtu}){via}");
    }

    public static TraceHop? Path(TraceInputs x, string outDev)
    {
        const string name = "mtu";
        var link = x.Snapshot.Links.FirstOrDefault(l => l.Name == outDev);
        if (link is null) return null;
        var parts = new List<(string What, int Mtu)> { ($"{outDev} {link.Mtu}", link.Mtu) };
        foreach (var t in Tunnels(x.Snapshot, outDev))
            parts.Add((t.Overhead == 0 ? $"{t.Type.ToUpperInvariant()} {t.Name} {t.Mtu}" : $"{t.Type.ToUpperInvariant()} {t.Name} {t.Mtu} ({t.Mtu + t.Overhead} underlay - {t.Overhead})", t.Mtu));
        var path = parts.Min(p => p.Mtu);
        var own = x.ContainerMtu ?? (x.From.Container?.HostVeth is { } v ? x.Snapshot.Links.FirstOrDefault(l => l.Name == v)?.Mtu : null);
        var evidence = $"path mtu {path} ({string.Join(", ", parts.Select(p => p.What))})";
        if (own is null) return TraceHop.Unknown(name, evidence + "; the sender's MTU is not known");
        if (own > path)
            return TraceHop.Broken(name, $"{x.From.Label} has mtu {own} > {evidence}: full-size packets with DF set are dropped and TCP stalls on big transfers",
                $"set the containers' MTU to {path}: \"mtu\": {path} in /etc/docker/daemon.json (and the bridge's), or com.docker.network.driver.mtu={path} on the network");
        return TraceHop.Ok(name, $"{x.From.Label} mtu {own} <= {evidence}");
    }

    /// <summary>Tunnels behind a device: OVS tunnels on the OVS bridge whose internal port is the device or a port of it (a Linux bridge), and a kernel tunnel device itself.</summary>
    private static IEnumerable<Tunnel> Tunnels(HostSnapshot s, string device)
    {
        var names = new List<string> { device };
        names.AddRange(s.Bridges.Where(b => b.Name == device).SelectMany(b => b.Ports.Select(p => p.Name)));
        foreach (var ovs in s.Ovs?.Bridges ?? [])
        {
            if (!ovs.Ports.Any(p => p.Interfaces.Any(i => names.Contains(i.Name))) && !names.Contains(ovs.Name)) continue;
            foreach (var i in ovs.Ports.SelectMany(p => p.Interfaces).Where(i => i.IsTunnel))
                yield return new(i.Name, i.Type, i.RemoteIp, i.Error, UnderlayMtu(s, i.RemoteIp) - Overhead(i), Overhead(i));
        }
        foreach (var l in s.Links.Where(l => names.Contains(l.Name) && l.Kind is LinkKind.Gre or LinkKind.Gretap or LinkKind.Vxlan))
            yield return new(l.Name, l.Kind.ToString().ToLowerInvariant(), l.Tunnel?.Remote, null, l.Mtu);
    }

    /// <summary>The MTU of the device the snapshot routes the tunnel's remote through (1500 when unknown).</summary>
    private static int UnderlayMtu(HostSnapshot s, string? remote)
    {
        if (remote is null || !System.Net.IPAddress.TryParse(remote, out var a)) return 1500;
        var dev = SnapshotRoutes.Lookup(s, a)?.Device;
        return s.Links.FirstOrDefault(l => l.Name == dev)?.Mtu ?? 1500;
    }
}
