using NetTui.Core.Doctor.Facts;
using NetTui.Core.Doctor.Fixes;
using NetTui.Core.Firewall;
using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.Core.Doctor.Checks;

/// <summary>
/// No source NAT for a Docker bridge's subnet: containers' packets leave with their private
/// source address and nobody outside routes the replies back. Lost after a firewall reload
/// (`iptables -F -t nat`, a firewalld restart) until dockerd restarts. A packet from the
/// subnet to an outside address (out of the default route's device, else the underlay's)
/// is walked through the postrouting hook of every rule set. The fix appends Docker's own
/// rule (`-s SUBNET ! -o BRIDGE -j MASQUERADE`); it refuses when a peer's subnet is routed
/// through another device (kernel GRE): that rule would rewrite the containers' addresses on
/// their way to the peer, whose containers route back to them without NAT.
/// </summary>
public static class MasqueradeCheck
{
    private static readonly System.Net.IPAddress Outside = System.Net.IPAddress.Parse("198.51.100.1");

    public static IEnumerable<Finding> Run(DoctorFacts facts)
    {
        if (facts.Firewall is not { } fw || fw.Iptables is not { } iptables || fw.Unread.Any(u => u.StartsWith("iptables", StringComparison.Ordinal) && !u.Contains("legacy", StringComparison.Ordinal))) yield break;
        var host = facts.Snapshot;
        if (Egress(host) is not { } egress) yield break;
        foreach (var (subnet, bridge, _) in DockerSubnetOverlapCheck.ContainerSubnets(facts).Where(s => !facts.PeerSubnets.Any(p => p.Subnet == s.Subnet.ToString())))
        {
            if (!host.Containers.Any(c => c.Bridge == bridge)) continue; // no container here, nothing sends
            var packet = new FirewallPacket(bridge, egress, ForwardFilterCheck.Nth(subnet, 2), Outside, "tcp", 443);
            if (fw.Rulesets.Any(s => ChainWalk.Hook(s, "postrouting", packet).Verdict.IsSourceNat())) continue;
            List<string> evidence =
            [
                $"a packet {packet.Source} -> {Outside} out {egress}: no MASQUERADE or SNAT rule in any postrouting chain matches it",
                .. fw.SourceNatRules.Select(x => $"{FirewallFixes.Tool(x.Backend)} {x.Chain.Name}: {x.Rule.Text}"),
            ];
            var routedPeer = facts.PeerSubnets.FirstOrDefault(p => p.Device != bridge);
            if (routedPeer is not null)
                evidence.Add($"not fixed automatically: the peer's containers ({routedPeer.Subnet}) are routed through {routedPeer.Device} and answer {subnet} without NAT; " +
                             $"\"! -o {bridge} -j MASQUERADE\" would hide the containers' addresses from them: add the rule with an exception for {routedPeer.Subnet} by hand");
            var fix = routedPeer is not null ? null : new FixPlan($"masquerade {subnet} leaving {bridge} (Docker's own rule)",
                [FirewallFixes.Append(iptables.Backend, "nat", "POSTROUTING", $"MASQUERADE {subnet} out of anything but {bridge}", "-s", subnet.ToString(), "!", "-o", bridge, "-j", "MASQUERADE")],
                Undoable: true, Note: "restarting dockerd also writes it back");
            yield return new Finding(FindingIds.MasqueradeMissing, Severity.Error,
                $"no MASQUERADE for {subnet} ({bridge}): containers cannot reach beyond this host", [.. evidence], fix, subnet.ToString());
        }
    }

    /// <summary>The device packets to the outside leave by: the default route's, else the first LAN device with an IPv4 address.</summary>
    private static string? Egress(HostSnapshot host) =>
        host.Routes.FirstOrDefault(r => r.Destination == "default" && r.Family == Model.AddressFamily.Inet && HostQueries.IsMainTable(r.Table))?.Device
        ?? host.Links.FirstOrDefault(l => l.Kind is LinkKind.Ethernet or LinkKind.Veth or LinkKind.OvsInternal && l.Master is null
               && !host.Containers.Any(c => c.HostVeth == l.Name) && l.Addresses.Any(a => a.Family == Model.AddressFamily.Inet && a.Scope == "global"))?.Name;
}
