using NetTui.Core.Export.Ansible;
using NetTui.Core.Operations;
using NetTui.Core.Plans;

namespace NetTui.UnitTests.Export;

/// <summary>The wizard's inventory (both hosts, underlay addresses as host vars) and its one playbook, a play per host.</summary>
public sealed class AnsibleTunnelExportTests
{
    private static PlanFile Side(string? host, string remote) =>
        PlanFile.Create(new PlanMetadata("nettui wizard tunnel", ForHost: host, Role: "local"), [new AddOvsGrePort("obr0", "gre0", remote)]);

    [Fact]
    public void The_inventory_names_both_hosts_with_their_underlay_addresses()
    {
        var files = AnsibleTunnelExport.Write(Side("host-a", "10.10.0.2"), Side(null, "10.10.0.1"), "10.10.0.1", "10.10.0.2", "a.plan.json", "b.plan.json");
        Assert.Equal("""
            # Written by nettui wizard tunnel: the two ends of the tunnel 10.10.0.1 <-> 10.10.0.2.
            # Set how Ansible reaches each host (ansible_host, ansible_user...) here or in host_vars/.
            ---
            all:
              children:
                nettui_tunnel:
                  hosts:
                    host-a:
                      ansible_host: "10.10.0.1"
                      nettui_underlay: "10.10.0.1"
                      nettui_peer_underlay: "10.10.0.2"
                    "10.10.0.2":
                      ansible_host: "10.10.0.2"
                      nettui_underlay: "10.10.0.2"
                      nettui_peer_underlay: "10.10.0.1"

            """.Replace("\r", "", StringComparison.Ordinal), files.Inventory);
    }

    [Fact]
    public void The_playbook_applies_each_plan_to_its_own_host()
    {
        var files = AnsibleTunnelExport.Write(Side("host-a", "10.10.0.2"), Side(null, "10.10.0.1"), "10.10.0.1", "10.10.0.2", "a.plan.json", "b.plan.json");
        var a = files.Playbook.IndexOf("- name: \"NetTui plan a.plan.json\"\n  hosts: \"host-a\"", StringComparison.Ordinal);
        var b = files.Playbook.IndexOf("- name: \"NetTui plan b.plan.json\"\n  hosts: \"10.10.0.2\"", StringComparison.Ordinal);
        Assert.True(a > 0 && b > a, files.Playbook);
        Assert.Contains("options:remote_ip=10.10.0.2", files.Playbook[a..b], StringComparison.Ordinal);
        Assert.Contains("options:remote_ip=10.10.0.1", files.Playbook[b..], StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_name_that_is_not_a_plain_word_becomes_local() =>
        Assert.Equal("local", AnsibleTunnelExport.Write(Side("bad name;", "10.10.0.2"), Side(null, "10.10.0.1"), "10.10.0.1", "10.10.0.2", "a", "b").LocalName);
}
