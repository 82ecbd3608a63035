using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Persisting;
using NetTui.UnitTests.Operations;

namespace NetTui.UnitTests.Persistence;

/// <summary>
/// The Boot column says who really recreates an object at boot (issue 22): not OVSDB for a veth
/// someone added to OVS, not NetworkManager for a profile with autoconnect=no, not Docker for
/// the parent of a macvlan network, ovs-vswitchd for its own datapath device, and Docker for
/// every bridge of a Docker network, whatever its name.
/// </summary>
public sealed class BootTruthTests
{
    private static HostSnapshot WithNm(HostSnapshot s, params NmProfile[] profiles) =>
        s with { NetworkManager = new NetworkManagerState(true, null, "1.42.4", [.. profiles]) };

    private static Core.Model.Persistence Boot(HostSnapshot s, string name) =>
        PersistenceAnnotator.Annotate(s).FindLink(name)!.Persistence!;

    [Fact]
    public void A_veth_used_as_an_ovs_system_port_is_lost_but_a_nic_and_an_internal_port_are_ovsdb()
    {
        var s = WithNm(TestHost.Basic().WithOvsBridge("br-int")
            .WithLink("vo0", LinkKind.Veth).WithOvsPort("br-int", "vo0", "")
            .WithLink("eth1", LinkKind.Ethernet).WithOvsPort("br-int", "eth1", "system")
            .WithLink("p5", LinkKind.OvsInternal).WithOvsPort("br-int", "p5", "internal"));
        var veth = Boot(s, "vo0");
        Assert.Equal(PersistenceKind.RuntimeOnly, veth.Where);
        Assert.Contains("nothing recreates the veth", veth.Note, StringComparison.Ordinal);
        Assert.Equal(PersistenceKind.Ovsdb, Boot(s, "eth1").Where);
        Assert.Equal(PersistenceKind.Ovsdb, Boot(s, "p5").Where);
        Assert.Equal(PersistenceKind.Ovsdb, Boot(s, "br-int").Where);
    }

    [Fact]
    public void A_device_whose_only_profile_has_autoconnect_no_does_not_survive_reboot()
    {
        var off = PlannerTests.Profile("manual-br5", "bridge", "br5", addresses: ["10.5.0.1/24"],
            routes: [new NmProfileRoute("10.6.0.0/16", "10.5.0.254", null, null)]) with { Autoconnect = false };
        var s = WithNm(TestHost.Basic().WithBridge("br5", false, "10.5.0.1/24").WithRoute("10.6.0.0/16", "10.5.0.254", "br5"), off);
        var annotated = PersistenceAnnotator.Annotate(s);
        var boot = annotated.FindLink("br5")!.Persistence!;
        Assert.Equal(PersistenceKind.RuntimeOnly, boot.Where);
        Assert.Equal("manual-br5", boot.Profile);
        Assert.Contains("autoconnect=no", boot.Note, StringComparison.Ordinal);
        Assert.Equal(PersistenceKind.RuntimeOnly, annotated.FindLink("br5")!.Addresses.Single().Persistence!.Where);
        Assert.Equal(PersistenceKind.RuntimeOnly, annotated.Routes.Single(r => r.Destination == "10.6.0.0/16").Persistence!.Where);
        var drift = Assert.Single(DriftFinder.Find(annotated), d => d.Object == "br5");
        Assert.Contains("connection.autoconnect yes", drift.Fix, StringComparison.Ordinal);
        var refusal = Assert.Single(new MakePersistent("br5").Validate(annotated, OperationContext.Default));
        Assert.Contains("does not come up at boot", refusal.Message, StringComparison.Ordinal);

        // A second profile that does autoconnect is the one that brings it up.
        var on = PlannerTests.Profile("boot-br5", "bridge", "br5", addresses: ["10.5.0.1/24"]);
        var both = PersistenceAnnotator.Annotate(WithNm(s, off with { ActiveDevice = "br5" }, on with { ActiveDevice = null }));
        Assert.Equal(new Core.Model.Persistence(PersistenceKind.NetworkManager, "boot-br5", on.Uuid), both.FindLink("br5")!.Persistence);
    }

