using NetTui.Core.Doctor;
using NetTui.Core.Doctor.Checks;
using NetTui.Core.Doctor.Facts;
using NetTui.Core.Firewall;
using NetTui.Core.Model;
using NetTui.UnitTests.Operations;
using static NetTui.UnitTests.Doctor.ContainerChecksFixtures;

namespace NetTui.UnitTests.Doctor;

/// <summary>
/// The firewall checks on rules captured from dockerd in a lab namespace (Fixtures/firewall):
/// containers on docker0 (172.17.0.0/16) and br-5f980bafe5dd (172.30.0.0/24), the peer's
/// 192.168.2.0/24 routed through a kernel GRE device.
/// </summary>
public sealed class FirewallChecksTests
{
    private static readonly PeerSubnetFact GrePeer = new("192.168.2.0/24", "gre1", "plan /x/a.plan.json");

    private static DoctorFacts Docker(FirewallFacts fw, bool peer = true)
    {
        var s = DoctorFixtures.Snapshot(links:
        [
            L("eth0", LinkKind.Ethernet, 1500, null, "10.10.0.1/24"),
            L("docker0", LinkKind.Bridge, 1500, null, "172.17.0.1/16"),
            L("br-5f980bafe5dd", LinkKind.Bridge, 1500, null, "172.30.0.1/24"),
            L("gre1", LinkKind.Gre, 1476),
        ], routes: [R("10.10.0.0/24", "eth0"), R("172.17.0.0/16", "docker0"), R("172.30.0.0/24", "br-5f980bafe5dd"), R("192.168.2.0/24", "gre1", "boot")])
            with { Containers = [C("web", "veth1", "docker0"), C("db", "veth2", "br-5f980bafe5dd")] };
        return DoctorFixtures.Facts(s) with { Firewall = fw, PeerSubnets = peer ? [GrePeer] : [] };
    }

    [Fact]
    public void Forwarding_off_is_turned_on_and_undo_turns_it_off()
    {
        var f = Assert.Single(ForwardingCheck.Run(Docker(Rules(sysctl: "forwarding-off.sysctl.txt"))));
        Assert.Equal("ip-forward-off", f.Id);
        Assert.Equal(["-w", "net.ipv4.ip_forward=1"], f.Fix!.Steps[0].Do.Arguments);
        Assert.Equal(["-w", "net.ipv4.ip_forward=0"], f.Fix.Steps[0].Undo!.Arguments);
        Assert.Empty(ForwardingCheck.Run(Docker(Rules())));
    }

