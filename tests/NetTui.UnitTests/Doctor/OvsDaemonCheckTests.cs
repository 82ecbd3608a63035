using NetTui.Core.Doctor;
using NetTui.Core.Doctor.Checks;
using static NetTui.UnitTests.Doctor.DoctorFixtures;

namespace NetTui.UnitTests.Doctor;

public class OvsDaemonCheckTests
{
    [Fact]
    public void A_healthy_ovs_gives_nothing() =>
        Assert.Empty(OvsDaemonCheck.Run(Facts(Snapshot(OvsWith("br-int", "netdev")), Ovs())));

    [Fact]
    public void An_empty_open_vswitch_table_asks_for_init()
    {
        var f = Assert.Single(OvsDaemonCheck.Run(Facts(Snapshot(), Ovs(initialized: false))));
        Assert.Equal(FindingIds.OvsNotInitialized, f.Id);
        Assert.Equal(["--db=unix:" + LabDir + "/db.sock", "--timeout=10", "--no-wait", "init"], f.Fix!.Steps.Single().Do.Arguments);
    }

    [Fact]
    public void No_vswitchd_is_found_and_started_with_the_diagnosed_socket()
    {
        var f = Assert.Single(OvsDaemonCheck.Run(Facts(Snapshot(), Ovs(vswitchds: []))));
        Assert.Equal(FindingIds.OvsVswitchdNotRunning, f.Id);
        var start = f.Fix!.Steps.Single(s => s.Do.Program == "ovs-vswitchd").Do;
        Assert.Equal("unix:" + LabDir + "/db.sock", start.Arguments[0]);
        Assert.Contains("--detach", start.Arguments);
    }

    [Fact]
    public void Vswitchd_is_not_checked_while_the_database_is_unreachable() =>
        Assert.Empty(OvsDaemonCheck.Run(Facts(Snapshot(ovsUp: false), Ovs(vswitchds: []))));

    [Fact]
    public void A_kernel_datapath_bridge_without_the_module_is_switched_to_netdev()
    {
        var f = Assert.Single(OvsDaemonCheck.Run(Facts(Snapshot(OvsWith("br0", "")), Ovs(module: false))));
        Assert.Equal(FindingIds.OvsDatapathModuleMissing + ":br0", f.Id);
        Assert.Contains("datapath_type=netdev", f.Fix!.Steps.Single().Do.Arguments);
    }

    [Fact]
    public void Netdev_bridges_or_a_loaded_module_need_nothing()
    {
        Assert.Empty(OvsDaemonCheck.Run(Facts(Snapshot(OvsWith("br0", "netdev")), Ovs(module: false))));
        Assert.Empty(OvsDaemonCheck.Run(Facts(Snapshot(OvsWith("br0", "system")), Ovs(module: true))));
    }
}
