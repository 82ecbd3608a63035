using System.Collections.Concurrent;
using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Host.Inventory;
using NetTui.Host.Monitoring;
using NetTui.Lab;
using NetTui.Live;

namespace NetTui.LabTests;

/// <summary>
/// Issue 9's live update against the real kernel: links added from outside NetTui reach the
/// scheduler's snapshot through `ip monitor` and a read of those links alone (no read of
/// all links), and what was patched in equals what a read of all links says.
/// </summary>
public sealed class LiveSingleLinkTests
{
    /// <summary>The real inventory, recording the whole reads (parts) it was asked for.</summary>
    private sealed class Recording(IHostInventory inner) : IHostInventory
    {
        public readonly ConcurrentQueue<InventoryParts> WholeReads = new();
        public int SingleReads;

        public Task<HostSnapshot> ReadAsync(InventoryParts parts = InventoryParts.All, CancellationToken ct = default)
        {
            WholeReads.Enqueue(parts);
            return inner.ReadAsync(parts, ct);
        }

        public Task<LinkPatch?> ReadLinksAsync(IReadOnlyCollection<string> names, IReadOnlyDictionary<string, int> knownIndices, CancellationToken ct = default)
        {
            Interlocked.Increment(ref SingleReads);
            return inner.ReadLinksAsync(names, knownIndices, ct);
        }
    }

    private static string Shape(Link l) =>
        $"{l.Index} {l.Name} {l.Kind} {l.OperState} {l.AdminUp} {l.Mtu} {l.Mac} {l.Master}/{l.MasterIndex} " +
        $"{l.Peer} {l.Label} [{string.Join(",", l.Addresses.Select(a => a.Cidr))}]";

    private static string Shape(LinuxBridge b) =>
        $"{b.Name} {b.Index} {b.BridgeId} {b.StpEnabled} [{string.Join(",", b.Ports)}]";

    [Fact]
    public async Task Links_added_from_outside_are_patched_in_through_single_link_reads()
    {
        await using var host = await LabHost.CreateAsync();
        await host.CheckedAsync("ip", "link", "add", "br0", "type", "bridge");
        await host.CheckedAsync("ip", "link", "add", "a0", "type", "veth", "peer", "name", "a1");
        var target = new NetworkTarget(host.Name);
        var inventory = new Recording(HostInventory.For(target, new InventoryOptions(null, "unix:///nonexistent/ntl/docker.sock", "unix:path=/nonexistent/bus")));
        var ct = TestContext.Current.CancellationToken;
        var initial = await inventory.ReadAsync(InventoryParts.Links | InventoryParts.Bridges, ct);
        inventory.WholeReads.Clear();

        var scheduler = new RefreshScheduler(inventory, initial, a => a(), _ => { });
        using var stop = new CancellationTokenSource();
        await using (new LiveUpdates(scheduler, new StreamingRunner(target), stop))
        {
            await Task.Delay(TimeSpan.FromSeconds(2), ct); // let `ip monitor` start
            await host.CheckedAsync("ip", "link", "add", "x", "type", "veth", "peer", "name", "y");
            await host.CheckedAsync("ip", "link", "set", "x", "master", "br0");
            await host.CheckedAsync("ip", "addr", "add", "10.9.9.1/24", "dev", "y");
            await host.CheckedAsync("ip", "link", "del", "a0");

            await LabWait.UntilAsync("the new links patched in", () =>
            {
                var s = scheduler.Current;
                return Task.FromResult(s.FindLink("x")?.Master == "br0" && s.FindLink("y")?.Addresses.Length == 1 && s.FindLink("a0") is null
                    && s.Bridges.Single(b => b.Name == "br0").Ports.Any(p => p.Name == "x"));
            }, TimeSpan.FromSeconds(60));
            await scheduler.Idle;
        }

        Assert.DoesNotContain(inventory.WholeReads, p => p.HasFlag(InventoryParts.Links));
        Assert.True(scheduler.SingleLinkReads > 0);

        var patched = scheduler.Current;
        var whole = await inventory.ReadAsync(InventoryParts.Links | InventoryParts.Bridges, ct);
        Assert.Equal(whole.Links.Select(Shape), patched.Links.Select(Shape));
        Assert.Equal(whole.Bridges.Select(Shape), patched.Bridges.Select(Shape));
    }
}
