using NetTui.Core.Operations;
using NetTui.Presentation;
using NetTui.Presentation.Forms;
using NetTui.UiTests.Fixtures;

namespace NetTui.UiTests.Forms;

/// <summary>The pure form models of the kernel GRE tunnel, the Interfaces `n` kind switch and Docker's default bridge.</summary>
public class TunnelAndDockerSpecTests
{
    private static FormResult Eval(FormSpec f, Func<string, string?>? readFile, params (string K, string V)[] set)
    {
        var v = f.Defaults();
        foreach (var (k, val) in set) v[k] = val;
        return f.Evaluate(v, FormHarness.LabWithIpTunnels(), readFile: readFile);
    }

    private static FormResult Eval(FormSpec f, params (string K, string V)[] set) => Eval(f, null, set);

    [Fact]
    public void Tunnel_add_defaults_and_exact_commands()
    {
        var f = FormCatalog.IpTunnelAdd(FormHarness.LabWithIpTunnels());
        Assert.Equal("gre2", f.Defaults()["name"]);
        Assert.Equal(["gre", "gretap"], f.Field("mode")!.Choices);
        var r = Eval(f, ("remote", "10.10.0.9"), ("key", "42"), ("ttl", "64"));
        Assert.True(r.Ok, string.Join("; ", r.Errors));
        Assert.Equal(new CreateIpTunnel("gre2", "gre", "10.10.0.9", null, "42", "64"), r.Operations.Single());
        Assert.Contains(r.Preview, l => l.Contains("ip link add name gre2 type gre remote 10.10.0.9 key 42 ttl 64")
            && l.Contains("# ip tunnel add gre2 mode gre remote 10.10.0.9 key 42 ttl 64"));
        Assert.Contains(r.Preview, l => l.Contains("ip link set dev gre2 up"));
    }

    [Theory]
    [InlineData("name", "gre2;reboot")]
    [InlineData("name", "$(id)")]
    [InlineData("name", FormHarness.SixteenBytes)]
    [InlineData("name", "gre5")] // exists
    [InlineData("mode", "ipip")]
    [InlineData("remote", "300.1.1.1")]
    [InlineData("remote", "")]
    [InlineData("remote", "fd00::1")]
    [InlineData("remote", "127.0.0.1")]
    [InlineData("local", "192.0.2.1")] // not this host's
    [InlineData("key", "k1")]
    [InlineData("key", "4294967296")]
    [InlineData("ttl", "0")]
    [InlineData("ttl", "256")]
    public void Tunnel_add_refuses_each_bad_field_under_its_name_with_no_commands(string field, string value)
    {
        var set = new List<(string, string)> { ("remote", "10.10.0.9") };
        set.Add((field, value));
        var r = Eval(FormCatalog.IpTunnelAdd(FormHarness.LabWithIpTunnels()), [.. set]);
        Assert.False(r.Ok);
        Assert.NotNull(r.ErrorFor(field));
        Assert.Empty(r.Preview);
    }

    [Fact]
    public void Tunnel_delete_lists_routes_and_the_bridge_it_leaves()
    {
        var h = FormHarness.LabWithIpTunnels();
        var r = Eval(FormCatalog.IpTunnelDel(h, "gre5"));
        Assert.True(r.Ok, string.Join("; ", r.Errors));
        Assert.Equal("Delete", FormCatalog.IpTunnelDel(h, "gre5").ApplyLabel);
        Assert.Equal(new DeleteIpTunnel("gre5"), r.Operations.Single());
        Assert.Contains(r.Preview, l => l.Contains("ip link del dev gre5") && l.Contains("# ip tunnel del gre5"));
        Assert.Equal(["route 10.88.0.0/16 through gre5 is removed"], r.Consequences);
        Assert.Contains(Eval(FormCatalog.IpTunnelDel(h, "gtap1")).Consequences, c => c.Contains("gtap1 leaves bridge br0"));
        Assert.Equal(["gre5", "gtap1", "gre9"], FormCatalog.IpTunnelDel(h, "gre5").Field("name")!.Choices);
        Assert.NotNull(Eval(FormCatalog.IpTunnelDel(h, "gre9")).ErrorFor("name")); // parameters unknown: no undo
        Assert.NotNull(Eval(FormCatalog.IpTunnelDel(h, "eth0")).ErrorFor("name"));
    }

    [Fact]
    public void New_in_interfaces_switches_between_bridge_and_tunnel()
    {
        var h = FormHarness.LabWithIpTunnels();
        var bridge = FormCatalog.NewInterface(h);
        Assert.Equal("New Linux bridge", bridge.Title);
        Assert.Equal("kind", bridge.Fields[0].Name);
        Assert.Equal(new CreateBridge("br1", null, false), Eval(bridge).Operations.Single());
        var tunnel = bridge.KindSwitch!("tunnel")!;
        Assert.Equal("New GRE tunnel (ip tunnel)", tunnel.Title);
        Assert.Equal(["kind", "name", "mode", "remote", "local", "key", "ttl"], tunnel.Fields.Select(f => f.Name));
        Assert.Equal("New Linux bridge", tunnel.KindSwitch!("bridge")!.Title);
        Assert.Equal("New VXLAN device", tunnel.KindSwitch!("vxlan")!.Title);
        Assert.Null(tunnel.KindSwitch!("ipip"));
        Assert.NotNull(Eval(tunnel, ("kind", "ipip"), ("remote", "10.10.0.9")).ErrorFor("kind"));
        Assert.True(Eval(tunnel, ("remote", "10.10.0.9")).Ok);
    }

