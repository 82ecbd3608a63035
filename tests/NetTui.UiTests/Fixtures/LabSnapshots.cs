using System.Collections.Immutable;
using NetTui.Core.Model;

namespace NetTui.UiTests.Fixtures;

/// <summary>
/// Snapshots shaped like the lab host: br0 with veth ports (one to a container, one to a
/// namespace, one local pair), docker0 with a container, an OVS netdev bridge with a GRE
/// tunnel (remote_ip 10.10.0.2 key 42) and a broken port, routes in main and table 100
/// (v4 and v6), and NetworkManager down.
/// </summary>
internal static class LabSnapshots
{
    public const string NmDownReason = "NetworkManager is not running (not on the system bus)";
    public const string Gre1Error = "could not open network device gre1 (No such device)";

    private static LinkAddress V4(string cidr, string scope = "global") => Addr(AddressFamily.Inet, cidr, scope);
    private static LinkAddress V6(string cidr, string scope = "global") => Addr(AddressFamily.Inet6, cidr, scope);
    private static LinkAddress Addr(AddressFamily f, string cidr, string scope)
    {
        var parts = cidr.Split('/');
        return new LinkAddress(f, parts[0], int.Parse(parts[1]), scope);
    }

    public static ImmutableArray<Link> Links() =>
    [
        new(1, "lo", LinkKind.Loopback, "UNKNOWN", true, 65536, "00:00:00:00:00:00", null, null, null, [V4("127.0.0.1/8", "host"), V6("::1/128", "host")]),
        new(2, "eth0", LinkKind.Ethernet, "UP", true, 1500, "52:54:00:12:34:56", null, null, null, [V4("10.0.2.15/24"), V6("fe80::5054:ff:fe12:3456/64", "link")]),
        new(3, "docker0", LinkKind.Bridge, "UP", true, 1500, "02:42:ac:11:00:01", null, null, null, [V4("172.17.0.1/16")]),
        new(4, "br0", LinkKind.Bridge, "UP", true, 1500, "aa:bb:cc:00:00:04", null, null, null, [V4("192.168.50.1/24"), V6("fd00:50::1/64")]),
        new(5, "veth1a", LinkKind.Veth, "UP", true, 1500, "aa:bb:cc:00:00:05", "br0", 4, new VethPeer(2, 0, null), []),
        new(6, "veth2a", LinkKind.Veth, "UP", true, 1500, "aa:bb:cc:00:00:06", "br0", 4, new VethPeer(2, 1, "ntl-red"), []),
        new(7, "vethd1", LinkKind.Veth, "UP", true, 1500, "aa:bb:cc:00:00:07", "docker0", 3, new VethPeer(2, 2, null), []),
        new(8, "ovs-system", LinkKind.OvsSystem, "DOWN", false, 1500, "aa:bb:cc:00:00:08", null, null, null, []),
        new(9, "br-tun", LinkKind.OvsInternal, "UNKNOWN", true, 1500, "aa:bb:cc:00:00:09", null, null, null, [V4("10.20.0.1/24")]),
        new(10, "vethA", LinkKind.Veth, "UP", true, 1500, "aa:bb:cc:00:00:0a", "br0", 4, new VethPeer(11, null, null), []),
        new(11, "vethB", LinkKind.Veth, "UP", true, 1500, "aa:bb:cc:00:00:0b", null, null, new VethPeer(10, null, null), [V4("192.168.50.7/24")]),
    ];

    public static ImmutableArray<LinuxBridge> Bridges() =>
    [
        new("br0", 4, "8000.aabbcc000004", false,
        [
            new("veth1a", 5, "forwarding", 2, 32),
            new("veth2a", 6, "forwarding", 2, 32),
            new("vethA", 10, "forwarding", 2, 32),
        ]),
        new("docker0", 3, "8000.0242ac110001", false, [new("vethd1", 7, "forwarding", 2, 32)]),
    ];

    public static OvsState Ovs()
    {
        static OvsInterface Iface(string name, string type, string? error, int? ofport, params (string K, string V)[] options) =>
            new(name, $"uuid-{name}", type, options.ToImmutableSortedDictionary(o => o.K, o => o.V), error, ofport,
                error is null ? "up" : "down", error is null ? "up" : "down",
                ImmutableSortedDictionary<string, long>.Empty.Add("rx_packets", 12).Add("tx_packets", 34));
        return new OvsState("3.1.0",
        [
            new("br-tun", "uuid-br-tun", "netdev",
            [
                new("br-tun", "uuid-p-br-tun", null, [Iface("br-tun", "internal", null, 65534)]),
                new("gre0", "uuid-p-gre0", null, [Iface("gre0", "gre", null, 1, ("key", "42"), ("remote_ip", "10.10.0.2"))]),
                new("gre1", "uuid-p-gre1", null, [Iface("gre1", "gre", Gre1Error, -1, ("remote_ip", "10.10.0.3"))]),
            ]),
        ]);
    }

