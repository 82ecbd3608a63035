using System.Collections.Immutable;

namespace NetTui.Core.Firewall;

/// <summary>
/// The chains one backend holds (<see cref="FirewallBackend"/>), in the order its tool printed
/// them. Lookups by table and chain name; the base chains of a hook in the order the kernel
/// runs them (priority, then as printed).
/// </summary>
public sealed record FirewallRuleset(FirewallBackend Backend, ImmutableArray<FirewallChain> Chains)
{
    public static FirewallRuleset Empty(FirewallBackend backend) => new(backend, []);

    public bool HasRules => Chains.Any(c => c.Rules.Length > 0 || c.PolicyDrops);

    public FirewallChain? Chain(string table, string name, string? family = null) =>
        Chains.FirstOrDefault(c => c.Table == table && c.Name == name && (family is null || c.Family == family));

    /// <summary>A user chain a jump in <paramref name="from"/> names (same family and table).</summary>
    public FirewallChain? JumpTarget(FirewallChain from, string name) =>
        Chains.FirstOrDefault(c => c.Family == from.Family && c.Table == from.Table && c.Name == name);

    public IEnumerable<FirewallChain> BaseChains(string hook) =>
        Chains.Where(c => c.Hook == hook).OrderBy(c => c.Priority);

    /// <summary>iptables' FORWARD chain of the filter table (null for native nftables or none read).</summary>
    public FirewallChain? Forward => Chain("filter", "FORWARD");

    /// <summary>Docker's DOCKER-USER chain, where admins put their own forwarding rules.</summary>
    public FirewallChain? DockerUser => Chain("filter", "DOCKER-USER");

    /// <summary>Every source-NAT rule (MASQUERADE, SNAT) in a chain on the postrouting hook or reached from one.</summary>
    public IEnumerable<(FirewallChain Chain, FirewallRule Rule)> SourceNatRules =>
        Chains.Where(c => c.Table == "nat" || c.Hook == "postrouting")
            .SelectMany(c => c.Rules.Where(r => r.Verdict.IsSourceNat()).Select(r => (c, r)));
}
