using System.Net;
using NetTui.Core.Doctor.Facts;
using NetTui.Core.Doctor.Fixes;
using NetTui.Core.Firewall;
using NetTui.Core.Values;

namespace NetTui.Core.Doctor.Checks;

/// <summary>
/// The forward hook drops traffic between this host's containers and the peer's: Docker sets
/// FORWARD's policy to DROP and accepts only what leaves its bridges and the replies, so a
/// connection the peer's containers open is dropped, as is anything an admin's DROP in
/// DOCKER-USER (or in FORWARD before Docker's chains) catches. Each rule set that holds rules
/// is walked (<see cref="ChainWalk"/>) with a first packet both ways. The fix inserts accepts
/// for the two subnets at the top of DOCKER-USER; it refuses when the drop comes before
/// DOCKER-USER, from nftables' own tables, or from a rule that names one of the subnets (the
/// admin meant it). Without a known peer, DROP/REJECT rules in DOCKER-USER or before Docker's
/// chains are listed as information.
/// </summary>
public static class ForwardFilterCheck
{
    public static IEnumerable<Finding> Run(DoctorFacts facts)
    {
        if (facts.Firewall is not { } fw) yield break;
        var locals = DockerSubnetOverlapCheck.ContainerSubnets(facts).Where(s => !facts.PeerSubnets.Any(p => p.Device == s.Device && p.Subnet == s.Subnet.ToString())).ToList();
        var blocked = false;
        foreach (var peer in facts.PeerSubnets)
        {
            if (Operations.HostQueries.ParseDestination(peer.Subnet) is not { } p) continue;
            foreach (var local in locals.Where(l => !l.Subnet.Overlaps(p)))
            {
                var hit = Walk(fw, new FirewallPacket(peer.Device, local.Device, Nth(p, 2), Nth(local.Subnet, 2), "tcp", 5001))
                    ?? Walk(fw, new FirewallPacket(local.Device, peer.Device, Nth(local.Subnet, 2), Nth(p, 2), "tcp", 5001));
                if (hit is not { } h) continue;
                blocked = true;
                yield return Blocked(fw, h.Set, h.Result, h.Packet, p, local.Subnet, local.Device);
                break;
            }
        }
        if (blocked || locals.Count == 0) yield break;
        foreach (var set in fw.Rulesets.Where(s => s.Backend != FirewallBackend.NftablesNative))
            foreach (var (chain, rule) in DropsBeforeDocker(set))
                yield return new Finding(FindingIds.ForwardDropRule, Severity.Info,
                    $"{chain.Name} rule {rule.Position} {rule.Verdict.ToString().ToUpperInvariant()}s forwarded traffic before Docker's own rules",
                    [$"{FirewallFixes.Tool(set.Backend)}: {rule.Text}", "whatever it matches never reaches Docker's accepts: check that it spares the containers and the tunnel"],
                    null, $"{chain.Name}:{rule.Position}");
    }

