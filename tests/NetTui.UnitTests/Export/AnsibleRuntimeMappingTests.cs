using NetTui.Core.Operations;

namespace NetTui.UnitTests.Export;

/// <summary>What no module holds → a read-only check plus a command run only when the check says it is needed.</summary>
public sealed class AnsibleRuntimeMappingTests
{
    private static readonly Operation[] Ops =
    [
        new AddAddress("eth1", "10.1.0.5/24"), new RemoveAddress("eth1", "10.1.0.6/24"),
        new AddRoute("10.30.0.0/16", "10.1.0.1", Table: "100"), new DeleteRoute("10.31.0.0/16", Dev: "eth1"),
        new SetLinkState("eth2", false), new SetMtu("eth2", "9000"), new DetachFromBridge("eth3"), new DeleteBridge("br9"),
    ];

    [Fact]
    public void Addresses_routes_links_and_deletes_match_the_golden_document() =>
        Assert.Equal(AnsibleDoc.Golden("runtime"), AnsibleDoc.Render(Ops));

    [Fact]
    public void Every_command_is_guarded_so_a_second_run_changes_nothing() => AnsibleDoc.AssertEveryCommandIsGuarded(Ops);

    [Fact]
    public void Checks_run_under_check_mode_and_never_fail_or_change()
    {
        var checks = Core.Export.Ansible.AnsibleMapper.Map(Ops, "r").Tasks.Where(t => t.Name.StartsWith("check: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(8, checks.Count);
        Assert.All(checks, c => Assert.Equal(["register", "changed_when", "failed_when", "check_mode"], c.Keywords.Entries.Select(e => e.Key)));
    }
}
