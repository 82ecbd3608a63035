using System.Net;
using NetTui.Core.Firewall;

namespace NetTui.UnitTests.Firewall;

/// <summary>Walking a packet through Docker's real FORWARD chains (captured) and a native nftables forward chain.</summary>
public class ChainWalkTests
{
    private static FirewallRuleset Save(string file) => IptablesSaveParser.Parse(Fixtures.Read("firewall/" + file), FirewallBackend.IptablesNft);

    private static FirewallPacket Packet(string? inDev, string? outDev, string src, string dst, string? proto = "tcp", int? port = 80, bool first = true) =>
        new(inDev, outDev, IPAddress.Parse(src), IPAddress.Parse(dst), proto, port, first);

    [Fact]
    public void A_container_leaving_by_docker0_is_accepted_by_dockers_forward_rule()
    {
        var r = ChainWalk.Hook(Save("docker-nft.iptables-save"), "forward", Packet("docker0", "eth0", "172.17.0.2", "10.10.0.9"));
        Assert.Equal(RuleVerdict.Accept, r.Verdict);
        Assert.Equal("FORWARD rule 13: FORWARD -i docker0 ! -o docker0 -j ACCEPT", r.Evidence);
        Assert.Equal(["FORWARD", "DOCKER-USER", "DOCKER-ISOLATION-STAGE-1", "DOCKER-ISOLATION-STAGE-2"], r.Path);
    }

    [Fact]
    public void A_docker_user_drop_decides_before_dockers_accepts()
    {
        var r = ChainWalk.Hook(Save("docker-user-drop.iptables-save"), "forward", Packet("eth0", "docker0", "10.99.1.1", "172.17.0.2"));
        Assert.True(r.Blocks);
        Assert.Equal("DOCKER-USER", r.Chain!.Name);
        Assert.Equal(2, r.Rule!.Position);
    }

    [Fact]
    public void An_unpublished_port_from_outside_falls_to_the_drop_policy_and_established_replies_pass()
    {
        var set = Save("docker-nft.iptables-save");
        var r = ChainWalk.Hook(set, "forward", Packet("eth0", "docker0", "10.10.0.9", "172.17.0.2", "tcp", 22));
        Assert.True(r.Blocks);
        Assert.Null(r.Rule);
        Assert.Equal("FORWARD policy drop", r.Evidence);
        Assert.Equal(RuleVerdict.Accept, ChainWalk.Hook(set, "forward", Packet("eth0", "docker0", "10.10.0.9", "172.17.0.2", "tcp", 22, first: false)).Verdict);
        var published = ChainWalk.Hook(set, "forward", Packet("eth0", "docker0", "10.10.0.9", "172.17.0.2", "tcp", 80));
        Assert.Equal("DOCKER rule 1: DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT", published.Evidence);
    }

    [Fact]
    public void Postrouting_finds_the_masquerade_for_a_subnet_leaving_its_bridge()
    {
        var set = Save("docker-nft.iptables-save");
        var r = ChainWalk.Hook(set, "postrouting", Packet("docker0", "eth0", "172.17.0.2", "10.10.0.9"));
        Assert.Equal(RuleVerdict.Masquerade, r.Verdict);
        Assert.Equal(RuleVerdict.Continue, ChainWalk.Hook(set, "postrouting", Packet("br-x", "eth0", "172.29.0.2", "10.10.0.9")).Verdict);
    }

    [Fact]
    public void Native_nftables_rules_decide_and_unjudged_rules_are_listed_not_guessed()
    {
        var set = NftJsonParser.Parse(Fixtures.Read("firewall/native.nft.json"));
        Assert.Equal(RuleVerdict.Drop, ChainWalk.Hook(set, "forward", Packet("gre0", "br0", "192.168.2.2", "192.168.1.5", "tcp", 22)).Verdict);
        Assert.Equal(RuleVerdict.Accept, ChainWalk.Hook(set, "forward", Packet("gre0", "br0", "192.168.2.2", "192.168.1.5", "tcp", 443)).Verdict);
        Assert.Equal(RuleVerdict.Masquerade, ChainWalk.Hook(set, "postrouting", Packet("br0", "eth0", "192.168.1.5", "8.8.8.8")).Verdict);
        var withXt = NftJsonParser.Parse(Fixtures.Read("firewall/docker-user-drop.nft.json"), skipIptablesTables: false);
        var r = ChainWalk.Hook(withXt, "forward", Packet("eth0", "docker0", "10.10.0.9", "172.17.0.2", "tcp", 8080));
        Assert.Contains(r.Skipped, s => s.Match.Unknown.Contains("xt conntrack"));
    }
}