    private static Finding Blocked(FirewallFacts fw, FirewallRuleset set, WalkResult walk, FirewallPacket packet, IpPrefix peer, IpPrefix local, string bridge)
    {
        List<string> evidence =
        [
            $"a first TCP packet {packet.Source} -> {packet.Destination} (in {packet.InDevice}, out {packet.OutDevice}) is {walk.Verdict.ToString().ToLowerInvariant()}ed by {FirewallFixes.Tool(set.Backend)}: {walk.Evidence}",
            $"chains walked: {string.Join(" -> ", walk.Path)}",
            .. walk.Skipped.Select(r => $"not judged (tests what NetTui cannot): {r.Text}"),
        ];
        string? refusal = null;
        var userChain = set.DockerUser;
        if (set.Backend == FirewallBackend.NftablesNative)
            refusal = $"the drop is in nftables' own table {walk.Chain?.Table}; an iptables accept cannot override it (every base chain must accept): accept the subnets there";
        else if (userChain is null)
            refusal = "there is no DOCKER-USER chain (dockerd does not manage iptables here): accept the subnets in your own firewall";
        else if (walk.Chain?.Name == "FORWARD" && walk.Rule is { } r && r.Position < JumpToDockerUser(set))
            refusal = $"FORWARD rule {r.Position} drops it before DOCKER-USER is reached; that rule is yours: narrow or remove it";
        else if (walk.Rule is { Match: var m } && (Names(m.Source, peer, local) || Names(m.Destination, peer, local)))
            refusal = $"{walk.Chain?.Name} rule {walk.Rule.Position} names these subnets, so it is meant: remove it if it is not";
        if (refusal is not null) evidence.Add("not fixed automatically: " + refusal);
        var fix = refusal is not null ? null : new FixPlan($"accept forwarding between {peer} and {local} (top of DOCKER-USER)",
            [
                FirewallFixes.Insert(set.Backend, "filter", "DOCKER-USER", $"accept the peer's containers ({peer}) to {local}", "-s", peer.ToString(), "-d", local.ToString(), "-j", "ACCEPT"),
                FirewallFixes.Insert(set.Backend, "filter", "DOCKER-USER", $"accept {local} to the peer's containers ({peer})", "-s", local.ToString(), "-d", peer.ToString(), "-j", "ACCEPT"),
            ], Undoable: true, Note: "dockerd keeps DOCKER-USER's rules across restarts, not across reboots: save them with your firewall's tool");
        return new Finding(FindingIds.ForwardBlocksPeer, Severity.Error,
            $"the firewall drops traffic between the peer's containers ({peer}) and {local} on {bridge}", [.. evidence], fix, peer.ToString());
    }

    /// <summary>The first rule set whose forward hook blocks the packet.</summary>
    private static (FirewallRuleset Set, WalkResult Result, FirewallPacket Packet)? Walk(FirewallFacts fw, FirewallPacket packet)
    {
        foreach (var set in fw.Rulesets.Where(s => s.HasRules))
            if (ChainWalk.Hook(set, "forward", packet) is { Blocks: true } r) return (set, r, packet);
        return null;
    }

    private static int JumpToDockerUser(FirewallRuleset set) =>
        set.Forward?.Rules.FirstOrDefault(r => r.Verdict is RuleVerdict.Jump or RuleVerdict.Goto && r.Target == "DOCKER-USER")?.Position ?? int.MaxValue;

    /// <summary>DROP/REJECT rules in DOCKER-USER, and in FORWARD before the jump to Docker's chains.</summary>
    private static IEnumerable<(FirewallChain Chain, FirewallRule Rule)> DropsBeforeDocker(FirewallRuleset set)
    {
        if (set.DockerUser is null) yield break;
        var jump = JumpToDockerUser(set);
        foreach (var r in set.Forward?.Rules ?? [])
            if (r.Position < jump && r.Verdict.Blocks()) yield return (set.Forward!, r);
        foreach (var r in set.DockerUser.Rules.Where(r => r.Verdict.Blocks()))
            yield return (set.DockerUser, r);
    }

    private static bool Names(AddressMatch? m, IpPrefix a, IpPrefix b) =>
        m is { Negated: false } && m.Prefixes.Any(x => x.PrefixLength > 0 && (x.Overlaps(a) || x.Overlaps(b)));

    /// <summary>The <paramref name="n"/>th address of a subnet (network + n): a container's, for the walk.</summary>
    internal static IPAddress Nth(IpPrefix p, int n)
    {
        var bytes = p.Network.BaseAddress.GetAddressBytes();
        for (var i = bytes.Length - 1; i >= 0 && n > 0; i--)
        {
            var sum = bytes[i] + n;
            bytes[i] = (byte)(sum & 0xFF);
            n = sum >> 8;
        }
        return new IPAddress(bytes);
    }
}
