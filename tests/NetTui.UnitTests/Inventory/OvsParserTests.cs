using NetTui.Core.Model;
using NetTui.Host.Inventory.Ovs;

namespace NetTui.UnitTests.Inventory;

public class OvsParserTests
{
    private static OvsState State() => OvsParser.ParseCombined(Fixtures.Read("ovs/list-all.json"));

    private static OvsInterface Iface(string name) =>
        State().Bridges.SelectMany(b => b.Ports).SelectMany(p => p.Interfaces).Single(i => i.Name == name);

    [Fact]
    public void Bridges_ports_and_datapath_type()
    {
        var s = State();
        Assert.Equal(["br-int", "obr0"], s.Bridges.Select(b => b.Name));
        Assert.All(s.Bridges, b => Assert.Equal("netdev", b.DatapathType));
        Assert.Equal(["br-int", "gre0", "p5"], s.Bridges[0].Ports.Select(p => p.Name));
        Assert.Equal(["gre1", "obr0"], s.Bridges[1].Ports.Select(p => p.Name));
        Assert.Equal("e1dc401e-ce49-4053-8562-886fda731fa7", s.Bridges[0].Uuid);
        Assert.Null(s.Version); // `ovs-vsctl init` alone does not set ovs_version
    }

    [Fact]
    public void Gre_interface_has_type_options_and_ofport()
    {
        var gre0 = Iface("gre0");
        Assert.Equal("gre", gre0.Type);
        Assert.True(gre0.IsTunnel);
        Assert.Equal("10.10.0.2", gre0.RemoteIp);
        Assert.Equal("7", gre0.Options["key"]);
        Assert.Equal(1, gre0.OfPort);
        Assert.Null(gre0.Error);
        Assert.Equal("up", gre0.AdminState);
        Assert.Equal("up", gre0.LinkState);
        Assert.Equal(0L, gre0.Statistics["tx_packets"]);
    }

    [Fact]
    public void Broken_port_carries_the_error_column()
    {
        var gre1 = Iface("gre1");
        Assert.Equal("could not open network device gre1 (No such device)", gre1.Error);
        Assert.Equal(-1, gre1.OfPort);
        Assert.Equal("", gre1.Type); // OVSDB's "system"
        Assert.Null(gre1.LinkState);
        Assert.Empty(gre1.Options);
    }

    [Fact]
    public void Internal_ports_tags_and_statistics()
    {
        Assert.Equal("internal", Iface("p5").Type);
        Assert.Equal(2, Iface("p5").OfPort);
        Assert.Equal(10, State().Bridges[0].Ports.Single(p => p.Name == "p5").Tag);
        Assert.Null(State().Bridges[0].Ports.Single(p => p.Name == "gre0").Tag);
        Assert.Equal(65534, Iface("obr0").OfPort);
        Assert.Equal(55L, Iface("obr0").Statistics["rx_packets"]);
    }

    [Fact]
    public void Combined_output_must_hold_four_tables() =>
        Assert.Throws<FormatException>(() => OvsParser.ParseCombined("""{"data":[],"headings":[]}"""));
}
