using System.Collections.Concurrent;
using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Host.Inventory;
using NetTui.Host.Inventory.IpRoute2;
using NetTui.Host.Monitoring;
using NetTui.Live;
using NetTui.UiTests.Fixtures;

namespace NetTui.UiTests.Live;

/// <summary>
/// A live update applies the `ip monitor` event itself (issue 9): the event names the link,
/// only that link is re-read and patched into the snapshot; all links, routes, OVS,
/// Docker and NetworkManager are not read.
/// </summary>
public class SingleLinkUpdateTests
{
    /// <summary>Records every read; single links are answered from <see cref="Links"/>.</summary>
    private sealed class SingleLinkInventory : IHostInventory
    {
        public readonly ConcurrentQueue<InventoryParts> WholeReads = new();
        public readonly ConcurrentQueue<string[]> SingleReads = new();
        public readonly ConcurrentQueue<IReadOnlyDictionary<string, int>> Known = new();
        public Dictionary<string, Link> Links { get; } = new(StringComparer.Ordinal);
        public List<BridgePortInfo> Ports { get; } = [];

        public Task<HostSnapshot> ReadAsync(InventoryParts parts = InventoryParts.All, CancellationToken ct = default)
        {
            WholeReads.Enqueue(parts);
            return Task.FromResult(LabSnapshots.Lab());
        }

        public Task<LinkPatch?> ReadLinksAsync(IReadOnlyCollection<string> names, IReadOnlyDictionary<string, int> knownIndices, CancellationToken ct = default)
        {
            SingleReads.Enqueue([.. names.Order(StringComparer.Ordinal)]);
            Known.Enqueue(knownIndices);
            var found = names.Where(Links.ContainsKey).Select(n => Links[n]).ToImmutableArray();
            var missing = names.Where(n => !Links.ContainsKey(n)).ToImmutableArray();
            var bridges = found.Where(l => l.Kind == LinkKind.Bridge).Select(l => new BridgeDetails(l.Name, l.Index, "8000.000000000000", false)).ToImmutableArray();
            return Task.FromResult<LinkPatch?>(new LinkPatch(found, missing, bridges, Ports));
        }
    }

