using NetTui.Presentation;
using NetTui.UiTests.Fixtures;

namespace NetTui.UiTests.Presentation;

public class PresenterTests
{
    private static readonly SnapshotIndex Lab = new(LabSnapshots.Lab());

    private static List<string[]> Table(IRowSet rows) =>
        Enumerable.Range(0, rows.Count)
            .Select(r => Enumerable.Range(0, rows.ColumnNames.Count).Select(c => rows.Cell(r, c)).ToArray())
            .ToList();

    [Fact]
    public void Interfaces_have_one_row_per_link_with_kind_master_and_addresses()
    {
        var rows = InterfacesPresenter.Rows(Lab);
        Assert.Equal(11, rows.Count);
        var br0 = Table(rows).Single(r => r[0] == "br0");
        Assert.Equal(["br0", "bridge", "UP", "", "", "192.168.50.1/24 fd00:50::1/64", "1500"], br0[..7]); // Boot (4th) empty: not annotated
        var veth = Table(rows).Single(r => r[0] == "veth1a");
        Assert.Equal("br0", veth[4]);
        Assert.Equal("admin-down", Table(rows).Single(r => r[0] == "ovs-system")[2]);
    }

    [Fact]
    public void Bridges_list_ports_under_each_bridge_with_what_is_on_the_other_end()
    {
        var t = Table(BridgesPresenter.Rows(Lab));
        Assert.Equal(["br0", "", "", "", "docker0", ""], t.Select(r => r[0]).ToArray());
        Assert.Equal(["3 ports", "veth1a", "veth2a", "vethA", "1 ports", "vethd1"], t.Select(r => r[1]).ToArray());
        Assert.Equal("container web", t[1][4]);
        Assert.Equal("veth peer #2 in netns ntl-red", t[2][4]);
        Assert.Equal("veth peer vethB", t[3][4]);
        Assert.Equal("container db", t[5][4]);
    }

    [Fact]
    public void Ovs_shows_type_options_and_errors()
    {
        var t = Table(OvsPresenter.Rows(Lab));
        Assert.Equal(4, t.Count);
        Assert.Equal(["br-tun", "datapath netdev"], t[0][..2]);
        var gre0 = t.Single(r => r[1] == "gre0");
        Assert.Equal("gre", gre0[2]);
        Assert.Equal("key=42 remote_ip=10.10.0.2", gre0[3]);
        var gre1 = t.Single(r => r[1] == "gre1");
        Assert.Equal(LabSnapshots.Gre1Error, gre1[4]);
    }

    [Fact]
    public void Routes_cover_tables_and_families()
    {
        var t = Table(RoutesPresenter.Rows(Lab));
        Assert.Equal(9, t.Count);
        Assert.Contains(t, r => r[0] == "100" && r[1] == "v4" && r[2] == "default" && r[3] == "192.168.50.254");
        Assert.Contains(t, r => r[0] == "100" && r[1] == "v6" && r[2] == "2001:db8:100::/48");
        Assert.Contains(t, r => r[0] == "main" && r[1] == "v6" && r[2] == "default" && r[3] == "fe80::1");
    }

    [Fact]
    public void Containers_show_addresses_host_veth_bridge_and_link_aliases()
    {
        var web = Table(ContainersPresenter.Rows(Lab)).Single(r => r[0] == "web");
        Assert.Equal(["web", "running", "192.168.50.10/24", "veth1a", "br0", "db:database", "", "nginx:1.25"], web);
    }

    [Fact]
    public void Topology_tree_leads_from_bridge_to_container_and_from_ovs_to_remote_host()
    {
        var rows = TopologyPresenter.Flatten(TopologyBuilder.Build(Lab));
        var lines = rows.Select(r => r.Prefix + r.Node.Label).ToList();
        Assert.Equal(
        [
            "bridge br0",
            "├─ veth veth1a",
            "│  └─ container web",
            "├─ veth veth2a",
            "│  └─ namespace ntl-red",
            "└─ veth vethA",
            "   └─ veth peer vethB",
            "bridge docker0",
            "└─ veth vethd1",
            "   └─ container db",
            "OVS bridge br-tun",
            "├─ internal br-tun",
            "├─ GRE tunnel gre0",
            "│  └─ remote host 10.10.0.2",
            "└─ GRE tunnel gre1",
            "   └─ remote host 10.10.0.3",
        ], lines);
        Assert.Equal("key 42", rows.Single(r => r.Node.Label == "remote host 10.10.0.2").Node.Info);
        Assert.StartsWith("ERROR could not open", rows.Single(r => r.Node.Label == "GRE tunnel gre1").Node.Info);
        Assert.Equal("bridge br0 → veth veth1a → container web", rows[2].Path);
    }

