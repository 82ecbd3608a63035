using NetTui.Core.Doctor.Facts;
using NetTui.Core.Doctor.Fixes;
using NetTui.Core.Firewall;

namespace NetTui.Core.Doctor.Checks;

/// <summary>
/// Two firewall facts that explain "it should work but does not": rules in both
/// iptables-legacy and nf_tables (two firewalls, a packet must pass both, and `iptables -S`
/// shows only one), and bridge-nf-call-iptables=1, which sends frames bridged between
/// containers, and from a bridged tunnel, through iptables' FORWARD chain as if routed.
/// Neither has an automatic fix: which firewall to keep, and whether Docker's isolation
/// rules (which rely on br_netfilter) matter, is the admin's call.
/// </summary>
public static class FirewallMixCheck
{
    public static IEnumerable<Finding> Run(DoctorFacts facts)
    {
        if (facts.Firewall is not { } fw) yield break;
        if (fw.Mixed)
            yield return new Finding(FindingIds.FirewallBackendsMixed, Severity.Warning,
                "iptables-legacy rules and nf_tables rules are both loaded: two firewalls a packet must pass",
                [.. fw.Rulesets.Where(s => s.HasRules).Select(s => $"{FirewallFixes.Tool(s.Backend)}: {s.Chains.Sum(c => c.Rules.Length)} rule(s) in {s.Chains.Count(c => c.Rules.Length > 0)} chain(s)")]);
        var bridged = facts.Snapshot.Containers.Select(c => c.Bridge).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (fw.Sysctls.BridgeNfCallIptables == true && bridged.Count > 0)
        {
            var tunnels = bridged.SelectMany(b => TunnelPaths.Of(facts.Snapshot, b)).ToList();
            yield return new Finding(FindingIds.BridgeNfCallIptables, Severity.Info,
                "bridged traffic goes through iptables (bridge-nf-call-iptables = 1)",
                [
                    "sysctl net.bridge.bridge-nf-call-iptables = 1",
                    $"frames between containers on {string.Join(", ", bridged)}{(tunnels.Count > 0 ? $" and from the tunnel{(tunnels.Count > 1 ? "s" : "")} {string.Join(", ", tunnels.Select(t => t.Tunnel))}" : "")} pass FORWARD as if routed (-i BRIDGE -o BRIDGE)",
                ]);
        }
    }
}
