using NetTui.Core.Doctor;
using NetTui.Core.Doctor.Checks;
using NetTui.Core.Doctor.Facts;
using NetTui.Core.Model;
using static NetTui.UnitTests.Doctor.DoctorFixtures;

namespace NetTui.UnitTests.Doctor;

/// <summary>The checks beyond OVS: bridges, subnets, routes, Docker's bridge, NetworkManager, boot.</summary>
public class HostChecksTests
{
    [Fact]
    public void A_healthy_host_has_no_findings() =>
        Assert.Empty(DoctorChecks.Run(Facts(Snapshot(), Ovs(), docker: new DockerConfigFacts("/x/daemon.json", true, "br0"))));

    [Fact]
    public void A_down_bridge_is_brought_up_and_undo_takes_it_down()
    {
        var s = Snapshot(links: [Bridge("br0", up: false, "192.168.1.1/24")]);
        var f = Assert.Single(BridgeCheck.Run(Facts(s)));
        Assert.Equal("bridge-down:br0", f.Id);
        Assert.Equal(["link", "set", "dev", "br0", "up"], f.Fix!.Steps[0].Do.Arguments);
        Assert.Equal(["link", "set", "dev", "br0", "down"], f.Fix.Steps[0].Undo!.Arguments);
    }

    [Fact]
    public void A_bridge_without_ports_is_a_warning_but_docker0_is_not()
    {
        var s = Snapshot(links: [Bridge("br1"), Bridge("docker0")],
            bridges: [new LinuxBridge("br1", 1, "x", false, []), new LinuxBridge("docker0", 2, "y", false, [])]);
        var f = Assert.Single(BridgeCheck.Run(Facts(s)));
        Assert.Equal("bridge-no-ports:br1", f.Id);
    }

    [Fact]
    public void Overlapping_bridge_subnets_are_found_and_disjoint_ones_are_not()
    {
        var s = Snapshot(links: [Bridge("br0", true, "192.168.1.1/24"), Bridge("br1", true, "192.168.1.129/25"), Bridge("br2", true, "192.168.2.1/24")]);
        var f = Assert.Single(SubnetOverlapCheck.Run(Facts(s)));
        Assert.Equal("bridge-subnets-overlap:br0+br1", f.Id);
    }

    [Fact]
    public void A_route_via_an_off_link_gateway_is_found()
    {
        var routes = new[]
        {
            new Route(AddressFamily.Inet, "192.168.2.0/24", "192.168.42.131", "br0", "boot", "global", null, "main", "unicast"),
            new Route(AddressFamily.Inet, "10.5.0.0/16", "192.168.1.254", "br0", "boot", "global", null, "main", "unicast"),
        };
        var f = Assert.Single(RouteGatewayCheck.Run(Facts(Snapshot(routes: routes))));
        Assert.Equal("route-gateway-unreachable:192.168.2.0/24", f.Id);
        Assert.Contains(f.Evidence, e => e.Contains("192.168.1.1/24"));
    }

    [Fact]
    public void An_onlink_route_and_a_route_via_an_inet6_gateway_are_not_unreachable()
    {
        var onlink = new Route(AddressFamily.Inet, "10.2.0.0/16", "10.99.0.1", "br0", "boot", "global", null, "main", "unicast")
        {
            Details = new RouteDetails { OnLink = true },
        };
        var viaInet6 = new Route(AddressFamily.Inet, "10.4.0.0/16", "fe80::2", "br0", "boot", "global", null, "main", "unicast");
        Assert.Empty(RouteGatewayCheck.Run(Facts(Snapshot(routes: [onlink, viaInet6]))));
        // A down device still is one.
        var down = Snapshot(links: [Bridge("br0", up: false, "192.168.1.1/24")], routes: [onlink]);
        Assert.Contains(RouteGatewayCheck.Run(Facts(down)), f => f.Evidence.Contains("br0 is down"));
    }

    [Fact]
    public void A_route_through_a_down_device_is_unreachable()
    {
        var s = Snapshot(links: [Bridge("br0", up: false, "192.168.1.1/24")],
            routes: [new Route(AddressFamily.Inet, "10.5.0.0/16", "192.168.1.254", "br0", "boot", "global", null, "main", "unicast")]);
        Assert.Contains(RouteGatewayCheck.Run(Facts(s)), f => f.Evidence.Contains("br0 is down"));
    }

    [Fact]
    public void Dockers_configured_bridge_missing_is_created()
    {
        var f = Assert.Single(DockerBridgeCheck.Run(Facts(docker: new DockerConfigFacts("/tmp/d.json", true, "br9"))));
        Assert.Equal("docker-bridge-missing:br9", f.Id);
        Assert.Equal(["link", "add", "name", "br9", "type", "bridge"], f.Fix!.Steps[0].Do.Arguments);
        Assert.Equal(["link", "del", "dev", "br9"], f.Fix.Steps[0].Undo!.Arguments);
    }