    [Fact]
    public void Topology_follows_a_linux_bridge_into_ovs_and_out_through_its_gre_tunnel()
    {
        var rows = TopologyPresenter.Flatten(TopologyBuilder.Build(new SnapshotIndex(LabSnapshots.LabWithOvsUplink())));
        var lines = rows.Select(r => r.Prefix + r.Node.Label).ToList();
        int at = lines.IndexOf("└─ ovs-internal ovsp0");
        Assert.True(at > 0, string.Join("\n", lines));
        Assert.Equal(
        [
            "└─ ovs-internal ovsp0",
            "   └─ OVS port ovsp0 of br-tun",
            "      ├─ GRE tunnel gre0",
            "      │  └─ remote host 10.10.0.2",
            "      └─ GRE tunnel gre1",
            "         └─ remote host 10.10.0.3",
        ], lines.Skip(at).Take(6));
        Assert.Equal("bridge br0 → ovs-internal ovsp0 → OVS port ovsp0 of br-tun → GRE tunnel gre0 → remote host 10.10.0.2",
            rows[at + 3].Path);
        Assert.Equal(rows.Count, rows.Select(r => r.Node.Key).Distinct().Count()); // keys stay unique
    }

    [Fact]
    public void Detail_of_a_veth_port_has_every_attribute_the_read_command_and_jumps()
    {
        var d = InterfacesPresenter.Detail(Lab, Lab.Link("veth1a")!);
        Assert.Contains(new KeyValuePair<string, string>("master", "br0"), d.Attributes);
        Assert.Contains(new KeyValuePair<string, string>("other end", "container web"), d.Attributes);
        Assert.Contains("ip -d link show veth1a", d.ReadCommands);
        Assert.Equal(new RelatedRef("bridge br0", ViewKind.Bridges, "br0"), d.Related[0]);
        Assert.Contains(d.Related, r => r.View == ViewKind.Containers && r.Key == "web");
    }

    [Fact]
    public void Detail_of_ovs_tunnel_and_container_name_their_read_commands()
    {
        var ovs = OvsPresenter.Rows(Lab);
        var gre0 = Enumerable.Range(0, ovs.Count).Single(i => ovs.Key(i) == "ovs:br-tun/gre0/gre0");
        var d = ovs.Detail(gre0);
        Assert.Contains("ovs-vsctl list interface gre0", d.ReadCommands);
        Assert.Contains(new KeyValuePair<string, string>("options:remote_ip", "10.10.0.2"), d.Attributes);
        Assert.Contains(new KeyValuePair<string, string>("tunnel", "GRE to remote host 10.10.0.2"), d.Attributes);

        var c = ContainersPresenter.Detail(Lab, Lab.Container("web")!);
        Assert.Contains("docker inspect web", c.ReadCommands);
        Assert.Equal(new RelatedRef("host veth veth1a", ViewKind.Interfaces, "veth1a"), c.Related[0]);
        Assert.Contains(c.Related, r => r.View == ViewKind.Bridges && r.Key == "br0");
        Assert.Contains(c.Related, r => r.View == ViewKind.Containers && r.Key == "db");

        var route = RoutesPresenter.Detail(Lab, Lab.Snapshot.Routes[8]);
        Assert.Contains("ip -6 route show table 100 2001:db8:100::/48", route.ReadCommands);
    }

    [Fact]
    public void Bridge_port_detail_jumps_to_its_container_then_its_bridge()
    {
        var d = BridgesPresenter.PortDetail(Lab, Lab.Bridge("br0")!, Lab.Bridge("br0")!.Ports[0]);
        Assert.Contains("bridge link show dev veth1a", d.ReadCommands);
        Assert.Equal(ViewKind.Containers, d.Related[0].View);
        Assert.Equal(new RelatedRef("bridge br0", ViewKind.Bridges, "br0"), d.Related[1]);
    }
}
