using System.Collections.Immutable;
using NetTui.Core.Doctor.Facts;
using NetTui.Core.Firewall;
using NetTui.Core.Model;

namespace NetTui.UnitTests.Doctor;

/// <summary>
/// Host A of the seed after the OVS GRE wizard: br0 192.168.1.1/24 (MTU 1462) with obr0 in
/// it, gre0 to 10.10.0.2 over eth0 (MTU 1500), a container c1 on br0 with Docker's MTU 1500,
/// the route to the peer's 192.168.2.0/24 dev br0, and daemon.json putting Docker on br0.
/// </summary>
internal static class ContainerChecksFixtures
{
    public static Link L(string name, LinkKind kind, int mtu, string? master = null, params string[] cidrs) =>
        new(100 + name.Length + name[^1], name, kind, "UP", true, mtu, null, master, master is null ? null : 1, null,
            [.. cidrs.Select(c => new LinkAddress(AddressFamily.Inet, c.Split('/')[0], int.Parse(c.Split('/')[1]), "global"))]);

    public static Route R(string dest, string dev, string proto = "kernel", string? via = null) =>
        new(AddressFamily.Inet, dest, via, dev, proto, via is null ? "link" : "global", null, "main", "unicast");

    public static Container C(string name, string veth, string bridge, int pid = 4242) =>
        new("id-" + name, "/" + name, "running", "busybox", pid, [new ContainerNetwork("bridge", "192.168.1.2", 24, "192.168.1.1", null, null)], [], veth, 77, bridge);

    public static HostSnapshot SeedA(int containerMtu = 1500, int bridgeMtu = 1462, IEnumerable<Route>? extraRoutes = null, bool peerRoute = true)
    {
        var ovs = new OvsState("3.1.0", [new OvsBridge("obr0", "u", "system", [
            new OvsPort("obr0", "p0", null, [DoctorFixtures.Iface("obr0", "internal", null)]),
            new OvsPort("gre0", "p1", null, [DoctorFixtures.Iface("gre0", "gre", null, ("remote_ip", "10.10.0.2"))])])]);
        ImmutableArray<Route> routes = [R("10.10.0.0/24", "eth0"), R("192.168.1.0/24", "br0"), .. peerRoute ? [R("192.168.2.0/24", "br0", "boot")] : Array.Empty<Route>(), .. extraRoutes ?? []];
        return DoctorFixtures.Snapshot(ovs, links:
            [
                L("eth0", LinkKind.Ethernet, 1500, null, "10.10.0.1/24"),
                L("br0", LinkKind.Bridge, bridgeMtu, null, "192.168.1.1/24"),
                L("obr0", LinkKind.OvsInternal, 1462, "br0"),
                L("vethc1", LinkKind.Veth, containerMtu, "br0"),
            ], routes: routes) with { Containers = [C("c1", "vethc1", "br0")] };
    }

    public static readonly PeerSubnetFact Peer = new("192.168.2.0/24", "br0", "plan /x/a.plan.json");

    public static DoctorFacts Facts(HostSnapshot s, FirewallFacts? fw = null, string? dockerBridge = "br0", int? dockerMtu = null, bool peer = true) =>
        DoctorFixtures.Facts(s, docker: new DockerConfigFacts("/x/daemon.json", true, dockerBridge, Mtu: dockerMtu)) with
        {
            Firewall = fw,
            PeerSubnets = peer ? [Peer] : [],
        };

    /// <summary>Firewall facts from the captured iptables-save of dockerd in a lab namespace, with the captured sysctls.</summary>
    public static FirewallFacts Rules(string save = "docker-nft.iptables-save", string sysctl = "docker.sysctl.txt", params FirewallRuleset[] more) =>
        new([IptablesSaveParser.Parse(Fixtures.Read("firewall/" + save), FirewallBackend.IptablesNft), .. more],
            SysctlParser.Parse(Fixtures.Read("firewall/" + sysctl)), []);
}
