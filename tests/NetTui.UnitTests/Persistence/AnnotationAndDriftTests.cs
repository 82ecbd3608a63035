using NetTui.Core.Model;
using NetTui.Core.Persisting;

namespace NetTui.UnitTests.Persistence;

public class AnnotationAndDriftTests
{
    private static HostSnapshot Annotated(params NmProfile[] profiles) => PersistenceAnnotator.Annotate(PlannerTests.Host(profiles));

    [Fact]
    public void Links_addresses_and_routes_say_where_they_persist()
    {
        var br0 = PlannerTests.Profile("nettui-br0", "bridge", "br0", managed: true, addresses: ["192.168.100.1/24"],
            routes: [new NmProfileRoute("10.20.0.0/16", "192.168.100.254", 50, null)]);
        var s = Annotated(br0);
        var link = s.FindLink("br0")!;
        Assert.Equal(new NetTui.Core.Model.Persistence(PersistenceKind.NetworkManager, "nettui-br0", br0.Uuid), link.Persistence);
        Assert.Equal(PersistenceKind.NetworkManager, link.Addresses.Single().Persistence!.Where);
        Assert.Equal(PersistenceKind.NetworkManager, s.Routes.Single(r => r.Destination == "10.20.0.0/16").Persistence!.Where);
        Assert.Equal(PersistenceKind.Ovsdb, s.FindLink("obr0")!.Persistence!.Where);
        Assert.Equal(PersistenceKind.RuntimeOnly, s.FindLink("weave")!.Persistence!.Where);
        Assert.Equal(PersistenceKind.RuntimeOnly, s.Routes.Single(r => r.Destination == "default").Persistence!.Where);
        Assert.Equal("runtime only (lost at reboot)", s.FindLink("weave")!.Persistence!.ToString());
    }

    [Fact]
    public void Without_NetworkManager_everything_of_the_kernel_is_runtime_only_but_OVS_is_OVSDB()
    {
        var s = PersistenceAnnotator.Annotate(NetTui.UnitTests.Cli.SampleSnapshot.Create() with { NetworkManager = NetworkManagerState.Down("not running") });
        Assert.Equal(PersistenceKind.RuntimeOnly, s.FindLink("br0")!.Persistence!.Where);
        Assert.Equal(PersistenceKind.Ovsdb, s.FindLink("obr0")!.Persistence!.Where);
        Assert.Contains(DriftFinder.Find(s), d => d.Kind == DriftKind.RuntimeBridge && d.Object == "br0");
    }

    [Fact]
    public void Drift_lists_missing_devices_missing_and_runtime_addresses_and_routes()
    {
        var br0 = PlannerTests.Profile("nettui-br0", "bridge", "br0", managed: true, addresses: ["192.168.100.1/24", "192.168.101.1/24"],
            routes: [new NmProfileRoute("10.99.0.0/16", null, null, null)]);
        var gone = PlannerTests.Profile("nettui-br7", "bridge", "br7", managed: true);
        var drift = DriftFinder.Find(Annotated(br0, gone));
        Assert.Contains(drift, d => d.Kind == DriftKind.ProfileDeviceMissing && d.Object == "br7" && d.Message.Contains("nettui-br7", StringComparison.Ordinal));
        Assert.Contains(drift, d => d.Kind == DriftKind.AddressMissing && d.Object == "br0 192.168.101.1/24");
        Assert.Contains(drift, d => d.Kind == DriftKind.RouteMissing && d.Object == "route 10.99.0.0/16");
        Assert.Contains(drift, d => d.Kind == DriftKind.RuntimeRoute && d.Object == "route 10.20.0.0/16");
        Assert.Contains(drift, d => d.Kind == DriftKind.RuntimeBridge && d.Object == "weave");
        Assert.DoesNotContain(drift, d => d.Kind == DriftKind.RuntimeBridge && d.Object == "br0");

        var runtimeAddress = PlannerTests.Profile("nettui-br0", "bridge", "br0", managed: true, addresses: []);
        Assert.Contains(DriftFinder.Find(Annotated(runtimeAddress)), d => d.Kind == DriftKind.RuntimeAddress && d.Object == "br0 192.168.100.1/24");
    }

    [Fact]
    public void Persistence_fields_are_in_the_snapshot_json()
    {
        var json = SnapshotJson.Serialize(Annotated(PlannerTests.Profile("nettui-br0", "bridge", "br0", managed: true, addresses: ["192.168.100.1/24"])));
        Assert.Contains("\"persistence\": {", json, StringComparison.Ordinal);
        Assert.Contains("\"where\": \"networkManager\"", json, StringComparison.Ordinal);
        Assert.Contains("\"where\": \"ovsdb\"", json, StringComparison.Ordinal);
        Assert.Contains("\"where\": \"runtimeOnly\"", json, StringComparison.Ordinal);
        Assert.Contains("\"networkManager\": {", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"settings\"", json, StringComparison.Ordinal);
        var back = SnapshotJson.Deserialize<HostSnapshot>(json)!;
        Assert.Equal("nettui-br0", back.FindLink("br0")!.Persistence!.Profile);
    }
}