    [Fact]
    public void Docker_bridge_reads_daemon_json_and_keeps_its_other_keys()
    {
        var h = FormHarness.LabWithIpTunnels();
        var f = FormCatalog.DockerBridge(h, null);
        Assert.Equal("br0", f.Defaults()["bridge"]);
        Assert.Equal(OperationContext.DefaultDaemonJson, f.Defaults()["daemon-json"]);
        Assert.Equal(["br0", "docker0"], f.Field("bridge")!.Choices);
        var read = new List<string>();
        var r = Eval(f, p => { read.Add(p); return "{ \"log-driver\": \"journald\" }"; });
        Assert.True(r.Ok, string.Join("; ", r.Errors));
        Assert.Equal([OperationContext.DefaultDaemonJson], read.Distinct());
        Assert.Contains(r.Preview, l => l.Contains("\"log-driver\": \"journald\""));
        Assert.Contains(r.Preview, l => l.Contains("\"bridge\": \"br0\""));
        Assert.Contains(r.Preview, l => l.StartsWith("# then: dockerd reads", StringComparison.Ordinal));
        Assert.NotNull(Eval(f, _ => "{ \"bridge\": \"br0\" }").ErrorFor("bridge"));
        Assert.NotNull(Eval(f, _ => "[1,2]").ErrorFor("daemon-json"));
        Assert.NotNull(Eval(f, null, ("bridge", "br0;reboot")).ErrorFor("bridge"));
        Assert.NotNull(Eval(f, null, ("bridge", "vethB")).ErrorFor("bridge"));
        Assert.Equal("no", f.Defaults()[FormCatalog.RestartField]);
        Assert.Equal(["no", "yes"], f.Field(FormCatalog.RestartField)!.Choices);
        Assert.True(Eval(f, _ => null, (FormCatalog.RestartField, "yes")).Ok); // the restart is no operation of the change
        Assert.NotNull(Eval(f, _ => null, (FormCatalog.RestartField, "later")).ErrorFor(FormCatalog.RestartField));
    }

    [Fact]
    public void A_path_that_fails_its_check_is_never_read()
    {
        var read = new List<string>();
        var r = Eval(FormCatalog.DockerBridge(FormHarness.LabWithIpTunnels(), "br0"), p => { read.Add(p); return null; },
            ("daemon-json", "../../etc/shadow"));
        Assert.NotNull(r.ErrorFor("daemon-json"));
        Assert.Empty(read);
    }

    [Fact]
    public void Keys_open_the_new_forms_where_an_admin_expects_them()
    {
        var h = FormHarness.LabWithIpTunnels();
        var n = NetTui.Tui.Controllers.Views.ViewController.Form(FormVerb.New, ViewKind.Interfaces, null, h).Form!;
        Assert.Equal("New Linux bridge", n.Title);
        Assert.NotNull(n.KindSwitch);
        Assert.Null(NetTui.Tui.Controllers.Views.ViewController.Form(FormVerb.New, ViewKind.Bridges, null, h).Form!.KindSwitch); // Bridges: just a bridge
        Assert.Equal("Delete GRE tunnel gre5", NetTui.Tui.Controllers.Views.ViewController.Form(FormVerb.Delete, ViewKind.Interfaces, FormHarness.Row(h, ViewKind.Interfaces, "gre5"), h).Form!.Title);
        Assert.Equal("Delete GRE tunnel gtap1", NetTui.Tui.Controllers.Views.ViewController.Form(FormVerb.Delete, ViewKind.Interfaces, FormHarness.Row(h, ViewKind.Interfaces, "gtap1"), h).Form!.Title);
        Assert.StartsWith("Docker's default bridge", NetTui.Tui.Controllers.Views.ViewController.Form(FormVerb.Edit, ViewKind.Containers, null, h).Form!.Title);
        Assert.StartsWith("Docker's default bridge", NetTui.Tui.Controllers.Views.ViewController.Form(FormVerb.New, ViewKind.Containers, null, h).Form!.Title);
        var fromBridges = NetTui.Tui.Controllers.Views.ViewController.Form(FormVerb.Edit, ViewKind.Bridges, FormHarness.Row(h, ViewKind.Bridges, "docker0/vethd1"), h).Form!;
        Assert.Equal("docker0", fromBridges.Defaults()["bridge"]);
        Assert.Equal(LabSnapshots.Lab().Bridges.Length, fromBridges.Field("bridge")!.Choices.Count);
    }
}
