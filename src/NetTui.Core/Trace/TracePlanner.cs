using System.Collections.Immutable;
using System.Net;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Trace;

/// <summary>
/// Pure: the hops of one packet from a container (or an address behind a bridge) to an
/// address, judged from gathered facts (<see cref="TraceInputs"/>): the container's route,
/// its veth, the bridge, the host's route lookup (and whether the snapshot agrees), an
/// address overlap, forwarding, the firewall (<see cref="TraceFirewall"/>), NAT, the egress
/// device or tunnel, the peer's route back, and the smallest MTU on the path (<see cref="TraceMtu"/>).
/// </summary>
public static class TracePlanner
{
    public static TraceResult Plan(TraceInputs x)
    {
        var hops = ImmutableArray.CreateBuilder<TraceHop>();
        var s = x.Snapshot;
        var from = x.From;
        if (from.Container is { } c)
        {
            hops.Add(ContainerRoute(x, c));
            hops.Add(Veth(s, c, from.Ingress));
        }
        if (from.Ingress is not null) hops.Add(Bridge(s, from));
        var route = HostRoute(x);
        hops.Add(route);
        var outDev = x.HostLookup.Failed ? x.PlainLookup?.Device : x.HostLookup.Device;
        var local = x.HostLookup.IsLocal || outDev == "lo";
        if (Overlap(x, outDev) is { } overlap) hops.Add(overlap);
        // Routed by the host unless the destination sits in the source's own subnet (then the bridge carries it).
        var onLink = from.Ingress is not null && InSourceSubnet(s, from.Ingress, x.To);
        var forwarded = from.Ingress is not null && !local && outDev is not null && !onLink;
        if (forwarded)
        {
            hops.Add(Forwarding(x, from.Ingress!));
            hops.AddRange(TraceFirewall.Forward(x, from.Ingress!, outDev!));
            hops.Add(TraceFirewall.Nat(x, from.Ingress!, outDev!));
        }
        else if (from.Ingress is not null && onLink)
            hops.Add(TraceFirewall.Bridged(x, from.Ingress));
        if (!local && outDev is not null) hops.Add(TraceMtu.Egress(x, outDev));
        if (x.PeerReturn is { } back) hops.Add(PeerRoute(x, back));
        if (!local && outDev is not null && TraceMtu.Path(x, outDev) is { } mtu) hops.Add(mtu);
        return new(from.Label, from.Address.ToString(), x.To.ToString(), x.Protocol, x.Port, hops.ToImmutable());
    }

    private static TraceHop ContainerRoute(TraceInputs x, Container c)
    {
        const string name = "container route";
        if (x.ContainerLookup is not { } r) return TraceHop.Unknown(name, $"could not read {c.Name}'s routes (not running, or no rights to enter its namespace)");
        if (r.Failed)
            return TraceHop.Broken(name, $"inside {c.Name}: ip route get {x.To}: {r.Error}",
                $"give {c.Name} a route to {x.To} (Docker sets a default route via the network's gateway: check the network's gateway)");
        var gw = x.From.Network?.Subnets.Select(s => s.Gateway).FirstOrDefault(g => g is not null);
        // A gateway equal to the destination itself is an ICMP redirect the host sent (it
        // routes the peer out of the same bridge the packet came in on, as when a tunnel port
        // joins the bridge): the container now reaches it directly on the segment, which works.
        if (r.Gateway is not null && r.Gateway == x.To.ToString())
            return TraceHop.Ok(name, $"inside {c.Name}: {r} (the host's ICMP redirect: {x.To} is on the bridge's segment)");
        if (r.Gateway is not null && gw is not null && r.Gateway != gw)
            return TraceHop.Broken(name, $"inside {c.Name}: {r} — not via the network's gateway {gw}", $"route {x.To} via {gw} in {c.Name}");
        return TraceHop.Ok(name, $"inside {c.Name}: {r}");
    }

    private static TraceHop Veth(HostSnapshot s, Container c, string? bridge)
    {
        const string name = "veth";
        var veth = c.HostVeth is null ? null : s.Links.FirstOrDefault(l => l.Name == c.HostVeth);
        if (veth is null) return TraceHop.Broken(name, $"no host-side veth found for {c.Name}", $"restart the container (docker restart {c.Name}) so Docker wires it again");
        if (!veth.AdminUp || veth.OperState is "DOWN" or "LOWERLAYERDOWN")
            return TraceHop.Broken(name, $"{veth.Name} is {veth.OperState}", $"ip link set {veth.Name} up");
        if (bridge is not null && veth.Master != bridge)
            return TraceHop.Broken(name, $"{veth.Name} is attached to {veth.Master ?? "no bridge"}, not {bridge}", $"ip link set {veth.Name} master {bridge}");
        return TraceHop.Ok(name, $"{veth.Name} {veth.OperState}, mtu {veth.Mtu}, port of {veth.Master}");
    }

    private static TraceHop Bridge(HostSnapshot s, TraceSource from)
    {
        const string name = "bridge";
        var dev = from.Ingress!;
        var link = s.Links.FirstOrDefault(l => l.Name == dev);
        if (link is null) return TraceHop.Broken(name, $"{dev} does not exist", $"create {dev} (Docker makes its networks' bridges on start)");
        if (!link.AdminUp || link.OperState == "DOWN") return TraceHop.Broken(name, $"{dev} is {link.OperState}", $"ip link set {dev} up");
        var gateway = from.Network?.Subnets.Select(x => x.Gateway).FirstOrDefault(g => g is not null);
        var addresses = link.Addresses.Where(a => a.Family == AddressFamily.Inet).Select(a => $"{a.Address}/{a.PrefixLength}").ToList();
        if (gateway is not null && !link.Addresses.Any(a => a.Address == gateway))
            return TraceHop.Broken(name, $"{dev} lacks the gateway {gateway} the containers use (has {string.Join(" ", addresses)})", $"ip addr add {gateway}/{from.Network!.Subnets[0].Prefix?.PrefixLength ?? 24} dev {dev}");
        return TraceHop.Ok(name, $"{dev} {link.OperState} {string.Join(" ", addresses)}");
    }

