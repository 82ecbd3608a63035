using NetTui.Cli.Render;
using NetTui.Core.Model;
using NetTui.Host.Inventory.IpRoute2;
using NetTui.Presentation;

namespace NetTui.UnitTests.Inventory;

/// <summary>
/// `ip -j rule` (IPv4 and IPv6) and `ip -j nexthop` captured on this kernel (rule4.json,
/// rule6.json, nexthop.json; commands in Fixtures/README.md), read into typed records and
/// written back in ip's own words.
/// </summary>
public sealed class RulesAndNexthopsTests
{
    private static IReadOnlyList<RoutingRule> V4 => IpRuleParser.Parse(Fixtures.Read("iproute2/rule4.json"), AddressFamily.Inet);
    private static IReadOnlyList<NexthopObject> Nexthops => IpNexthopParser.Parse(Fixtures.Read("iproute2/nexthop.json"));

    [Theory]
    [InlineData(0, "from all", "lookup local")]
    [InlineData(999, "from all fwmark 0x10/0xff iif a0", "lookup 300")]
    [InlineData(1000, "from 10.0.0.0/8", "lookup 100")]
    [InlineData(2000, "not from 10.1.0.0/16 to 10.2.0.0/16", "lookup 101")]
    [InlineData(2001, "from 10.3.0.0/16", "blackhole")]
    [InlineData(2002, "from all", "lookup main suppress_prefixlength 0")]
    [InlineData(2003, "from all ipproto tcp dport 443", "lookup 102")]
    [InlineData(2004, "from all oif a0 uidrange 1000-2000", "lookup 103")]
    [InlineData(2005, "from 10.4.0.0/16", "goto 32766")]
    [InlineData(2006, "from all tos 0x10", "unreachable")]
    [InlineData(2007, "from all sport 1000-2000", "prohibit")]
    public void Ipv4_rules_read_as_ip_writes_them(int priority, string selector, string action)
    {
        var r = V4.Single(r => r.Priority == priority);
        Assert.Equal((selector, action), (RuleText.Selector(r), RuleText.Action(r)));
    }

    [Fact]
    public void Ipv6_rules_and_the_protocol_of_a_rule()
    {
        var v6 = IpRuleParser.Parse(Fixtures.Read("iproute2/rule6.json"), AddressFamily.Inet6);
        var r = v6.Single(r => r.Priority == 900);
        Assert.Equal(("from all to 2001:db8::/32", "lookup 200"), (RuleText.Selector(r), RuleText.Action(r)));
        Assert.Equal("static", V4.Single(r => r.Priority == 2004).Protocol);
    }

    [Fact]
    public void Unknown_rule_keys_are_named_not_dropped()
    {
        var r = Assert.Single(IpRuleParser.Parse("""[{"priority":5,"src":"all","table":"main","l3mdev":null,"flowlabel":"0x1"}]""", AddressFamily.Inet));
        Assert.Equal("from all (unknown: l3mdev, flowlabel)", RuleText.Selector(r));
    }

    [Theory]
    [InlineData(10, "via 192.0.2.2 dev a0")]
    [InlineData(12, "group 10,2/11")]
    [InlineData(20, "blackhole")]
    [InlineData(21, "group 10/11 type resilient")]
    [InlineData(22, "via 10.99.0.9 dev a0 onlink")]
    [InlineData(23, "via 2001:db8::2 dev a0")]
    public void Nexthop_objects_and_groups(int id, string text) =>
        Assert.Equal(text, RuleText.Nexthop(Nexthops.Single(n => n.Id == id)));

    [Fact]
    public void Show_routes_prints_rules_and_nexthops_with_who_uses_them()
    {
        var routes = IpRouteParser.Parse(Fixtures.Read("iproute2/route4-multipath.json"), AddressFamily.Inet);
        var s = HostSnapshot.Empty("h", null) with { Routes = routes, Rules = [.. V4], Nexthops = [.. Nexthops] };
        var text = string.Join("\n", SnapshotText.Render(s, NetTui.Cli.Show.ShowPart.Routes));
        Assert.Contains("Policy rules (13)", text, StringComparison.Ordinal);
        Assert.Contains("not from 10.1.0.0/16 to 10.2.0.0/16", text, StringComparison.Ordinal);
        Assert.Matches(@"12 +group 10,2/11 +1 route\n", text);
        Assert.Matches(@"10 +via 192.0.2.2 dev a0 +group 12,21", text);
        Assert.Contains("192.0.2.2 (+1 more hop)", text, StringComparison.Ordinal);
        Assert.Contains("hops: via 192.0.2.2 dev a0 weight 3; via 192.0.2.3 dev a0 weight 1", text, StringComparison.Ordinal);
        Assert.Contains("onlink", text, StringComparison.Ordinal);
        Assert.Contains("mtu 1400 advmss 1360", text, StringComparison.Ordinal);
    }
}

/// <summary>The TUI's route detail names the rules that lead to its table and its nexthop object.</summary>
public sealed class RouteDetailPolicyTests
{
    [Fact]
    public void Route_detail_lists_rules_to_its_table_and_its_nexthop()
    {
        var routes = IpRouteParser.Parse(Fixtures.Read("iproute2/route4-multipath.json"), AddressFamily.Inet);
        var rules = IpRuleParser.Parse(Fixtures.Read("iproute2/rule4.json"), AddressFamily.Inet);
        var s = HostSnapshot.Empty("h", null) with { Routes = routes, Rules = rules, Nexthops = IpNexthopParser.Parse(Fixtures.Read("iproute2/nexthop.json")) };
        var ix = new SnapshotIndex(s);
        var text = string.Join("\n", RoutesPresenter.Detail(ix, routes.Single(r => r.Destination == "10.5.0.0/16")).Attributes.Select(f => $"{f.Key}: {f.Value}"));
        Assert.Contains("rule 32766: from all lookup main", text, StringComparison.Ordinal);
        Assert.Contains("rule 2002: from all lookup main suppress_prefixlength 0", text, StringComparison.Ordinal);
        Assert.Contains("nexthop 12: group 10,2/11", text, StringComparison.Ordinal);
        Assert.Contains("hop 1: via 192.0.2.2 dev a0 weight 2", text, StringComparison.Ordinal);
    }
}
