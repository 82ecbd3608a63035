using System.Net;
using NetTui.Core.Firewall;

namespace NetTui.UnitTests.Firewall;

/// <summary>
/// The firewall parsers on output captured from a lab namespace where dockerd managed
/// iptables (Fixtures/capture-firewall.sh): iptables-nft-save, the same rules loaded into
/// iptables-legacy, `nft -j list ruleset`, and the forwarding sysctls.
/// </summary>
public class FirewallParserTests
{
    private static FirewallRuleset Save(string file, FirewallBackend backend = FirewallBackend.IptablesNft) =>
        IptablesSaveParser.Parse(Fixtures.Read("firewall/" + file), backend);

    [Fact]
    public void Dockers_chains_come_out_in_order_with_the_forward_policy_and_hooks()
    {
        var set = Save("docker-nft.iptables-save");
        var forward = set.Forward!;
        Assert.Equal("drop", forward.Policy);
        Assert.Equal("forward", forward.Hook);
        Assert.Equal("DOCKER-USER", forward.Rules[0].Target);
        Assert.Equal(RuleVerdict.Jump, forward.Rules[0].Verdict);
        Assert.Null(set.DockerUser!.Policy);
        Assert.Null(set.DockerUser.Hook);
        Assert.Equal(RuleVerdict.Return, Assert.Single(set.DockerUser.Rules).Verdict);
        var established = forward.Rules[2];
        Assert.Equal(["related", "established"], established.Match.States);
        Assert.Equal("br-", established.Match.Out!.Name[..3]);
        Assert.Equal(100, set.Chain("nat", "POSTROUTING")!.Priority);
    }

    [Fact]
    public void Masquerade_rules_keep_their_source_subnet_and_negated_out_device()
    {
        var set = Save("docker-nft.iptables-save");
        var masq = set.SourceNatRules.Select(x => x.Rule).ToList();
        var docker0 = masq.Single(r => r.Match.Source!.ToString() == "172.17.0.0/16");
        Assert.Equal(RuleVerdict.Masquerade, docker0.Verdict);
        Assert.True(docker0.Match.Out!.Negated);
        Assert.Equal("docker0", docker0.Match.Out.Name);
        Assert.Contains(masq, r => r.Match.Source!.ToString() == "172.30.0.0/24");
        // The "quiet" network was made with enable_ip_masquerade=false: no rule for 172.29.0.0/24.
        Assert.DoesNotContain(masq, r => r.Match.Source!.ToString() == "172.29.0.0/24");
        var dnat = set.Chain("nat", "DOCKER")!.Rules.First(r => r.Verdict == RuleVerdict.Dnat);
        Assert.Equal("172.17.0.2:80", dnat.Target);
        Assert.Equal([new PortRange(8080, 8080)], dnat.Match.Ports);
        Assert.Contains("--dst-type LOCAL", set.Chain("nat", "PREROUTING")!.Rules[0].Match.Unknown);
    }

    [Fact]
    public void Legacy_and_nft_print_the_same_rules()
    {
        var nft = Save("docker-nft.iptables-save");
        var legacy = Save("docker-legacy.iptables-save", FirewallBackend.IptablesLegacy);
        Assert.Equal(FirewallBackend.IptablesLegacy, legacy.Backend);
        // iptables-legacy-save prints the tables in another order; the chains and rules are the same.
        Assert.Equal(nft.Chains.Select(c => c.QualifiedName + c.Rules.Length).Order(), legacy.Chains.Select(c => c.QualifiedName + c.Rules.Length).Order());
        Assert.Equal(nft.Forward!.Rules.Select(r => r.Text), legacy.Forward!.Rules.Select(r => r.Text));
        Assert.False(Save("docker-nft.legacy-empty.iptables-save", FirewallBackend.IptablesLegacy).HasRules);
    }

