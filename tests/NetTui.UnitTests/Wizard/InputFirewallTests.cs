using NetTui.Core.Wizard;

namespace NetTui.UnitTests.Wizard;

/// <summary>The VXLAN wizard's check that this host accepts UDP 4789, on captured `iptables-save -t filter` output.</summary>
public class InputFirewallTests
{
    private static FirewallVerdict Read(string file, int port = 4789) => InputFirewall.ForUdp(Fixtures.Read("iptables/" + file), port);

    [Fact]
    public void A_drop_policy_without_an_accept_for_the_port_blocks_it()
    {
        var v = Read("input-policy-drop.txt");
        Assert.True(v.Blocked);
        Assert.Equal("INPUT policy DROP and no rule accepts udp 4789", v.Evidence);
        // The tcp/22 accept and the rules NetTui cannot judge (lo, conntrack state) do not decide.
        Assert.True(Read("input-policy-drop.txt", 22).Blocked);
    }

    [Fact]
    public void An_accept_rule_for_the_port_opens_it_before_the_policy()
    {
        var v = Read("input-drop-accepts-4789.txt");
        Assert.False(v.Blocked);
        Assert.Equal("INPUT rule \"INPUT -p udp -m udp --dport 4789 -j ACCEPT\"", v.Evidence);
    }

    [Fact]
    public void A_drop_rule_for_the_port_blocks_it_under_an_accept_policy()
    {
        var v = Read("input-rule-drops-4789.txt");
        Assert.True(v.Blocked);
        Assert.Contains("--dport 4789 -j DROP", v.Evidence, StringComparison.Ordinal);
        Assert.False(Read("input-rule-drops-4789.txt", 8472).Blocked);
    }

    [Fact]
    public void An_empty_filter_table_blocks_nothing()
    {
        Assert.False(Read("empty-namespace.txt").Blocked);
        Assert.False(InputFirewall.ForUdp("", 4789).Blocked);
        Assert.True(InputFirewall.ForUdp("*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p udp -m multiport --dports 53,4780:4790 -j REJECT\nCOMMIT\n", 4789).Blocked);
    }

    [Fact]
    public void The_wizard_says_what_the_firewall_does_with_the_vxlan_port()
    {
        Assert.StartsWith("firewall: BLOCKED: this host drops incoming UDP 4789 (INPUT policy DROP", TunnelWizard.FirewallMessage(Read("input-policy-drop.txt"), 4789), StringComparison.Ordinal);
        Assert.StartsWith("firewall: this host accepts incoming UDP 4789", TunnelWizard.FirewallMessage(Read("input-drop-accepts-4789.txt"), 4789), StringComparison.Ordinal);
        Assert.StartsWith("firewall: NOT checked", TunnelWizard.FirewallMessage(null, 4789), StringComparison.Ordinal);
    }
}
