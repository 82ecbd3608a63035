using System.Collections.Immutable;

namespace NetTui.Core.Firewall;

/// <summary>How a rule's match compares with a packet.</summary>
public enum MatchResult { No, Yes, Unsure }

/// <summary>
/// The outcome of walking one hook: <see cref="Verdict"/> (Accept/Drop/Reject, or the
/// NAT verdict for the postrouting walk; Continue when nothing matched and no policy decided),
/// the rule that decided (null: the chain policy), the chain it sits in, and the rules passed
/// over because they test what NetTui cannot judge (evidence, not a decision).
/// </summary>
public sealed record WalkResult(
    RuleVerdict Verdict,
    FirewallChain? Chain,
    FirewallRule? Rule,
    ImmutableArray<string> Path,
    ImmutableArray<FirewallRule> Skipped)
{
    public bool Blocks => Verdict.Blocks();

    /// <summary>"DOCKER-USER rule 1 (-s 10.99.0.0/16 -o docker0 -j DROP)" or "FORWARD policy drop".</summary>
    public string Evidence => Rule is not null && Chain is not null
        ? $"{Chain.Name} rule {Rule.Position}: {Rule.Text}"
        : Chain is not null ? $"{Chain.Name} policy {Chain.Policy ?? "accept"}" : "no rule or policy decides";
}

/// <summary>
/// Pure: walks a packet through the base chains of a hook, following jumps (return on RETURN
/// or a chain's end), like the kernel does. Matching is simple on purpose: interfaces,
/// prefixes, protocol, destination port, conntrack state (a first packet is NEW). A rule
/// whose other tests NetTui cannot judge is skipped and listed; a later rule or the policy
/// decides. Each base chain on the hook must let the packet through (nftables: every base
/// chain runs; the first drop wins).
/// </summary>
public static class ChainWalk
{
    private const int MaxDepth = 16;

    public static MatchResult Matches(RuleMatch m, FirewallPacket p)
    {
        if (m.In is not null && !m.In.Matches(p.InDevice)) return MatchResult.No;
        if (m.Out is not null && !m.Out.Matches(p.OutDevice)) return MatchResult.No;
        if (m.Source is not null && !m.Source.Matches(p.Source)) return MatchResult.No;
        if (m.Destination is not null && !m.Destination.Matches(p.Destination)) return MatchResult.No;
        if (m.Protocol is not null && m.Protocol != "all")
        {
            if (p.Protocol is null) return MatchResult.Unsure;
            if ((m.Protocol == p.Protocol) == m.ProtocolNegated) return MatchResult.No;
        }
        if (!m.Ports.IsEmpty)
        {
            if (p.DestinationPort is not { } port) return MatchResult.Unsure;
            if (!m.Ports.Any(r => r.Contains(port))) return MatchResult.No;
        }
        if (!m.States.IsEmpty)
        {
            var state = p.FirstPacket ? "new" : "established";
            if (!m.States.Contains(state)) return MatchResult.No;
        }
        return m.Unknown.IsEmpty ? MatchResult.Yes : MatchResult.Unsure;
    }

    /// <summary>Walks every base chain of <paramref name="hook"/> in <paramref name="set"/> (forward, postrouting...).</summary>
    public static WalkResult Hook(FirewallRuleset set, string hook, FirewallPacket packet)
    {
        WalkResult? last = null;
        foreach (var chain in set.BaseChains(hook))
        {
            var r = Chain(set, chain, packet);
            if (r.Blocks || r.Verdict.IsSourceNat() || r.Verdict == RuleVerdict.Dnat) return r;
            last = r;
        }
        return last ?? new WalkResult(RuleVerdict.Continue, null, null, [], []);
    }

    /// <summary>Walks one base chain (and what it jumps to); the policy decides at its end.</summary>
    public static WalkResult Chain(FirewallRuleset set, FirewallChain baseChain, FirewallPacket packet)
    {
        var path = ImmutableArray.CreateBuilder<string>();
        var skipped = ImmutableArray.CreateBuilder<FirewallRule>();
        var decided = Walk(set, baseChain, packet, path, skipped, 0);
        if (decided is { } d) return new(d.Rule.Verdict, d.Chain, d.Rule, path.ToImmutable(), skipped.ToImmutable());
        var policy = baseChain.Policy switch { "drop" => RuleVerdict.Drop, "reject" => RuleVerdict.Reject, _ => baseChain.Hook is "forward" or "input" or "output" ? RuleVerdict.Accept : RuleVerdict.Continue };
        return new(policy, baseChain, null, path.ToImmutable(), skipped.ToImmutable());
    }

    private static (FirewallChain Chain, FirewallRule Rule)? Walk(FirewallRuleset set, FirewallChain chain, FirewallPacket packet,
        ImmutableArray<string>.Builder path, ImmutableArray<FirewallRule>.Builder skipped, int depth)
    {
        path.Add(chain.Name);
        if (depth > MaxDepth) return null;
        foreach (var rule in chain.Rules)
        {
            var m = Matches(rule.Match, packet);
            if (m == MatchResult.No) continue;
            if (m == MatchResult.Unsure)
            {
                if (rule.Verdict != RuleVerdict.Continue) skipped.Add(rule);
                continue;
            }
            switch (rule.Verdict)
            {
                case RuleVerdict.Continue: continue;
                case RuleVerdict.Return: return null;
                case RuleVerdict.Jump or RuleVerdict.Goto:
                    var next = rule.Target is null ? null : set.JumpTarget(chain, rule.Target);
                    if (next is null) continue;
                    var inner = Walk(set, next, packet, path, skipped, depth + 1);
                    if (inner is not null) return inner;
                    if (rule.Verdict == RuleVerdict.Goto) return null;
                    continue;
                default:
                    return (chain, rule);
            }
        }
        return null;
    }
}
