using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Host.Inventory;

namespace NetTui.UnitTests.Cli;

/// <summary>A small hand-made snapshot whose rendering can be asserted line by line.</summary>
internal static class SampleSnapshot
{
    public static HostSnapshot Create() => new(
        HostName: "lab",
        Namespace: "ns1",
        TakenAt: DateTimeOffset.UnixEpoch,
        Links:
        [
            new Link(2, "br0", LinkKind.Bridge, "UP", true, 1500, "aa:aa:aa:aa:aa:01", null, null, null,
                [new LinkAddress(AddressFamily.Inet, "192.168.100.1", 24, "global")]),
            new Link(4, "vp1", LinkKind.Veth, "UP", true, 1500, "aa:aa:aa:aa:aa:02", "br0", 2, new VethPeer(3, 0, "ns1-c"), []),
            new Link(5, "vc2", LinkKind.Veth, "DOWN", false, 1500, null, null, null, new VethPeer(6, null, null), []),
            new Link(6, "vp2", LinkKind.Veth, "UP", true, 1500, null, "br0", 2, new VethPeer(5, null, null), []),
            new Link(9, "weave", LinkKind.Bridge, "DOWN", true, 1376, null, null, null, null, [], "weave"),
            new Link(17, "obr0", LinkKind.OvsInternal, "UNKNOWN", true, 1500, null, "br0", 2, null, []),
        ],
        Bridges:
        [
            new LinuxBridge("br0", 2, "8000.066d597ceb8d", true,
                [new BridgePort("obr0", 17, "forwarding", 2, 32), new BridgePort("vp1", 4, "forwarding", 2, 32)]),
            new LinuxBridge("weave", 9, "8000.7e6ffbf97eae", false, []),
        ],
        Routes:
        [
            new Route(AddressFamily.Inet6, "fd00:200::/64", "fd00:100::fe", "br0", "boot", "global", 300, "main", "unicast"),
            new Route(AddressFamily.Inet, "default", "10.9.0.254", "vp3", "boot", "global", 10, "100", "unicast"),
            new Route(AddressFamily.Inet, "10.20.0.0/16", "192.168.100.254", "br0", "boot", "global", 50, "main", "unicast"),
        ],
        Ovs: new OvsState(null,
        [
            new OvsBridge("br-int", "u1", "netdev",
            [
                new OvsPort("gre0", "u2", null, [new OvsInterface("gre0", "u3", "gre",
                    ImmutableSortedDictionary.CreateRange(new Dictionary<string, string> { ["remote_ip"] = "10.10.0.2", ["key"] = "7" }),
                    null, 1, "up", "up", ImmutableSortedDictionary<string, long>.Empty)]),
                new OvsPort("gre1", "u4", 10, [new OvsInterface("gre1", "u5", "", ImmutableSortedDictionary<string, string>.Empty,
                    "could not open network device gre1 (No such device)", -1, null, null, ImmutableSortedDictionary<string, long>.Empty)]),
            ]),
        ]),
        Containers:
        [
            new Container("id1", "cct1", "running", "local/busybox", 100,
                [new ContainerNetwork("bridge", "192.168.100.2", 24, "192.168.100.1", "02:42:c0:a8:64:02", null)], [], "veth1", 20, "br0"),
            new Container("id2", "cct2", "running", "local/busybox", 101,
                [new ContainerNetwork("bridge", "192.168.100.3", 24, "192.168.100.1", "02:42:c0:a8:64:03", null)],
                [new ContainerLinkAlias("cct1", "webtest")], "veth2", 22, "br0"),
        ],
        Sources:
        [
            SourceStatus.Ok(SourceKind.IpRoute2, TimeSpan.FromMilliseconds(12)),
            SourceStatus.Down(SourceKind.Ovs, "ovs-vsctl: unix:/x/db.sock: database connection failed (No such file or directory)", TimeSpan.FromMilliseconds(3)),
        ]);
}

/// <summary>An inventory that returns a fixed snapshot and remembers the parts asked for.</summary>
internal sealed class FixedInventory(HostSnapshot snapshot) : IHostInventory
{
    public InventoryParts? Asked { get; private set; }

    public Task<HostSnapshot> ReadAsync(InventoryParts parts = InventoryParts.All, CancellationToken ct = default)
    {
        Asked = parts;
        return Task.FromResult(snapshot);
    }
}