    [Fact]
    public void The_parent_of_a_docker_macvlan_network_is_not_docker()
    {
        // A macvlan container's eth0 has the parent's ifindex as iflink: the wiring must not take the parent for its veth.
        var s = TestHost.Basic().WithLink("eth1", LinkKind.Ethernet);
        var parent = s.FindLink("eth1")!;
        var container = new Container("c1", "mv1", "running", "local/busybox", 42, [], [], null, null, null);
        var wired = Host.Inventory.Docker.ContainerWiring.Attach([container], new Dictionary<string, int> { ["c1"] = parent.Index }, s.Links);
        Assert.Null(wired[0].HostVeth);
        var docker = WithNm(s with { Containers = wired, DockerNetworks = [new DockerNetwork("0123456789abcdef", "mvnet", "macvlan", null, "eth1")] });
        Assert.Equal(PersistenceKind.RuntimeOnly, Boot(docker, "eth1").Where);
        Assert.False(DockerOwned.Is(docker, "eth1"));
    }

    [Theory]
    [InlineData("ovs-netdev", LinkKind.Tap)]
    [InlineData("ovs-system", LinkKind.OvsInternal)]
    public void Ovs_datapath_devices_are_made_by_ovs_vswitchd(string name, LinkKind kind)
    {
        var boot = Boot(WithNm(TestHost.Basic().WithLink(name, kind)), name);
        Assert.Equal(PersistenceKind.OvsVswitchd, boot.Where);
        Assert.True(boot.SurvivesReboot);
        Assert.Equal("ovs-vswitchd", NetTui.Presentation.PersistenceText.Short(boot));
    }

    [Fact]
    public void Dockers_user_network_bridges_are_docker_not_drift_and_persist_make_refuses()
    {
        var named = Host.Inventory.Docker.DockerNetworkMapper.Map("aaaaaaaaaaaa1111", "appnet", "bridge",
            new Dictionary<string, string> { [Host.Inventory.Docker.DockerNetworkMapper.BridgeNameOption] = "br-app" });
        var plain = Host.Inventory.Docker.DockerNetworkMapper.Map("bbbbbbbbbbbb2222", "webnet", "bridge", null);
        var defaultOnAdminsBridge = Host.Inventory.Docker.DockerNetworkMapper.Map("cccccccccccc3333", "bridge", "bridge",
            new Dictionary<string, string> { ["com.docker.network.bridge.default_bridge"] = "true", [Host.Inventory.Docker.DockerNetworkMapper.BridgeNameOption] = "br0" });
        Assert.Equal("br-app", named.Device);
        Assert.Equal("br-bbbbbbbbbbbb", plain.Device);
        Assert.Null(defaultOnAdminsBridge.Device);

        var s = WithNm(TestHost.Basic().WithBridge("br-app").WithBridge("br-bbbbbbbbbbbb").WithBridge("br0", false, "192.168.1.1/24")) with
        {
            DockerNetworks = [named, plain, defaultOnAdminsBridge],
        };
        var annotated = PersistenceAnnotator.Annotate(s);
        var app = annotated.FindLink("br-app")!.Persistence!;
        Assert.Equal(PersistenceKind.Docker, app.Where);
        Assert.Contains("network appnet", app.Note, StringComparison.Ordinal);
        Assert.Equal(PersistenceKind.Docker, annotated.FindLink("br-bbbbbbbbbbbb")!.Persistence!.Where);
        Assert.Equal(PersistenceKind.RuntimeOnly, annotated.FindLink("br0")!.Persistence!.Where);
        var drift = DriftFinder.Find(annotated);
        Assert.DoesNotContain(drift, d => d.Object is "br-app" or "br-bbbbbbbbbbbb");
        Assert.Contains(drift, d => d.Object == "br0");
        var refusal = Assert.Single(new MakePersistent("br-app").Validate(annotated, OperationContext.Default));
        Assert.Contains("br-app is managed by Docker", refusal.Message, StringComparison.Ordinal);
        Assert.False(PersistentPlanner.Plan(new AddAddress("br-app", "10.7.0.1/24"), annotated).Persistent);
    }
}
