using NetTui.Core.Doctor;
using NetTui.Core.Doctor.Checks;
using NetTui.Core.Doctor.Facts;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Host.Doctor;
using NetTui.UnitTests.Operations;
using static NetTui.UnitTests.Doctor.ContainerChecksFixtures;

namespace NetTui.UnitTests.Doctor;

/// <summary>The container checks that need no firewall: MTU over the tunnel, the peer's route, overlaps, DNS, NetworkManager.</summary>
public sealed class ContainerChecksTests
{
    [Fact]
    public void Docker_mtu_1500_over_the_gre_path_is_found_with_one_change_as_the_fix()
    {
        var f = Assert.Single(ContainerMtuCheck.Run(Facts(SeedA())));
        Assert.Equal("container-mtu-over-tunnel:br0", f.Id);
        Assert.Contains(f.Evidence, e => e.Contains("tunnel gre0", StringComparison.Ordinal) && e.Contains("1462", StringComparison.Ordinal));
        Assert.Contains(f.Evidence, e => e == "container c1: MTU 1500 (host-side veth vethc1)");
        Assert.True(f.Fix!.IsChange);
        Assert.Empty(f.Fix.Steps);
        Assert.Equal<Operation>([new SetContainerMtu("c1", "1462"), new SetDockerMtu("1462", "/x/daemon.json")], [.. f.Fix.Operations]);
    }

    [Fact]
    public void The_bridge_is_lowered_too_and_daemon_json_is_left_alone_when_docker_uses_another_bridge()
    {
        var f = Assert.Single(ContainerMtuCheck.Run(Facts(SeedA(bridgeMtu: 1500), dockerBridge: null)));
        Assert.Equal<Operation>([new SetContainerMtu("c1", "1462"), new SetMtu("br0", "1462")], [.. f.Fix!.Operations]);
        Assert.Contains("com.docker.network.driver.mtu=1462", f.Fix.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void The_underlay_bounds_the_path_when_it_is_smaller_than_obr0()
    {
        var s = SeedA(containerMtu: 1462).Update("eth0", l => l with { Mtu = 1400 });
        var f = Assert.Single(ContainerMtuCheck.Run(Facts(s)));
        Assert.Contains(f.Evidence, e => e.Contains("1362", StringComparison.Ordinal) && e.Contains("underlay eth0 has MTU 1400", StringComparison.Ordinal));
        Assert.Empty(ContainerMtuCheck.Run(Facts(SeedA(containerMtu: 1462))));
    }

    [Fact]
    public void A_missing_peer_route_is_added_back_and_nothing_is_said_without_a_plan()
    {
        var f = Assert.Single(PeerRouteCheck.Run(Facts(SeedA(peerRoute: false))));
        Assert.Equal("peer-route-missing:192.168.2.0/24", f.Id);
        Assert.Equal(["route", "add", "192.168.2.0/24", "dev", "br0"], f.Fix!.Steps[0].Do.Arguments);
        Assert.Equal(["route", "del", "192.168.2.0/24", "dev", "br0"], f.Fix.Steps[0].Undo!.Arguments);
        Assert.Empty(PeerRouteCheck.Run(Facts(SeedA(peerRoute: false), peer: false)));
        Assert.Empty(PeerRouteCheck.Run(Facts(SeedA())));
    }

    [Fact]
    public void A_more_specific_vpn_route_over_the_peer_subnet_is_deleted_by_the_fix_and_put_back_by_undo()
    {
        var s = SeedA(extraRoutes: [R("192.168.2.0/25", "tun0", "static")]).WithLink("tun0", LinkKind.Tun);
        var f = Assert.Single(DockerSubnetOverlapCheck.Run(Facts(s)));
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal(["route", "del", "192.168.2.0/25", "dev", "tun0"], f.Fix!.Steps[0].Do.Arguments);
        Assert.Equal(["route", "add", "192.168.2.0/25", "dev", "tun0"], f.Fix.Steps[0].Undo!.Arguments);
    }

    [Fact]
    public void Overlaps_the_fix_must_not_touch_are_refused_by_name()
    {
        // A connected route belongs to an address; a wider VPN route is a warning without a fix.
        var connected = Assert.Single(DockerSubnetOverlapCheck.Run(Facts(SeedA(extraRoutes: [R("192.168.1.0/25", "wg0")]))));
        Assert.Null(connected.Fix);
        Assert.Contains(connected.Evidence, e => e.Contains("connected route", StringComparison.Ordinal));
        var wide = Assert.Single(DockerSubnetOverlapCheck.Run(Facts(SeedA(extraRoutes: [R("192.168.0.0/16", "wg0", "static")]), peer: false)));
        Assert.Equal(Severity.Warning, wide.Severity);
        Assert.Null(wide.Fix);
        // The route that carries the tunnel's underlay is never deleted.
        var underlay = DockerSubnetOverlapCheck.Run(Facts(SeedA(extraRoutes: [R("10.10.0.0/25", "eth1", "static")]).Update("br0", l => l with { Addresses = [new LinkAddress(AddressFamily.Inet, "10.10.0.129", 24, "global")] }), peer: false));
        Assert.Contains(underlay, f => f.Fix is null && f.Evidence.Any(e => e.Contains("carries the tunnel to 10.10.0.2", StringComparison.Ordinal)));
    }

    [Fact]
    public void Resolv_conf_with_only_the_stub_resolver_is_found_where_docker_runs()
    {
        var stub = ContainerFactGatherer.ParseNameservers(Fixtures.Read("resolv/systemd-resolved-stub.conf"));
        Assert.Equal(["127.0.0.53"], stub);
        var f = Assert.Single(ResolvConfCheck.Run(Facts(SeedA()) with { ResolvConf = new ResolvConfFacts("/etc/resolv.conf", stub) }));
        Assert.Equal("docker-dns-loopback-only", f.Id);
        Assert.Null(f.Fix);
        var plain = ContainerFactGatherer.ParseNameservers(Fixtures.Read("resolv/plain.conf"));
        Assert.Empty(ResolvConfCheck.Run(Facts(SeedA()) with { ResolvConf = new ResolvConfFacts("/etc/resolv.conf", plain) }));
        Assert.Empty(ResolvConfCheck.Run(Facts(SeedA() with { Containers = [] }) with { ResolvConf = new ResolvConfFacts("/etc/resolv.conf", stub) }));
    }

    [Fact]
    public void Container_veths_networkmanager_manages_are_set_unmanaged_and_undo_gives_them_back()
    {
        var facts = Facts(SeedA()) with { NmDevices = [new NmDeviceFact("vethc1", 100), new NmDeviceFact("eth0", 100)] };
        var f = Assert.Single(NetworkManagerVethCheck.Run(facts));
        var step = Assert.Single(f.Fix!.Steps);
        Assert.Equal(["device", "set", "vethc1", "managed", "no"], step.Do.Arguments);
        Assert.Equal(["device", "set", "vethc1", "managed", "yes"], step.Undo!.Arguments);
        Assert.Empty(NetworkManagerVethCheck.Run(facts with { NmDevices = [new NmDeviceFact("vethc1", NmDeviceFact.Unmanaged)] }));
    }

    [Fact]
    public void A_healthy_seed_host_has_no_problem()
    {
        var healthy = Facts(SeedA(containerMtu: 1462), ContainerChecksFixtures.Rules(), dockerMtu: 1462);
        Assert.DoesNotContain(DoctorChecks.Run(healthy with { Firewall = null }), f => f.IsProblem);
    }
}
