using NetTui.Core.Operations;
using NetTui.Presentation;
using NetTui.Presentation.Forms;
using NetTui.UiTests.Fixtures;

namespace NetTui.UiTests.Forms;

/// <summary>The form models alone: defaults, pickers, field errors, preview, consequences.</summary>
public class FormSpecTests
{
    private static FormResult Eval(FormSpec f, params (string K, string V)[] set)
    {
        var v = f.Defaults();
        foreach (var (k, val) in set) v[k] = val;
        return f.Evaluate(v, LabSnapshots.Lab());
    }

    [Fact]
    public void Bridge_add_defaults_to_a_free_name_and_previews_the_exact_commands()
    {
        var f = FormCatalog.BridgeAdd(LabSnapshots.Lab());
        Assert.Equal("br1", f.Defaults()["name"]);
        var r = Eval(f, ("address", "192.168.100.1/24"), ("stp", "on"));
        Assert.True(r.Ok, string.Join("; ", r.Errors));
        Assert.Equal(new CreateBridge("br1", "192.168.100.1/24", true), r.Operations.Single());
        Assert.Contains(r.Preview, l => l.Contains("ip link add name br1 type bridge stp_state 1"));
        Assert.Contains(r.Preview, l => l.Contains("192.168.100.1/24") && l.Contains("dev br1"));
    }

    [Fact]
    public void Bad_values_are_refused_under_the_field_they_are_about()
    {
        var f = FormCatalog.BridgeAdd(LabSnapshots.Lab());
        var r = Eval(f, ("name", "br0;reboot"));
        Assert.False(r.Ok);
        Assert.NotNull(r.ErrorFor("name"));
        Assert.Empty(r.Preview);
        Assert.NotNull(Eval(f, ("address", "300.1.1.1/24")).ErrorFor("address"));
        Assert.NotNull(Eval(f, ("name", "br0")).ErrorFor("name")); // exists already
    }

    [Fact]
    public void Bridge_delete_lists_what_goes_with_it()
    {
        var r = Eval(FormCatalog.BridgeDel(LabSnapshots.Lab(), "br0"));
        Assert.True(r.Ok, string.Join("; ", r.Errors));
        Assert.Contains(r.Consequences, c => c.Contains("port veth1a"));
        Assert.Contains(r.Consequences, c => c.Contains("container web"));
        Assert.Contains(r.Preview, l => l.Contains("ip link del dev br0"));
    }

    [Fact]
    public void Pickers_offer_the_hosts_objects_and_cycle()
    {
        var h = LabSnapshots.Lab();
        var f = FormCatalog.Attach(h, "br0", null);
        var iface = f.Field("interface")!;
        Assert.Contains("eth0", iface.Choices);
        Assert.DoesNotContain("veth1a", iface.Choices); // already a port
        Assert.Equal(["br0", "docker0"], f.Field("bridge")!.Choices);
        Assert.Equal("docker0", f.Field("bridge")!.Cycle("br0", +1));
        Assert.Equal("br0", f.Field("bridge")!.Cycle("br0", +2));
        Assert.NotNull(Eval(f, ("bridge", "nosuch"), ("interface", "eth0")).ErrorFor("bridge"));
    }

    [Fact]
    public void Ovs_gre_port_defaults_and_checks_remote_and_key()
    {
        var h = LabSnapshots.Lab();
        var f = FormCatalog.OvsGreAdd(h, "br-tun");
        Assert.Equal("gre2", f.Defaults()["port"]);
        Assert.NotNull(Eval(f, ("remote", "")).ErrorFor("remote"));
        Assert.NotNull(Eval(f, ("remote", "10.0.0.9"), ("key", "x")).ErrorFor("key"));
        var ok = Eval(f, ("remote", "10.0.0.9"), ("key", "7"));
        Assert.True(ok.Ok, string.Join("; ", ok.Errors));
        Assert.Equal(new AddOvsGrePort("br-tun", "gre2", "10.0.0.9", null, "7"), ok.Operations.Single());
        Assert.Contains(ok.Preview, l => l.Contains("add-port br-tun gre2") && l.Contains("remote_ip=10.0.0.9"));
    }

