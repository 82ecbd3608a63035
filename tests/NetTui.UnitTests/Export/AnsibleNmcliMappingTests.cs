using NetTui.Core.Export.Ansible;
using NetTui.Core.Operations;

namespace NetTui.UnitTests.Export;

/// <summary>Bridges, their ports, addresses and routes → one community.general.nmcli task per profile, from NetTui's own profile builders.</summary>
public sealed class AnsibleNmcliMappingTests
{
    private static readonly Operation[] Ops =
    [
        new CreateBridge("br0", "192.168.1.1/24", Stp: true) { Mtu = "1462" }, new AttachToBridge("br0", "eth1"),
        new AddRoute("192.168.2.0/24", Dev: "br0"), new AddRoute("10.20.0.0/16", "192.168.1.254", Metric: "50"),
    ];

    [Fact]
    public void Bridge_port_routes_and_mtu_match_the_golden_document() =>
        Assert.Equal(AnsibleDoc.Golden("nm"), AnsibleDoc.Render(Ops));

    [Fact]
    public void Later_addresses_and_routes_join_the_one_task_of_the_profile()
    {
        var t = AnsibleMapper.Map([new CreateBridge("br0"), new AddAddress("br0", "10.0.0.1/24"), new AddAddress("br0", "fd00::1/64"), new AddRoute("10.9.0.0/16", "10.0.0.254")]);
        var nmcli = Assert.Single(t.Tasks, x => x.Module == NmcliTasks.Module);
        var doc = Core.Export.YamlEmitter.Write(nmcli.ToYaml());
        Assert.Contains("ip4: [\"10.0.0.1/24\"]", doc, StringComparison.Ordinal);
        Assert.Contains("ip6: [\"fd00::1/64\"]", doc, StringComparison.Ordinal);
        Assert.Contains("- ip: \"10.9.0.0/16\"\n      next_hop: \"10.0.0.254\"", doc, StringComparison.Ordinal);
        Assert.DoesNotContain(t.Tasks, x => x.Name.Contains("route", StringComparison.Ordinal) && x.Module == "ansible.builtin.command");
    }

    [Fact]
    public void A_bridge_without_addresses_gets_no_dhcp()
    {
        var doc = AnsibleDoc.Render(new CreateBridge("br5"));
        Assert.Contains("method4: \"disabled\"", doc, StringComparison.Ordinal);
        Assert.Contains("method6: \"ignore\"", doc, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_command_is_guarded() => AnsibleDoc.AssertEveryCommandIsGuarded(Ops);
}
