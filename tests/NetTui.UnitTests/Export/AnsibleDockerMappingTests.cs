using NetTui.Core.Export.Ansible;
using NetTui.Core.Operations;

namespace NetTui.UnitTests.Export;

/// <summary>Docker's daemon.json: slurp + combine + copy keeping other keys; one restart handler, its command a variable.</summary>
public sealed class AnsibleDockerMappingTests
{
    [Fact]
    public void Set_and_remove_the_bridge_match_the_golden_document() =>
        Assert.Equal(AnsibleDoc.Golden("docker"), AnsibleDoc.Render(new SetDockerDefaultBridge("br0"), new SetDockerDefaultBridge(null, "/srv/docker/daemon.json")));

    [Fact]
    public void Two_docker_operations_share_one_handler_and_only_copy_notifies_it()
    {
        var t = AnsibleMapper.Map([new SetDockerDefaultBridge("br0"), new SetDockerDefaultBridge("br1")]);
        Assert.Equal(DockerTasks.RestartHandler, Assert.Single(t.Handlers).Name);
        Assert.All(t.Tasks.Where(x => x.Module == "ansible.builtin.slurp"), x => Assert.DoesNotContain(x.Keywords.Entries, e => e.Key == "notify"));
        Assert.Equal(2, t.Tasks.Count(x => x.Module == "ansible.builtin.copy" && x.Keywords.Entries.Any(e => e.Key == "notify")));
    }

    [Fact]
    public void Without_docker_operations_there_is_no_restart_handler() =>
        Assert.Empty(AnsibleMapper.Map([new CreateOvsBridge("obr0")]).Handlers);
}
