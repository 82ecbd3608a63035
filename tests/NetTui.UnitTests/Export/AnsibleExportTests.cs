using NetTui.Core.Export.Ansible;
using NetTui.Core.Operations;
using NetTui.Core.Persisting;
using NetTui.Core.Plans;

namespace NetTui.UnitTests.Export;

/// <summary>Plans → playbook: refusals named like `nettui apply` names them, one play per plan, messages as notes.</summary>
public sealed class AnsibleExportTests
{
    private static NamedPlan Plan(string name, params Operation[] ops) =>
        new(name, PlanFile.Create(new PlanMetadata("test", Description: "demo"), ops, ["why 1462"]));

    [Fact]
    public void A_field_that_does_not_parse_is_refused_with_the_operation_index_and_field()
    {
        var errors = AnsibleExport.Check([Plan("a.plan.json", new CreateBridge("br0"), new AddOvsGrePort("obr0", "gre0", "10.10.0.300"))]);
        var e = Assert.Single(errors);
        Assert.StartsWith("a.plan.json: operations[1] (ovs.gre.add).remote: ", e, StringComparison.Ordinal);
    }

    [Fact]
    public void A_persistence_wrapper_from_the_journal_is_refused()
    {
        var errors = AnsibleExport.Check([Plan("p.json", new PersistedOperation(new CreateBridge("br0")))]);
        Assert.StartsWith("p.json: operations[0] (persisted): ", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Good_plans_pass_and_each_becomes_a_play_with_its_messages_as_notes()
    {
        NamedPlan[] plans = [Plan("/tmp/a.plan.json", new CreateBridge("br0")), Plan("b.plan.json", new CreateOvsBridge("obr0", "netdev"))];
        Assert.Empty(AnsibleExport.Check(plans));
        var text = AnsibleExport.Playbook(plans);
        Assert.StartsWith("# Written by nettui export ansible from a.plan.json, b.plan.json.\n", text, StringComparison.Ordinal);
        Assert.Contains("# - why 1462\n", text, StringComparison.Ordinal);
        Assert.Contains("- name: \"NetTui plan a.plan.json: demo\"\n  hosts: \"{{ nettui_hosts | default('all') }}\"\n  gather_facts: false\n  environment: \"{{ nettui_environment | default({}) }}\"\n", text, StringComparison.Ordinal);
        Assert.Contains("- name: \"NetTui plan b.plan.json: demo\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Registered_variables_of_two_plays_do_not_collide()
    {
        var text = AnsibleExport.Playbook([Plan("a", new SetLinkState("eth0", true)), Plan("b", new SetLinkState("eth0", true))]);
        Assert.Contains("register: \"nettui_p1_1\"", text, StringComparison.Ordinal);
        Assert.Contains("register: \"nettui_p2_1\"", text, StringComparison.Ordinal);
    }
}