    public static ImmutableArray<Route> Routes() =>
    [
        new(AddressFamily.Inet, "default", "10.0.2.2", "eth0", "dhcp", "global", 100, "main", "unicast"),
        new(AddressFamily.Inet, "10.0.2.0/24", null, "eth0", "kernel", "link", 100, "main", "unicast", "10.0.2.15"),
        new(AddressFamily.Inet, "172.17.0.0/16", null, "docker0", "kernel", "link", null, "main", "unicast", "172.17.0.1"),
        new(AddressFamily.Inet, "192.168.50.0/24", null, "br0", "kernel", "link", null, "main", "unicast", "192.168.50.1"),
        new(AddressFamily.Inet, "default", "192.168.50.254", "br0", "static", "global", null, "100", "unicast"),
        new(AddressFamily.Inet, "10.99.0.0/16", "192.168.50.2", "br0", "static", "global", 20, "100", "unicast"),
        new(AddressFamily.Inet6, "fd00:50::/64", null, "br0", "kernel", "global", 256, "main", "unicast"),
        new(AddressFamily.Inet6, "default", "fe80::1", "eth0", "ra", "global", 1024, "main", "unicast"),
        new(AddressFamily.Inet6, "2001:db8:100::/48", "fd00:50::2", "br0", "static", "global", 1024, "100", "unicast"),
    ];

    public static ImmutableArray<Container> Containers() =>
    [
        new("3f4e5d6c7b8a9f0e1d2c", "web", "running", "nginx:1.25", 4242,
            [new("labnet", "192.168.50.10", 24, "192.168.50.1", "02:42:c0:a8:32:0a", null)],
            [new("db", "database")], "veth1a", 5, "br0"),
        new("9a8b7c6d5e4f3a2b1c0d", "db", "running", "postgres:16", 4343,
            [new("bridge", "172.17.0.2", 16, "172.17.0.1", "02:42:ac:11:00:02", null)],
            [], "vethd1", 7, "docker0"),
    ];

    public static ImmutableArray<SourceStatus> Sources(bool nmDown = true) =>
    [
        SourceStatus.Ok(SourceKind.IpRoute2, TimeSpan.FromMilliseconds(12)),
        SourceStatus.Ok(SourceKind.Ovs, TimeSpan.FromMilliseconds(30)),
        SourceStatus.Ok(SourceKind.Docker, TimeSpan.FromMilliseconds(40)),
        nmDown
            ? SourceStatus.Down(SourceKind.NetworkManager, NmDownReason, TimeSpan.FromMilliseconds(3))
            : SourceStatus.Ok(SourceKind.NetworkManager, TimeSpan.FromMilliseconds(3)),
    ];

    public static HostSnapshot Lab() => new(
        "lab-host", "ntl-demo", new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero),
        Links(), Bridges(), Routes(), Ovs(), Containers(), Sources());

    /// <summary>The lab with one more link (as if `ip link add` ran outside NetTui) and eth0 renumbered first.</summary>
    public static HostSnapshot LabWithNewLink(string name = "dummy9") => Lab() with
    {
        Links = [new(12, name, LinkKind.Dummy, "DOWN", false, 1500, "aa:bb:cc:00:00:0c", null, null, null, []), .. Links()],
        TakenAt = new DateTimeOffset(2026, 11, 28, 8, 0, 5, TimeSpan.Zero),
    };

    /// <summary>
    /// The seed's shape: Linux bridge br0 reaches OVS through an internal port (ovsp0 on
    /// br-tun), and br-tun's GRE tunnel leads to the remote host.
    /// </summary>
    public static HostSnapshot LabWithOvsUplink()
    {
        var lab = Lab();
        var ovs = lab.Ovs!;
        var brTun = ovs.Bridges[0];
        var uplink = new OvsPort("ovsp0", "uuid-p-ovsp0", null,
            [new OvsInterface("ovsp0", "uuid-ovsp0", "internal", ImmutableSortedDictionary<string, string>.Empty, null, 2, "up", "up", ImmutableSortedDictionary<string, long>.Empty)]);
        return lab with
        {
            Links = [.. lab.Links, new(12, "ovsp0", LinkKind.OvsInternal, "UNKNOWN", true, 1500, "aa:bb:cc:00:00:0c", "br0", 4, null, [])],
            Bridges = [lab.Bridges[0] with { Ports = [.. lab.Bridges[0].Ports, new("ovsp0", 12, "forwarding", 2, 32)] }, lab.Bridges[1]],
            Ovs = ovs with { Bridges = [brTun with { Ports = [.. brTun.Ports, uplink] }] },
        };
    }

    /// <summary>A host at the benchmark's scale: many links and a huge routing table.</summary>
    public static HostSnapshot Big(int links, int routes)
    {
        var l = ImmutableArray.CreateBuilder<Link>(links);
        for (int i = 0; i < links; i++)
            l.Add(new Link(i + 1, $"dummy{i}", LinkKind.Dummy, "UNKNOWN", true, 1500, null, null, null, null, []));
        var r = ImmutableArray.CreateBuilder<Route>(routes);
        for (int i = 0; i < routes; i++)
            r.Add(new Route(AddressFamily.Inet, $"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}/32", "192.168.0.1",
                $"dummy{i % Math.Max(links, 1)}", "static", "global", i % 1000, (i % 2 == 0) ? "main" : "100", "unicast"));
        return new HostSnapshot("big-host", null, new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero), l.MoveToImmutable(), [], r.MoveToImmutable(), null, [], Sources(nmDown: false));
    }
}
