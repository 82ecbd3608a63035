using System.Collections.Immutable;

namespace NetTui.Core.Firewall;

/// <summary>
/// A chain: iptables' built-in chains (FORWARD, POSTROUTING...) and nftables base chains
/// sit on a <see cref="Hook"/> ("forward", "postrouting") with a <see cref="Policy"/>
/// ("accept"/"drop", lower case); user chains (DOCKER-USER) have neither and are reached by jumps.
/// <see cref="Family"/>: "ip" for iptables, nftables' family ("inet", "ip", "ip6", "bridge").
/// </summary>
public sealed record FirewallChain(
    string Family,
    string Table,
    string Name,
    string? Hook,
    int Priority,
    string? Policy,
    ImmutableArray<FirewallRule> Rules)
{
    public bool IsBase => Hook is not null;

    public bool PolicyDrops => Policy is "drop" or "reject";

    public string QualifiedName => $"{Table}/{Name}";
}