    private static TraceHop HostRoute(TraceInputs x)
    {
        const string name = "host route";
        var lookup = x.HostLookup;
        var cmd = x.From.Ingress is null ? $"ip route get {x.To}" : $"ip route get {x.To} from {x.From.Address} iif {x.From.Ingress}";
        var table = SnapshotRoutes.Lookup(x.Snapshot, x.To);
        var tableText = table is null ? "no route in the snapshot's main table" : $"snapshot: {table.Destination}{(table.Gateway is null ? "" : " via " + table.Gateway)} dev {table.Device}";
        if (lookup.Failed)
        {
            var would = x.PlainLookup is { Failed: false } p ? $"; without the forwarding step the host would use {p}" : "";
            // With forwarding off the kernel refuses a forwarded lookup; the forwarding hop names that cause.
            if (x.PlainLookup is { Failed: false } && x.Firewall.Sysctls.IpForward == false)
                return TraceHop.Ok(name, $"{cmd}: {lookup.Error}{would} ({tableText})");
            return TraceHop.Broken(name, $"{cmd}: {lookup.Error}{would} ({tableText})",
                $"add a route to {x.To} (ip route add {x.To}/32 via GATEWAY, or the peer's subnet dev the tunnel's bridge)");
        }
        var agrees = lookup.IsLocal || table is not null && table.Device == lookup.Device;
        var evidence = $"{cmd}: {lookup} ({tableText}{(agrees ? "" : "; the kernel's answer differs: a policy rule or a newer route decides")})";
        if (lookup.Type is "unreachable" or "blackhole" or "prohibit")
            return TraceHop.Broken(name, evidence, $"remove the {lookup.Type} route for {x.To} or add a better one");
        return TraceHop.Ok(name, evidence);
    }

    /// <summary>The destination inside a subnet this host uses for something else (a Docker network, another device) than where it should go.</summary>
    private static TraceHop? Overlap(TraceInputs x, string? outDev)
    {
        foreach (var n in x.Snapshot.DockerNetworks)
        {
            if (n.Device is null || n.Device == x.From.Ingress) continue;
            var hit = n.Ipv4Prefixes.FirstOrDefault(p => p.Contains(x.To));
            if (hit is null) continue;
            var isContainer = x.Snapshot.Containers.Any(c => c.Networks.Any(e => e.IpAddress == x.To.ToString()));
            if (isContainer) continue;
            return TraceHop.Broken("overlap", $"{x.To} lies in docker network {n.Name} ({hit} on {n.Device}){(outDev == n.Device ? $": the host sends it into {n.Device}, not toward the peer" : "")}",
                $"move docker network {n.Name} to a free subnet (docker network rm {n.Name}; docker network create --subnet FREE/24 ...), or set default-address-pools in daemon.json");
        }
        return null;
    }

    private static TraceHop Forwarding(TraceInputs x, string ingress)
    {
        const string name = "forwarding";
        var sys = x.Firewall.Sysctls;
        if (sys.IpForward is null) return TraceHop.Unknown(name, "net.ipv4.ip_forward not read");
        if (sys.IpForward == false)
            return TraceHop.Broken(name, "net.ipv4.ip_forward = 0: the host forwards nothing between devices",
                "sysctl -w net.ipv4.ip_forward=1 (and net.ipv4.ip_forward=1 in /etc/sysctl.d/ to keep it)");
        if (sys.ForwardingOn(ingress) == false)
            return TraceHop.Broken(name, $"net.ipv4.conf.{ingress}.forwarding = 0", $"sysctl -w net.ipv4.conf.{ingress}.forwarding=1");
        return TraceHop.Ok(name, $"net.ipv4.ip_forward = 1{(sys.ForwardingOn(ingress) is true ? $", {ingress}.forwarding = 1" : "")}");
    }

    private static TraceHop PeerRoute(TraceInputs x, RouteLookup back)
    {
        const string name = "peer route";
        var peer = x.PeerLabel ?? "the peer";
        if (back.Failed)
            return TraceHop.Broken(name, $"on {peer}: ip route get {x.From.Address}: {back.Error}: replies cannot come back",
                $"on {peer}: ip route add {SubnetOf(x)} dev BRIDGE (or via this host's tunnel address)");
        if (back.IsLocal)
            return TraceHop.Broken(name, $"on {peer}: {x.From.Address} is a local address there (the same subnet on both ends)", "give each host's containers their own subnet");
        return TraceHop.Ok(name, $"on {peer}: ip route get {x.From.Address}: {back}");
    }

    private static bool InSourceSubnet(HostSnapshot s, string ingress, IPAddress to) =>
        s.Links.FirstOrDefault(l => l.Name == ingress)?.Addresses.Any(a => a.Family == AddressFamily.Inet
            && IpPrefix.Of(IPAddress.Parse(a.Address), a.PrefixLength).Contains(to)) == true;

    private static string SubnetOf(TraceInputs x) =>
        x.From.Network?.Ipv4Prefixes.FirstOrDefault()?.ToString()
        ?? x.Snapshot.Links.FirstOrDefault(l => l.Name == x.From.Ingress)?.Addresses
            .Where(a => a.Family == AddressFamily.Inet).Select(a => IpPrefix.Of(IPAddress.Parse(a.Address), a.PrefixLength).Network.ToString()).FirstOrDefault()
        ?? x.From.Address + "/32";
}
