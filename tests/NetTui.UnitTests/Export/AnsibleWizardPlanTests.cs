using NetTui.Core.Operations;

namespace NetTui.UnitTests.Export;

/// <summary>The seed's host-A plan (what `nettui wizard tunnel` writes) as one document: the order the devices need.</summary>
public sealed class AnsibleWizardPlanTests
{
    private static readonly Operation[] Ops =
    [
        new CreateBridge("br0", "192.168.1.1/24") { Mtu = "1462" }, new CreateOvsBridge("obr0", "netdev"),
        new AddOvsGrePort("obr0", "gre0", "10.10.0.2"), new AttachToBridge("br0", "obr0"), new SetMtu("obr0", "1462"),
        new SetLinkState("obr0", true), new AddRoute("192.168.2.0/24", Dev: "br0"),
    ];

    [Fact]
    public void The_seed_plan_matches_the_golden_document() =>
        Assert.Equal(AnsibleDoc.Golden("wizard"), AnsibleDoc.Render(Ops));

    [Fact]
    public void The_bridge_is_active_before_obr0_is_attached_to_it()
    {
        var names = Core.Export.Ansible.AnsibleMapper.Map(Ops).Tasks.Select(t => t.Name).ToList();
        Assert.True(names.IndexOf("activate nettui-br0 now, before what depends on it") < names.IndexOf("attach obr0 to bridge br0"));
    }
}
