using NetTui.Core.Firewall;

namespace NetTui.Core.Wizard;

/// <summary>What this host's INPUT chain does with an incoming tunnel packet (UDP to a port), and the rule or policy that decides it.</summary>
public sealed record FirewallVerdict(bool Blocked, string Evidence);

/// <summary>
/// Pure: says whether the iptables INPUT chain (the nf_tables or legacy backend: the same
/// model, <see cref="FirewallRuleset"/>) accepts new UDP packets to a port (VXLAN's 4789).
/// Walks the chain's own rules in order; a rule that names only the protocol and port, or
/// that matches every packet, decides; rules it cannot judge (by source, interface, state, a
/// jump to another chain) are passed over, and the chain's policy decides at the end. No
/// INPUT chain at all (no iptables filter table): nothing there drops it.
/// </summary>
public static class InputFirewall
{
    /// <summary>Over `iptables-save -t filter` text.</summary>
    public static FirewallVerdict ForUdp(string iptablesSave, int port) =>
        ForUdp(IptablesSaveParser.Parse(iptablesSave, FirewallBackend.IptablesNft), port);

    public static FirewallVerdict ForUdp(FirewallRuleset rules, int port)
    {
        var input = rules.Chain("filter", "INPUT");
        if (input is null) return new(false, "no iptables INPUT chain");
        foreach (var rule in input.Rules)
            if (Decides(rule, port) is { } blocked)
                return new(blocked, $"INPUT rule \"{rule.Text}\"");
        var policy = (input.Policy ?? "accept").ToUpperInvariant();
        return input.PolicyDrops
            ? new(true, $"INPUT policy {policy} and no rule accepts udp {port}")
            : new(false, $"INPUT policy {policy}");
    }

    /// <summary>True: the rule drops the packet; false: it accepts it; null: it does not decide (or NetTui cannot tell).</summary>
    private static bool? Decides(FirewallRule rule, int port)
    {
        if (!rule.Verdict.IsFinal()) return null;
        var m = rule.Match;
        // Anything else narrowing the match (source, interface, state, marks) is beyond this check.
        var narrowed = m.In is not null || m.Out is not null || m.Source is not null || m.Destination is not null
            || m.ProtocolNegated || !m.States.IsEmpty || !m.Unknown.IsEmpty;
        if (narrowed) return null;
        var matches = m.Protocol is null && m.Ports.IsEmpty
            || m.Protocol == "udp" && (m.Ports.IsEmpty || m.Ports.Any(r => r.Contains(port)));
        return matches ? rule.Verdict != RuleVerdict.Accept : null;
    }
}
