using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Persisting;
using NetTui.UnitTests.Operations;

namespace NetTui.UnitTests.Persistence;

/// <summary>What Docker owns is never offered to NetworkManager; OVS's datapath devices are never offered as ports.</summary>
public sealed class DockerOwnedTests
{
    private static HostSnapshot Host() =>
        (HostSnapshot.Empty("h", null) with { NetworkManager = new NetworkManagerState(true, null, "1.42.4", []) })
        .WithLink("docker0", LinkKind.Bridge, "172.17.0.1/16")
        .WithLink("br-0123456789ab", LinkKind.Bridge)
        .WithLink("br0", LinkKind.Bridge, "192.168.1.1/24")
        .WithLink("veth1", LinkKind.Veth)
        .WithLink("ovs-netdev", LinkKind.Tap);

    [Theory]
    [InlineData("docker0")]
    [InlineData("br-0123456789ab")]
    public void Changes_to_Dockers_bridges_stay_runtime_with_the_reason(string bridge)
    {
        var plan = PersistentPlanner.Plan(new AttachToBridge(bridge, "veth1"), Host());
        Assert.False(plan.Persistent);
        Assert.Contains($"{bridge} is managed by Docker", plan.Label, StringComparison.Ordinal);
        Assert.DoesNotContain("persist make", plan.Label, StringComparison.Ordinal);
        var make = Assert.Single(new MakePersistent(bridge).Validate(Host(), OperationContext.Default));
        Assert.Contains("managed by Docker", make.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_admins_bridge_is_still_offered() =>
        Assert.Empty(new MakePersistent("br0").Validate(Host(), OperationContext.Default));

    [Fact]
    public void Ovs_datapath_device_is_neither_offered_nor_accepted_as_a_port()
    {
        Assert.DoesNotContain("ovs-netdev", NetTui.Presentation.Forms.FormCatalog.Attachable(Host()));
        Assert.Contains("veth1", NetTui.Presentation.Forms.FormCatalog.Attachable(Host()));
        var e = Assert.Single(new AttachToBridge("br0", "ovs-netdev").Validate(Host(), OperationContext.Default));
        Assert.Contains("Open vSwitch's own datapath device", e.Message, StringComparison.Ordinal);
    }
}
