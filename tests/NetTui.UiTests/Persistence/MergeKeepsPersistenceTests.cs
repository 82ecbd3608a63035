using NetTui.Core.Model;
using NetTui.Host.Inventory;
using NetTui.Live;
using NetTui.UiTests.Fixtures;

namespace NetTui.UiTests.Persistence;

/// <summary>
/// Live updates read only the parts an event touched, without NetworkManager: the merge keeps
/// the profiles last read and annotates the new parts with them, so the Boot column does not
/// go blank after `ip link add`, and the route array is untouched when routes were not read.
/// </summary>
public class MergeKeepsPersistenceTests
{
    [Fact]
    public void A_links_only_read_is_annotated_with_the_last_known_profiles_and_routes_stay_the_same_array()
    {
        var full = PersistedLab.Snapshot();
        var partial = LabSnapshots.LabWithNewLink("vethN") with { Routes = [], Ovs = null, Containers = [] }; // as a links+bridges read comes back
        var merged = SnapshotMerge.Merge(full, partial, InventoryParts.Links | InventoryParts.Bridges);

        Assert.Same(full.NetworkManager, merged.NetworkManager);
        Assert.Equal("nettui-br0", merged.FindLink("br0")!.Persistence!.Profile);
        Assert.Equal(PersistenceKind.RuntimeOnly, merged.FindLink("vethN")!.Persistence!.Where);
        Assert.Equal(PersistenceKind.Ovsdb, merged.FindLink("br-tun")!.Persistence!.Where); // OVS kept from the full read
        Assert.Equal(PersistenceKind.NetworkManager, merged.FindLink("br0")!.Addresses.Single(a => a.Address == "192.168.50.1").Persistence!.Where);
        Assert.True(full.Routes == merged.Routes, "a links-only read must not rebuild the route array");
    }

    [Fact]
    public void A_routes_only_read_gets_route_persistence_from_the_links_already_known()
    {
        var full = PersistedLab.Snapshot();
        var partial = LabSnapshots.Lab() with { Links = [], Bridges = [], Ovs = null, Containers = [] };
        var merged = SnapshotMerge.Merge(full, partial, InventoryParts.Routes);
        Assert.Equal(PersistenceKind.NetworkManager, merged.Routes.Single(r => r.Destination == "10.99.0.0/16").Persistence!.Where);
        Assert.Equal(PersistenceKind.RuntimeOnly, merged.Routes.Single(r => r.Destination == "default" && r.Table == "100").Persistence!.Where);
    }

    [Fact]
    public void Before_any_full_read_nothing_is_annotated()
    {
        var merged = SnapshotMerge.Merge(LabSnapshots.Lab(), LabSnapshots.LabWithNewLink(), InventoryParts.Links);
        Assert.Null(merged.NetworkManager);
        Assert.All(merged.Links, l => Assert.Null(l.Persistence));
    }
}
