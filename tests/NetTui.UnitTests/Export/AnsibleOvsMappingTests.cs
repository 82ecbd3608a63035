using NetTui.Core.Operations;

namespace NetTui.UnitTests.Export;

/// <summary>OVS bridges and ports → openvswitch.openvswitch modules, type and options in the add-port transaction.</summary>
public sealed class AnsibleOvsMappingTests
{
    private static readonly Operation[] Ops =
    [
        new CreateOvsBridge("obr0", "netdev"), new AddOvsGrePort("obr0", "gre0", "10.10.0.2", "10.10.0.1", "7"),
        new AddOvsVxlanPort("obr0", "vxo0", "10.10.0.3", Key: "42", DstPort: "4790"), new AddOvsPort("obr0", "int0", "internal"),
        new SetMtu("int0", "1450"), new DeleteOvsPort("obr0", "old0"), new DeleteOvsBridge("obr9"),
    ];

    [Fact]
    public void Bridges_ports_options_and_mtu_match_the_golden_document() =>
        Assert.Equal(AnsibleDoc.Golden("ovs"), AnsibleDoc.Render(Ops));

    [Fact]
    public void A_plain_port_has_no_set_and_an_ovs_internal_port_as_a_bridge_port_is_a_guarded_command()
    {
        var doc = AnsibleDoc.Render(new CreateOvsBridge("obr0", "netdev"), new AddOvsPort("obr0", "veth1"), new AttachToBridge("br0", "obr0"));
        Assert.DoesNotContain("Interface veth1", doc, StringComparison.Ordinal);
        Assert.Contains("argv: [\"ip\", \"link\", \"set\", \"dev\", \"obr0\", \"master\", \"br0\"]", doc, StringComparison.Ordinal);
        Assert.DoesNotContain("nettui-obr0", doc, StringComparison.Ordinal); // never a NetworkManager port profile for an OVS internal port
    }
}
