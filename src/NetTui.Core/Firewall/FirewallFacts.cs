using System.Collections.Immutable;

namespace NetTui.Core.Firewall;

/// <summary>
/// Everything read about the target's firewall and forwarding: one rule set per backend that
/// holds rules (none read: empty), the forwarding sysctls, and what could not be read
/// (<see cref="Unread"/>: "iptables-legacy-save: not installed"...), so a check can say "not checked".
/// </summary>
public sealed record FirewallFacts(
    ImmutableArray<FirewallRuleset> Rulesets,
    ForwardingSysctls Sysctls,
    ImmutableArray<string> Unread)
{
    public static readonly FirewallFacts None = new([], ForwardingSysctls.Unknown, []);

    /// <summary>Backends that hold at least one rule or a dropping policy.</summary>
    public ImmutableArray<FirewallBackend> Backends => [.. Rulesets.Where(r => r.HasRules).Select(r => r.Backend).Distinct()];

    /// <summary>iptables-legacy rules beside nf_tables rules (iptables-nft or native): two firewalls a packet must pass.</summary>
    public bool Mixed => Backends.Contains(FirewallBackend.IptablesLegacy) && Backends.Any(b => b != FirewallBackend.IptablesLegacy);

    public FirewallRuleset? Ruleset(FirewallBackend backend) => Rulesets.FirstOrDefault(r => r.Backend == backend);

    /// <summary>The iptables rule set in use: nf_tables when it holds rules, else legacy.</summary>
    public FirewallRuleset? Iptables =>
        Rulesets.FirstOrDefault(r => r.Backend == FirewallBackend.IptablesNft && r.HasRules)
        ?? Rulesets.FirstOrDefault(r => r.Backend == FirewallBackend.IptablesLegacy && r.HasRules)
        ?? Rulesets.FirstOrDefault(r => r.Backend != FirewallBackend.NftablesNative);

    /// <summary>iptables' FORWARD policy ("accept"/"drop"; null: no iptables FORWARD chain read).</summary>
    public string? ForwardPolicy => Iptables?.Forward?.Policy;

    public ImmutableArray<FirewallRule> DockerUserRules => Iptables?.DockerUser?.Rules ?? [];

    /// <summary>MASQUERADE/SNAT rules of every backend.</summary>
    public ImmutableArray<(FirewallBackend Backend, FirewallChain Chain, FirewallRule Rule)> SourceNatRules =>
        [.. Rulesets.SelectMany(s => s.SourceNatRules.Select(x => (s.Backend, x.Chain, x.Rule)))];
}