    [Fact]
    public void Link_edit_makes_only_the_changes_asked_for()
    {
        var f = FormCatalog.LinkEdit(LabSnapshots.Lab(), "eth0");
        Assert.NotNull(Eval(f).Errors.SingleOrDefault(e => e.Message == "nothing to change"));
        Assert.Equal([new SetMtu("eth0", "9000")], Eval(f, ("mtu", "9000")).Operations);
        Assert.NotNull(Eval(f, ("mtu", "70000")).ErrorFor("mtu"));
        Assert.Equal([new SetLinkState("eth0", false)], Eval(f, ("state", "down")).Operations);
    }

    [Fact]
    public void Route_add_and_delete_build_route_operations()
    {
        var h = LabSnapshots.Lab();
        var add = Eval(FormCatalog.RouteAdd(h), ("destination", "192.168.2.0/24"), ("via", "10.0.2.3"), ("dev", "eth0"));
        Assert.True(add.Ok, string.Join("; ", add.Errors));
        Assert.Contains(add.Preview, l => l.Contains("ip route add 192.168.2.0/24 via 10.0.2.3 dev eth0"));
        Assert.NotNull(Eval(FormCatalog.RouteAdd(h), ("destination", "999.0.0.0/8")).ErrorFor("destination"));
        var route = h.Routes.First(r => r.Destination == "10.99.0.0/16");
        var (del, _) = NetTui.Tui.Controllers.Views.ViewController.Form(FormVerb.Delete, ViewKind.Routes, route, h);
        Assert.Equal("Delete", del!.ApplyLabel);
        var d = Eval(del);
        Assert.True(d.Ok, string.Join("; ", d.Errors));
        Assert.Equal(new DeleteRoute("10.99.0.0/16", "192.168.50.2", "br0", "20", "100"), d.Operations.Single());
    }

    [Fact]
    public void Each_key_opens_the_form_of_its_view_and_selection()
    {
        var h = LabSnapshots.Lab();
        Assert.Equal("New Linux bridge", NetTui.Tui.Controllers.Views.ViewController.Form(FormVerb.New, ViewKind.Bridges, null, h).Form!.Title);
        Assert.Equal("New Open vSwitch bridge", NetTui.Tui.Controllers.Views.ViewController.Form(FormVerb.New, ViewKind.OpenVSwitch, null, h).Form!.Title);
        Assert.StartsWith("Detach veth1a", NetTui.Tui.Controllers.Views.ViewController.Form(FormVerb.Delete, ViewKind.Bridges, FormHarness.Row(h, ViewKind.Bridges, "br0/veth1a"), h).Form!.Title);
        Assert.StartsWith("Delete port gre0", NetTui.Tui.Controllers.Views.ViewController.Form(FormVerb.Delete, ViewKind.OpenVSwitch, FormHarness.Row(h, ViewKind.OpenVSwitch, "ovs:br-tun/gre0/gre0"), h).Form!.Title);
        Assert.StartsWith("Delete Open vSwitch bridge br-tun", NetTui.Tui.Controllers.Views.ViewController.Form(FormVerb.Delete, ViewKind.OpenVSwitch, FormHarness.Row(h, ViewKind.OpenVSwitch, "ovs:br-tun"), h).Form!.Title);
        Assert.StartsWith("Remove an address from eth0", NetTui.Tui.Controllers.Views.ViewController.Form(FormVerb.Delete, ViewKind.Interfaces, FormHarness.Row(h, ViewKind.Interfaces, "eth0"), h).Form!.Title);
        Assert.Null(NetTui.Tui.Controllers.Views.ViewController.Form(FormVerb.Edit, ViewKind.Topology, null, h).Form);
    }
}
