using NetTui.Core.Firewall;

namespace NetTui.Core.Trace;

/// <summary>
/// Pure: the firewall and NAT hops of a trace. The forwarded packet (first packet: NEW) walks
/// the forward hook of every backend holding rules (iptables-nft, iptables-legacy, native
/// nftables: each must let it through), and so does the reply (ESTABLISHED); the postrouting
/// walk says which rule masquerades it, when the source needs NAT at all.
/// </summary>
public static class TraceFirewall
{
    public static IEnumerable<TraceHop> Forward(TraceInputs x, string inDev, string outDev)
    {
        const string name = "firewall";
        var sets = x.Firewall.Rulesets.Where(r => r.HasRules).ToList();
        if (sets.Count == 0)
        {
            yield return x.Firewall.Unread.Any(u => u.StartsWith("iptables", StringComparison.Ordinal))
                ? TraceHop.Unknown(name, "iptables rules not read: " + string.Join("; ", x.Firewall.Unread))
                : TraceHop.Ok(name, "no firewall rules: nothing filters forwarded packets");
            yield break;
        }
        var packet = new FirewallPacket(inDev, outDev, x.From.Address, x.To, x.Protocol, x.Port);
        var reply = new FirewallPacket(outDev, inDev, x.To, x.From.Address, x.Protocol, null, FirstPacket: false);
        var mixed = x.Firewall.Mixed ? " (iptables-legacy and nf_tables rules both present: a packet must pass both)" : "";
        foreach (var set in sets)
        {
            var there = ChainWalk.Hook(set, "forward", packet);
            var back = ChainWalk.Hook(set, "forward", reply);
            var label = Label(set.Backend);
            var skipped = there.Skipped.IsEmpty ? "" : $"; not judged: {string.Join(", ", there.Skipped.Select(r => r.Text))}";
            if (there.Blocks)
                yield return TraceHop.Broken(name, $"{label}: {there.Evidence} drops {Describe(packet)}{mixed}{skipped}", FixFor(set, there, inDev, outDev));
            else if (back.Blocks)
                yield return TraceHop.Broken(name, $"{label}: replies from {x.To} are dropped: {back.Evidence}{mixed}", FixFor(set, back, outDev, inDev));
            else
                yield return TraceHop.Ok(name, $"{label}: {there.Evidence} accepts {Describe(packet)}{mixed}{skipped}");
        }
    }

    /// <summary>Both ends on one bridge: bridged, not routed; iptables sees it only with bridge-nf-call-iptables on.</summary>
    public static TraceHop Bridged(TraceInputs x, string bridge)
    {
        var nf = x.Firewall.Sysctls.BridgeNfCallIptables;
        return TraceHop.Ok("bridge forwarding", nf == true
            ? $"{x.To} is on {bridge} itself: bridged; net.bridge.bridge-nf-call-iptables = 1, so FORWARD still sees it"
            : $"{x.To} is on {bridge} itself: bridged, no routing and no iptables");
    }

    public static TraceHop Nat(TraceInputs x, string inDev, string outDev)
    {
        const string name = "nat";
        var packet = new FirewallPacket(inDev, outDev, x.From.Address, x.To, x.Protocol, x.Port);
        foreach (var set in x.Firewall.Rulesets.Where(r => r.HasRules))
        {
            var walk = ChainWalk.Hook(set, "postrouting", packet);
            if (walk.Verdict.IsSourceNat())
                return TraceHop.Ok(name, $"{Label(set.Backend)}: {walk.Evidence} rewrites {x.From.Address} to {outDev}'s address");
        }
        var network = x.From.Network;
        var viaDefault = SnapshotRoutes.Lookup(x.Snapshot, x.To) is { Destination: "default" };
        // The source's own Docker network (its device may be null: the default network on an
        // admin's bridge). Docker masquerades what leaves by another device, never its own bridge.
        var needed = network is { IpMasquerade: true, Internal: false } && outDev != inDev || network is null && viaDefault;
        var subnet = network?.Ipv4Prefixes.FirstOrDefault()?.Network.ToString() ?? x.From.Address + "/32";
        if (!needed)
            return TraceHop.Ok(name, $"none: {x.From.Address} leaves unchanged (routed; the far side must route {subnet} back)");
        var why = network is not null ? $"docker network {network.Name} has ip masquerade on but no MASQUERADE rule matches" : $"{x.To} is reached by the default route and nothing masquerades {x.From.Address}";
        return TraceHop.Broken(name, $"{why} ({subnet} out {outDev}): replies cannot find their way back (NAT rules lost after a firewall reload?)",
            $"iptables -t nat -A POSTROUTING -s {subnet} ! -o {inDev} -j MASQUERADE (restarting dockerd also writes its rules again)");
    }

    private static string FixFor(FirewallRuleset set, WalkResult walk, string inDev, string outDev)
    {
        var tool = set.Backend == FirewallBackend.IptablesLegacy ? "iptables-legacy" : "iptables";
        if (set.Backend == FirewallBackend.NftablesNative && walk.Chain is { } c)
            return walk.Rule is { } r
                ? $"remove or narrow nftables rule {r.Position} of {c.Family} {c.Table} {c.Name} ({r.Text}), or insert before it: nft insert rule {c.Family} {c.Table} {c.Name} iifname {inDev} oifname {outDev} accept"
                : $"nft insert rule {c.Family} {c.Table} {c.Name} iifname {inDev} oifname {outDev} accept";
        var chain = set.DockerUser is not null ? "DOCKER-USER" : "FORWARD";
        var accept = $"{tool} -I {chain} -i {inDev} -o {outDev} -j ACCEPT";
        return walk.Rule is { } rule && walk.Chain is { } ch
            ? $"remove or narrow the rule ({tool} -D {ch.Name} {rule.Position}), or accept this traffic before it: {accept}"
            : $"{walk.Chain?.Name ?? "FORWARD"} policy is {walk.Chain?.Policy ?? "drop"} and no rule accepts this traffic: {accept}";
    }

    private static string Describe(FirewallPacket p) =>
        $"{p.Protocol ?? "ip"} {p.Source} -> {p.Destination}{(p.DestinationPort is int port ? ":" + port : "")} ({p.InDevice} -> {p.OutDevice})";

    private static string Label(FirewallBackend b) => b switch
    {
        FirewallBackend.IptablesNft => "iptables (nf_tables)",
        FirewallBackend.IptablesLegacy => "iptables-legacy",
        _ => "nftables",
    };
}