    [Fact]
    public void Dockers_bridge_without_an_address_asks_for_one()
    {
        var s = Snapshot(links: [Bridge("br0")]);
        var f = Assert.Single(DockerBridgeCheck.Run(Facts(s, docker: new DockerConfigFacts("/tmp/d.json", true, "br0"))));
        Assert.Equal("docker-bridge-no-address:br0", f.Id);
        var bound = f.Fix!.Bind(new Dictionary<string, string> { ["address"] = "192.168.1.1/24" });
        Assert.Equal(["addr", "add", "192.168.1.1/24", "dev", "br0"], bound.Steps[0].Do.Arguments);
        Assert.Throws<ArgumentException>(() => f.Fix.Bind(new Dictionary<string, string> { ["address"] = "192.168.1.1" }));
    }

    [Fact]
    public void No_daemon_json_or_no_bridge_key_gives_nothing_and_bad_json_is_named()
    {
        Assert.Empty(DockerBridgeCheck.Run(Facts(docker: new DockerConfigFacts("/tmp/d.json", false, null))));
        Assert.Empty(DockerBridgeCheck.Run(Facts(docker: new DockerConfigFacts("/tmp/d.json", true, null))));
        Assert.Equal(FindingIds.DockerConfigUnreadable, Assert.Single(DockerBridgeCheck.Run(Facts(docker: new DockerConfigFacts("/tmp/d.json", true, null, "bad")))).Id);
    }

    [Fact]
    public void NetworkManager_down_is_a_note_that_keeps_the_host_healthy()
    {
        var findings = DoctorChecks.Run(Facts(Snapshot(nmUp: false)));
        var f = Assert.Single(findings);
        Assert.Equal(FindingIds.NetworkManagerNotRunning, f.Id);
        Assert.Equal(Severity.Info, f.Severity);
        Assert.True(DoctorChecks.IsHealthy(findings));
    }

    [Fact]
    public void An_ovs_start_in_rc_local_or_a_script_it_sources_is_a_warning()
    {
        BootScript[] boot =
        [
            new("/etc/rc.d/rc.local", "#!/bin/sh\nsource /root/autorun.sh\n"),
            new("/root/autorun.sh", "#!/bin/bash\novsdb-server --remote=punix:/usr/local/var/run/openvswitch/db.sock --pidfile --detach\n", "/etc/rc.d/rc.local"),
        ];
        var f = Assert.Single(BootCheck.Run(Facts(boot: boot)));
        Assert.Equal(FindingIds.OvsBootRcLocal, f.Id);
        Assert.Contains(f.Evidence, e => e.Contains("/root/autorun.sh") && e.Contains("rc.local"));
        Assert.Null(f.Fix); // systemd unknown: nothing to enable

        var withUnit = BootCheck.Run(Facts(ovs: Ovs(), systemd: SystemdWith(UnitState.Disabled), boot: boot)).Single();
        Assert.Equal(["enable", "--now", "openvswitch-switch.service"], withUnit.Fix!.Steps[0].Do.Arguments);
    }

    [Fact]
    public void Commented_out_ovs_lines_do_not_count() =>
        Assert.Empty(BootCheck.Run(Facts(boot: [new BootScript("/etc/rc.local", "# ovsdb-server --detach\nexit 0\n")])));

    [Fact]
    public void A_disabled_unit_is_enabled_and_unknown_systemd_says_nothing()
    {
        var f = Assert.Single(BootCheck.Run(Facts(ovs: Ovs(), systemd: SystemdWith(UnitState.Disabled))));
        Assert.Equal(FindingIds.OvsBootUnitDisabled, f.Id);
        Assert.Equal(["disable", "--now", "openvswitch-switch.service"], f.Fix!.Steps[0].Undo!.Arguments);
        Assert.Empty(BootCheck.Run(Facts(ovs: Ovs(), systemd: SystemdWith(UnitState.Enabled))));
        Assert.Empty(BootCheck.Run(Facts(ovs: Ovs(), systemd: SystemdFacts.Unknown)));
    }

    [Fact]
    public void Findings_come_worst_first()
    {
        var s = Snapshot(links: [Bridge("br0", up: false, "192.168.1.1/24")], nmUp: false);
        var findings = DoctorChecks.Run(Facts(s, docker: new DockerConfigFacts("/tmp/d.json", true, "br9")));
        Assert.Equal([Severity.Error, Severity.Warning, Severity.Info], findings.Select(f => f.Severity).Distinct());
    }
}
