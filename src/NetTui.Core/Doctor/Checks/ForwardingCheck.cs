using NetTui.Core.Doctor.Facts;
using NetTui.Core.Doctor.Fixes;
using NetTui.Core.Firewall;

namespace NetTui.Core.Doctor.Checks;

/// <summary>
/// net.ipv4.ip_forward is off on a host with containers (or a peer's subnet): nothing the
/// containers send leaves their bridge, neither to the LAN nor through the tunnel. dockerd
/// turns it on when it starts; a sysctl.conf or a later `sysctl -w` turns it off again. The
/// fix turns it on (undo: off again). It refuses while iptables' FORWARD policy is ACCEPT and
/// nothing filters forwarding: the host would then route between all its networks.
/// </summary>
public static class ForwardingCheck
{
    public const string Key = "net.ipv4.ip_forward";

    public static IEnumerable<Finding> Run(DoctorFacts facts)
    {
        if (facts.Firewall is not { Sysctls.IpForward: false } fw) yield break;
        var host = facts.Snapshot;
        var containers = host.Containers.Length;
        if (containers == 0 && facts.PeerSubnets.IsEmpty && host.DockerNetworks.IsEmpty) yield break;
        List<string> evidence = [$"sysctl {Key} = 0", $"{containers} container(s) here{(facts.PeerSubnets.IsEmpty ? "" : $"; the peer's containers: {string.Join(", ", facts.PeerSubnets.Select(p => p.Subnet))}")}"];
        FixPlan? fix = null;
        var filtered = fw.ForwardPolicy is "drop" or "reject" || fw.Iptables?.Forward?.Rules.Any(r => r.Verdict.Blocks()) == true
            || fw.Rulesets.Any(s => s.BaseChains("forward").Any(c => c.PolicyDrops));
        if (!filtered)
            evidence.Add($"not fixed automatically: the FORWARD policy is {fw.ForwardPolicy ?? "not read"} and nothing filters forwarding, so turning {Key} on " +
                         "would route between every network of this host; set the policy first (iptables -P FORWARD DROP, then accept what should pass)");
        else
        {
            evidence.Add($"iptables FORWARD policy: {fw.ForwardPolicy ?? "(no iptables FORWARD chain)"}: what is forwarded stays filtered");
            fix = new FixPlan($"turn IPv4 forwarding on ({Key}=1)", [FirewallFixes.Sysctl(Key, on: true, was: false)], Undoable: true,
                Note: "lasts until reboot: make it permanent in /etc/sysctl.d/ (net.ipv4.ip_forward = 1)");
        }
        yield return new Finding(FindingIds.IpForwardOff, Severity.Error,
            "IPv4 forwarding is off: containers cannot reach anything beyond their bridge", [.. evidence], fix);
    }
}
