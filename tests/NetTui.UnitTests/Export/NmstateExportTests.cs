using NetTui.Core.Export.Ansible;
using NetTui.Core.Export.Nmstate;
using NetTui.Core.Operations;
using NetTui.Core.Plans;

namespace NetTui.UnitTests.Export;

/// <summary>Plans → a NodeNetworkConfigurationPolicy, compared as documents (nmstatectl is not available here).</summary>
public sealed class NmstateExportTests
{
    private static string Policy(params Operation[] ops) =>
        NmstateExport.Policy([new NamedPlan("seed.plan.json", PlanFile.Create(new PlanMetadata("test"), ops))], "nettui-seed");

    [Fact]
    public void The_seed_plan_matches_the_golden_policy_and_names_what_nmstate_cannot_say() =>
        Assert.Equal(Fixtures.Read(Path.Combine("Export", "nmstate-seed.yml")), Policy(
            new CreateBridge("br0", "192.168.1.1/24") { Mtu = "1462" }, new AttachToBridge("br0", "eth1"),
            new CreateOvsBridge("obr0", "netdev"), new AddOvsGrePort("obr0", "gre0", "10.10.0.2"),
            new AttachToBridge("br0", "obr0"), new SetMtu("obr0", "1462"), new SetLinkState("obr0", true),
            new AddRoute("192.168.2.0/24", Dev: "br0"), new AddRoute("10.20.0.0/16", "192.168.1.254", Metric: "50", Table: "100"),
            new SetDockerDefaultBridge("br0")));

    [Fact]
    public void Vxlan_and_deletes_use_nmstates_words()
    {
        var doc = Policy(new CreateVxlan("vx0", "100", Remote: "10.10.0.2", DstPort: "4790", Underlay: "eth0") { Learning = false },
            new DeleteBridge("br9"), new DeleteRoute("10.5.0.0/16", Dev: "eth0"), new CreateIpTunnel("gt0", "gre", "10.10.0.3"));
        Assert.Contains("      - name: \"vx0\"\n        type: \"vxlan\"\n        state: \"up\"\n", doc, StringComparison.Ordinal);
        Assert.Contains("        vxlan:\n          id: 100\n          base-iface: \"eth0\"\n          remote: \"10.10.0.2\"\n          destination-port: 4790\n          learning: false\n", doc, StringComparison.Ordinal);
        Assert.Contains("      - name: \"br9\"\n        type: \"linux-bridge\"\n        state: \"absent\"\n", doc, StringComparison.Ordinal);
        Assert.Contains("next-hop-interface: \"eth0\"\n          state: \"absent\"", doc, StringComparison.Ordinal);
        Assert.Contains("# - GRE tunnel gt0 to 10.10.0.3: nmstate has no GRE", doc, StringComparison.Ordinal);
        Assert.DoesNotContain("gt0\"", doc, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/srv/plans/Seed_A.plan.json", "nettui-seed-a")]
    [InlineData("x.json", "nettui-x")]
    [InlineData("__.json", "nettui-plan")]
    public void The_policy_name_is_a_kubernetes_name(string path, string expected) => Assert.Equal(expected, NmstateExport.PolicyName(path));
}
