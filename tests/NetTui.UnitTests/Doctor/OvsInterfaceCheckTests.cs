using NetTui.Core.Doctor;
using NetTui.Core.Doctor.Checks;
using NetTui.Core.Model;
using static NetTui.UnitTests.Doctor.DoctorFixtures;

namespace NetTui.UnitTests.Doctor;

public class OvsInterfaceCheckTests
{
    private static readonly Route Default = new(AddressFamily.Inet, "default", "10.0.0.254", "eth0", "boot", "global", null, "main", "unicast");

    [Fact]
    public void The_seeds_untyped_gre0_asks_for_the_remote_and_sets_type_gre()
    {
        var gre0 = Iface("gre0", "", "could not open network device gre0 (No such device)");
        var f = Assert.Single(OvsInterfaceCheck.Run(Facts(Snapshot(OvsWith("obr0", "netdev", gre0)), Ovs())));
        Assert.Equal("ovs-tunnel-without-type:gre0", f.Id);
        Assert.Equal("remote_ip", Assert.Single(f.Fix!.Inputs).Name);
        var bound = f.Fix.Bind(new Dictionary<string, string> { ["remote_ip"] = "192.168.42.131" });
        Assert.Contains("type=gre", bound.Steps[0].Do.Arguments);
        Assert.Contains("options:remote_ip=192.168.42.131", bound.Steps[0].Do.Arguments);
        Assert.Throws<ArgumentException>(() => f.Fix.Bind(new Dictionary<string, string> { ["remote_ip"] = "not-an-ip" }));
        Assert.Throws<ArgumentException>(() => f.Fix.Bind(new Dictionary<string, string>()));
    }

    [Fact]
    public void The_ip_gre_kernel_message_is_recognised_too()
    {
        var gre0 = Iface("gre0", "", "could not add network device gre0 to ofproto (Invalid argument)");
        Assert.Equal("ovs-tunnel-without-type:gre0", Assert.Single(OvsInterfaceCheck.Run(Facts(Snapshot(OvsWith("obr0", "netdev", gre0)), Ovs()))).Id);
    }

    [Fact]
    public void A_port_whose_device_is_gone_is_deleted_and_undo_adds_it_back()
    {
        var veth = Iface("vethx", "", "could not open network device vethx (No such device)");
        var f = Assert.Single(OvsInterfaceCheck.Run(Facts(Snapshot(OvsWith("br-int", "netdev", veth)), Ovs())));
        Assert.Equal("ovs-port-device-missing:vethx", f.Id);
        Assert.Contains("del-port", f.Fix!.Steps[0].Do.Arguments);
        Assert.Contains("add-port", f.Fix.Steps[0].Undo!.Arguments);
    }

    [Fact]
    public void Other_errors_are_reported_verbatim_without_a_fix()
    {
        var f = Assert.Single(OvsInterfaceCheck.Run(Facts(Snapshot(OvsWith("br", "netdev", Iface("p1", "internal", "something odd"))), Ovs())));
        Assert.Equal("ovs-interface-error:p1", f.Id);
        Assert.Null(f.Fix);
        Assert.Contains(f.Evidence, e => e.Contains("something odd"));
    }

    [Fact]
    public void A_tunnel_to_an_unrouted_remote_is_a_warning_and_a_default_route_covers_it()
    {
        var gre = Iface("gre0", "gre", null, ("remote_ip", "172.30.0.9"));
        var noDefault = Snapshot(OvsWith("br", "netdev", gre));
        var f = Assert.Single(OvsInterfaceCheck.Run(Facts(noDefault, Ovs())));
        Assert.Equal("ovs-tunnel-remote-unreachable:gre0", f.Id);
        Assert.Equal(Severity.Warning, f.Severity);

        var withDefault = noDefault with { Routes = [.. noDefault.Routes, Default] };
        Assert.Empty(OvsInterfaceCheck.Run(Facts(withDefault, Ovs())));
        var onLink = Iface("gre1", "gre", null, ("remote_ip", "192.168.1.7"));
        Assert.Empty(OvsInterfaceCheck.Run(Facts(Snapshot(OvsWith("br", "netdev", onLink)), Ovs())));
    }

    [Fact]
    public void Healthy_interfaces_give_nothing() =>
        Assert.Empty(OvsInterfaceCheck.Run(Facts(Snapshot(OvsWith("br", "netdev", Iface("p1", "internal", null))), Ovs())));
}