    [Fact]
    public void Mixed_backends_are_seen_as_two_firewalls()
    {
        var facts = new FirewallFacts(
            [Save("mixed.nft-side.iptables-save"), Save("docker-legacy.iptables-save", FirewallBackend.IptablesLegacy)],
            ForwardingSysctls.Unknown, []);
        Assert.True(facts.Mixed);
        Assert.Equal([FirewallBackend.IptablesNft, FirewallBackend.IptablesLegacy], facts.Backends);
        var single = new FirewallFacts([Save("docker-nft.iptables-save"), Save("docker-nft.legacy-empty.iptables-save", FirewallBackend.IptablesLegacy)], ForwardingSysctls.Unknown, []);
        Assert.False(single.Mixed);
        Assert.Equal("drop", single.ForwardPolicy);
    }

    [Fact]
    public void Admin_rules_in_docker_user_are_read_with_interfaces_prefixes_ports_and_state()
    {
        var facts = new FirewallFacts([Save("docker-user-drop.iptables-save")], ForwardingSysctls.Unknown, []);
        var rules = facts.DockerUserRules;
        Assert.Equal(3, rules.Length);
        Assert.Equal(RuleVerdict.Reject, rules[0].Verdict);
        Assert.Equal("eth0", rules[0].Match.In!.Name);
        Assert.Equal("tcp", rules[0].Match.Protocol);
        Assert.Equal(["new"], rules[0].Match.States);
        Assert.Empty(rules[0].Match.Unknown);   // --reject-with belongs to the target
        Assert.Equal(RuleVerdict.Drop, rules[1].Verdict);
        Assert.Equal("10.99.0.0/16", rules[1].Match.Source!.ToString());
        Assert.Equal("DOCKER-USER -s 10.99.0.0/16 -o docker0 -j DROP", rules[1].Text);
    }

    [Fact]
    public void Nft_json_skips_iptables_tables_and_reads_native_ones()
    {
        var docker = NftJsonParser.Parse(Fixtures.Read("firewall/docker-nft.nft.json"));
        Assert.Empty(docker.Chains);
        var all = NftJsonParser.Parse(Fixtures.Read("firewall/docker-user-drop.nft.json"), skipIptablesTables: false);
        var user = all.Chain("filter", "DOCKER-USER", "ip")!;
        Assert.Equal(RuleVerdict.Reject, user.Rules[0].Verdict);   // an xt REJECT target
        Assert.Contains("xt conntrack", user.Rules[0].Match.Unknown);
        Assert.Equal("10.99.0.0/16", user.Rules[1].Match.Source!.ToString());

        var native = NftJsonParser.Parse(Fixtures.Read("firewall/native.nft.json"));
        var forward = Assert.Single(native.BaseChains("forward"));
        Assert.Equal(("inet", "fw", "drop"), (forward.Family, forward.Table, forward.Policy));
        Assert.Equal(["established", "related"], forward.Rules[0].Match.States);
        var drop = forward.Rules[2];
        Assert.Equal((RuleVerdict.Drop, "gre0", "tcp"), (drop.Verdict, drop.Match.In!.Name, drop.Match.Protocol));
        Assert.Equal([new PortRange(22, 22)], drop.Match.Ports);
        var masq = Assert.Single(native.SourceNatRules).Rule;
        Assert.Equal(("192.168.1.0/24", "eth0"), (masq.Match.Source!.ToString(), masq.Match.Out!.Name));
        Assert.Equal("postrouting ip saddr 192.168.1.0/24 oifname eth0 masquerade", masq.Text);
    }

    [Fact]
    public void Sysctls_give_forwarding_per_device_and_the_bridge_netfilter_switches()
    {
        var on = SysctlParser.Parse(Fixtures.Read("firewall/docker.sysctl.txt"));
        Assert.True(on.IpForward);
        Assert.True(on.ForwardingOn("docker0"));
        Assert.True(on.BridgeNfCallIptables);
        Assert.True(on.BridgeNfCallIp6tables);
        Assert.Null(on.ForwardingOn("nosuchdev"));
        var off = SysctlParser.Parse(Fixtures.Read("firewall/forwarding-off.sysctl.txt"));
        Assert.False(off.IpForward);
        Assert.False(off.ForwardingOn("eth0"));
        Assert.DoesNotContain("all.mc", off.InterfaceForwarding.Keys);
        var noBridge = SysctlParser.Parse("net.ipv4.ip_forward = 1\n");
        Assert.Null(noBridge.BridgeNfCallIptables);
    }
}