    /// <summary>`ip monitor` printing <paramref name="lines"/>, then idle.</summary>
    private sealed class Monitor(params string[] lines) : IStreamingRunner
    {
        public async Task<int> StreamAsync(Core.Commands.CommandSpec spec, Action<string> onLine, CancellationToken ct)
        {
            foreach (var line in lines) onLine(line);
            try { await Task.Delay(Timeout.Infinite, ct); } catch (OperationCanceledException) { }
            return 0;
        }
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++) await Task.Delay(10, TestContext.Current.CancellationToken);
        Assert.True(condition());
    }

    private static Link Veth(int index, string name, int peer, string? master = null, int? masterIndex = null) =>
        new(index, name, LinkKind.Veth, "DOWN", false, 1500, "5e:1c:6f:21:33:0a", master, masterIndex, new VethPeer(peer, null, null), []);

    [Fact]
    public void Link_and_address_lines_name_their_interface()
    {
        Assert.Equal(new NetlinkEvent(NetlinkChange.Link, 13, "y"), IpMonitorParser.Parse("[LINK]13: y@x: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN"));
        Assert.Equal(new NetlinkEvent(NetlinkChange.Link, 3, "v1", Deleted: true), IpMonitorParser.Parse("[LINK]Deleted 3: v1@NONE: <BROADCAST,MULTICAST> mtu 1500"));
        Assert.Equal(new NetlinkEvent(NetlinkChange.Link, 2, "br0"), IpMonitorParser.Parse("[LINK]2: br0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop"));
        Assert.Equal(new NetlinkEvent(NetlinkChange.Address, 3, "v1"), IpMonitorParser.Parse("[ADDR]3: v1    inet 10.9.9.1/24 scope global v1"));
        Assert.Equal(new NetlinkEvent(NetlinkChange.Address, 3, "v1", Deleted: true), IpMonitorParser.Parse("[ADDR]Deleted 3: v1    inet 10.9.9.1/24 scope global v1"));
        Assert.Equal(new NetlinkEvent(NetlinkChange.Route), IpMonitorParser.Parse("[ROUTE]10.9.9.0/24 dev v1 proto kernel"));
        Assert.Null(IpMonitorParser.Parse("    link/ether ee:b5:bc:d9:15:c1 brd ff:ff:ff:ff:ff:ff"));
        // Without an index and name the event still counts, as one for all links.
        Assert.Equal(new NetlinkEvent(NetlinkChange.Link), IpMonitorParser.Parse("[LINK]garbled"));
    }

    [Fact]
    public async Task A_burst_naming_links_becomes_one_batch_of_those_links()
    {
        var flushed = new ConcurrentQueue<ChangeBatch>();
        using var debouncer = new ChangeDebouncer((ChangeBatch b) => flushed.Enqueue(b), quiet: TimeSpan.FromMilliseconds(100), maxDelay: TimeSpan.FromSeconds(5));
        debouncer.Add(new NetlinkEvent(NetlinkChange.Link, 12, "x"));
        debouncer.Add(new NetlinkEvent(NetlinkChange.Link, 13, "y"));
        debouncer.Add(new NetlinkEvent(NetlinkChange.Address, 12, "x"));
        await Eventually(() => !flushed.IsEmpty);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        var batch = Assert.Single(flushed);
        Assert.Equal(InventoryParts.None, batch.Parts);
        Assert.Equal(new Dictionary<int, string> { [12] = "x", [13] = "y" }, batch.Links.ToDictionary());
    }

    [Fact]
    public async Task Too_many_links_in_one_burst_become_one_read_of_all_links()
    {
        var flushed = new ConcurrentQueue<ChangeBatch>();
        using var debouncer = new ChangeDebouncer((ChangeBatch b) => flushed.Enqueue(b), quiet: TimeSpan.FromMilliseconds(100), maxDelay: TimeSpan.FromSeconds(5));
        for (int i = 0; i <= ChangeDebouncer.MaxSingleLinks; i++) debouncer.Add(new NetlinkEvent(NetlinkChange.Link, 100 + i, $"v{i}"));
        await Eventually(() => !flushed.IsEmpty);
        var batch = Assert.Single(flushed);
        Assert.Equal(InventoryParts.Links | InventoryParts.Bridges, batch.Parts);
        Assert.Empty(batch.Links);
    }

    [Fact]
    public async Task A_new_veth_pair_is_read_alone_and_patched_in_without_any_whole_read()
    {
        var inventory = new SingleLinkInventory();
        inventory.Links["x"] = Veth(12, "x", 13);
        inventory.Links["y"] = Veth(13, "y", 12);
        var initial = LabSnapshots.Lab();
        var applied = new ConcurrentQueue<HostSnapshot>();
        var scheduler = new RefreshScheduler(inventory, initial, a => a(), applied.Enqueue);
        using var stop = new CancellationTokenSource();
        var monitor = new Monitor(
            "[LINK]13: y@x: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN group default",
            "    link/ether 5e:1c:6f:21:33:0a brd ff:ff:ff:ff:ff:ff",
            "[LINK]12: x@y: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN group default",
            "    link/ether 2a:7e:03:88:91:5c brd ff:ff:ff:ff:ff:ff");
        await using (new LiveUpdates(scheduler, monitor, stop))
        {
            await Eventually(() => !applied.IsEmpty);
            await Task.Delay(150, TestContext.Current.CancellationToken); // a second refresh would show up here
        }

        Assert.Empty(inventory.WholeReads); // not all links, not routes, OVS, Docker or NetworkManager
        Assert.Equal(["x", "y"], Assert.Single(inventory.SingleReads));
        Assert.Equal(4, inventory.Known.Single()["br0"]); // the links already known resolve masters and peers
        Assert.Equal(1, scheduler.SingleLinkReads);

        var merged = Assert.Single(applied);
        Assert.Equal([.. initial.Links.Select(l => l.Name), "x", "y"], merged.Links.Select(l => l.Name));
        Assert.Equal(13, merged.FindLink("x")!.Peer!.Index);
        // Everything else is the very same object as before (views see nothing changed).
        Assert.True(merged.Routes == initial.Routes);
        Assert.True(merged.Containers == initial.Containers);
        Assert.Same(initial.Ovs, merged.Ovs);
    }

    [Fact]
    public async Task An_inventory_that_cannot_read_single_links_gets_a_read_of_all_links()
    {
        var inventory = new WholeOnlyInventory();
        var applied = new ConcurrentQueue<HostSnapshot>();
        var scheduler = new RefreshScheduler(inventory, LabSnapshots.Lab(), a => a(), applied.Enqueue);
        scheduler.Request(new ChangeBatch(InventoryParts.None, ImmutableDictionary<int, string>.Empty.Add(12, "x")));
        await Eventually(() => !applied.IsEmpty);
        Assert.Equal([InventoryParts.Links | InventoryParts.Bridges], inventory.Reads.ToArray());
    }

    private sealed class WholeOnlyInventory : IHostInventory
    {
        public readonly ConcurrentQueue<InventoryParts> Reads = new();
        public Task<HostSnapshot> ReadAsync(InventoryParts parts = InventoryParts.All, CancellationToken ct = default)
        {
            Reads.Enqueue(parts);
            return Task.FromResult(LabSnapshots.Lab());
        }
    }

    [Fact]
    public void A_deleted_bridge_port_leaves_the_links_and_the_bridge()
    {
        var lab = LabSnapshots.Lab();
        var patch = new LinkPatch([], ["vethA"], [], []);
        var after = SnapshotMerge.PatchLinks(lab, [10], patch, DateTimeOffset.UnixEpoch);

        Assert.Null(after.FindLink("vethA"));
        Assert.Equal(lab.Links.Length - 1, after.Links.Length);
        Assert.Equal(["veth1a", "veth2a"], after.Bridges.Single(b => b.Name == "br0").Ports.Select(p => p.Name));
        Assert.Same(lab.Bridges.Single(b => b.Name == "docker0"), after.Bridges.Single(b => b.Name == "docker0"));
    }

    [Fact]
    public void A_link_enslaved_to_a_bridge_becomes_its_port_with_the_read_state()
    {
        var lab = LabSnapshots.Lab();
        var vethB = lab.FindLink("vethB")! with { Master = "br0", MasterIndex = 4 };
        var patch = new LinkPatch([vethB], [], [], [new BridgePortInfo(11, "vethB", "br0", "learning", 5, 32)]);
        var after = SnapshotMerge.PatchLinks(lab, [11], patch, DateTimeOffset.UnixEpoch);

        Assert.Equal("br0", after.FindLink("vethB")!.Master);
        Assert.Equal(lab.Links.Select(l => l.Index), after.Links.Select(l => l.Index));
        var port = after.Bridges.Single(b => b.Name == "br0").Ports.Single(p => p.Name == "vethB");
        Assert.Equal(("learning", 5), (port.State, port.Cost));
    }

    [Fact]
    public void A_new_bridge_appears_and_a_removed_one_goes()
    {
        var lab = LabSnapshots.Lab();
        var br1 = new Link(20, "br1", LinkKind.Bridge, "DOWN", false, 1500, null, null, null, null, []);
        var patch = new LinkPatch([br1], ["docker0"], [new BridgeDetails("br1", 20, "8000.000000000020", true)], []);
        var after = SnapshotMerge.PatchLinks(lab, [20, 3], patch, DateTimeOffset.UnixEpoch);

        Assert.Equal(["br0", "br1"], after.Bridges.Select(b => b.Name));
        Assert.True(after.Bridges.Single(b => b.Name == "br1").StpEnabled);
        Assert.Equal(20, after.Links[^1].Index);
    }

    [Fact]
    public void A_reread_link_keeps_its_known_persistence_and_an_ovs_internal_tap_is_annotated()
    {
        var lab = LabSnapshots.Lab();
        var persisted = new NetTui.Core.Model.Persistence(PersistenceKind.NetworkManager, "br0");
        lab = lab with { Links = [.. lab.Links.Select(l => l.Name == "br0" ? l with { Persistence = persisted } : l)] };
        var br0 = lab.FindLink("br0")! with { Mtu = 9000, Persistence = null };
        var tap = new Link(9, "br-tun", LinkKind.Tap, "UNKNOWN", true, 1500, null, null, null, null, []);
        var after = SnapshotMerge.PatchLinks(lab, [4, 9], new LinkPatch([br0, tap], [], [new BridgeDetails("br0", 4, "8000.aabbcc000004", false)], []), DateTimeOffset.UnixEpoch);

        Assert.Equal(9000, after.FindLink("br0")!.Mtu);
        Assert.Equal(persisted, after.FindLink("br0")!.Persistence);
        Assert.Equal(LinkKind.OvsInternal, after.FindLink("br-tun")!.Kind);
        // br0's ports were not re-read: they stay.
        Assert.Equal(3, after.Bridges.Single(b => b.Name == "br0").Ports.Length);
    }

    [Fact]
    public void A_link_new_to_an_annotated_snapshot_gets_its_persistence_worked_out_not_left_blank()
    {
        var lab = LabSnapshots.Lab();
        lab = lab with { Links = [.. lab.Links.Select(l => l with { Persistence = NetTui.Core.Model.Persistence.RuntimeOnly })] };
        var veth = new Link(30, "vnew0", LinkKind.Veth, "DOWN", false, 1500, null, null, null, null,
            [new LinkAddress(AddressFamily.Inet, "10.9.9.1", 24, "global")]);
        var tap = new Link(31, "br-tun", LinkKind.Tap, "UNKNOWN", true, 1500, null, null, null, null, []);
        var after = SnapshotMerge.PatchLinks(lab, [30, 31], new LinkPatch([veth, tap], [], [], []), DateTimeOffset.UnixEpoch);

        Assert.Equal(PersistenceKind.RuntimeOnly, after.FindLink("vnew0")!.Persistence?.Where);
        Assert.Equal(PersistenceKind.RuntimeOnly, after.FindLink("vnew0")!.Addresses.Single().Persistence?.Where);
        Assert.Equal(PersistenceKind.Ovsdb, after.FindLink("br-tun")!.Persistence?.Where);
    }

    [Fact]
    public void Before_any_full_read_a_new_link_stays_unannotated()
    {
        var lab = LabSnapshots.Lab();
        lab = lab with { Links = [.. lab.Links.Select(l => l with { Persistence = null })] };
        var veth = new Link(30, "vnew0", LinkKind.Veth, "DOWN", false, 1500, null, null, null, null, []);
        var after = SnapshotMerge.PatchLinks(lab, [30], new LinkPatch([veth], [], [], []), DateTimeOffset.UnixEpoch);
        Assert.Null(after.FindLink("vnew0")!.Persistence);
    }
}