    [Fact]
    public void Forwarding_is_not_turned_on_while_nothing_filters_forwarding()
    {
        var open = new FirewallFacts([FirewallRuleset.Empty(FirewallBackend.IptablesNft)], SysctlParser.Parse(Fixtures.Read("firewall/forwarding-off.sysctl.txt")), []);
        var f = Assert.Single(ForwardingCheck.Run(Docker(open)));
        Assert.Null(f.Fix);
        Assert.Contains(f.Evidence, e => e.Contains("would route between every network", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockers_forward_drop_policy_stops_the_peers_containers_and_the_fix_accepts_them_in_docker_user()
    {
        var f = Assert.Single(ForwardFilterCheck.Run(Docker(Rules())), x => x.Check == FindingIds.ForwardBlocksPeer);
        Assert.Equal("forward-blocks-peer:192.168.2.0/24", f.Id);
        Assert.Contains(f.Evidence, e => e.Contains("FORWARD policy drop", StringComparison.Ordinal) && e.Contains("in gre1, out docker0", StringComparison.Ordinal));
        Assert.Equal(["-t", "filter", "-I", "DOCKER-USER", "-s", "192.168.2.0/24", "-d", "172.17.0.0/16", "-j", "ACCEPT"], f.Fix!.Steps[0].Do.Arguments);
        Assert.Equal(["-t", "filter", "-D", "DOCKER-USER", "-s", "192.168.2.0/24", "-d", "172.17.0.0/16", "-j", "ACCEPT"], f.Fix.Steps[0].Undo!.Arguments);
        Assert.Equal("iptables-nft", f.Fix.Steps[0].Do.Program);
    }

    [Fact]
    public void After_the_accepts_the_walk_passes()
    {
        var fixedSave = Fixtures.Read("firewall/docker-nft.iptables-save").Replace("-A DOCKER-USER -j RETURN",
            string.Join("\n", new[] { "172.17.0.0/16", "172.30.0.0/24" }.SelectMany(l => new[] { $"-A DOCKER-USER -s 192.168.2.0/24 -d {l} -j ACCEPT", $"-A DOCKER-USER -s {l} -d 192.168.2.0/24 -j ACCEPT" }))
            + "\n-A DOCKER-USER -j RETURN", StringComparison.Ordinal);
        var fw = Rules() with { Rulesets = [IptablesSaveParser.Parse(fixedSave, FirewallBackend.IptablesNft)] };
        Assert.DoesNotContain(ForwardFilterCheck.Run(Docker(fw)), x => x.Check == FindingIds.ForwardBlocksPeer);
    }

    [Fact]
    public void A_docker_user_drop_naming_the_peer_is_not_overridden()
    {
        var peer = new PeerSubnetFact("10.99.0.0/16", "gre1", "plan /x/a.plan.json");
        var facts = Docker(Rules("docker-user-drop.iptables-save")) with { PeerSubnets = [peer] };
        var f = Assert.Single(ForwardFilterCheck.Run(facts), x => x.Check == FindingIds.ForwardBlocksPeer);
        Assert.Null(f.Fix);
        Assert.Contains(f.Evidence, e => e.Contains("DOCKER-USER rule 2", StringComparison.Ordinal));
        Assert.Contains(f.Evidence, e => e.Contains("names these subnets", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_peer_drop_rules_in_docker_user_are_information()
    {
        var found = ForwardFilterCheck.Run(Docker(Rules("docker-user-drop.iptables-save"), peer: false)).ToList();
        Assert.Equal(["forward-drop-rule:DOCKER-USER:1", "forward-drop-rule:DOCKER-USER:2"], found.Select(f => f.Id));
        Assert.All(found, f => Assert.Equal(Severity.Info, f.Severity));
    }

    [Fact]
    public void A_lost_masquerade_is_found_for_the_subnet_that_lost_it_and_refused_while_the_peer_is_routed_elsewhere()
    {
        var f = Assert.Single(MasqueradeCheck.Run(Docker(Rules("docker-user-drop.iptables-save"))));
        Assert.Equal("masquerade-missing:172.30.0.0/24", f.Id);
        Assert.Null(f.Fix);
        Assert.Contains(f.Evidence, e => e.Contains("routed through gre1", StringComparison.Ordinal));
        var fixable = Assert.Single(MasqueradeCheck.Run(Docker(Rules("docker-user-drop.iptables-save"), peer: false)));
        Assert.Equal(["-t", "nat", "-A", "POSTROUTING", "-s", "172.30.0.0/24", "!", "-o", "br-5f980bafe5dd", "-j", "MASQUERADE"], fixable.Fix!.Steps[0].Do.Arguments);
        Assert.Equal("-D", fixable.Fix.Steps[0].Undo!.Arguments[2]);
        Assert.Empty(MasqueradeCheck.Run(Docker(Rules(), peer: false)));
    }

    [Fact]
    public void Mixed_backends_and_bridge_nf_call_iptables_are_named()
    {
        var legacy = IptablesSaveParser.Parse(Fixtures.Read("firewall/docker-legacy.iptables-save"), FirewallBackend.IptablesLegacy);
        var found = FirewallMixCheck.Run(Docker(Rules(more: legacy))).ToList();
        Assert.Contains(found, f => f.Id == "firewall-backends-mixed" && f.Evidence.Any(e => e.StartsWith("iptables-legacy:", StringComparison.Ordinal)));
        Assert.DoesNotContain(FirewallMixCheck.Run(Docker(Rules())), f => f.Id == "firewall-backends-mixed");
    }
}
