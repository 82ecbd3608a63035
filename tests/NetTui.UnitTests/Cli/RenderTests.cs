using NetTui.Cli.Render;
using NetTui.Cli.Show;

namespace NetTui.UnitTests.Cli;

public class RenderTests
{
    private static readonly NetTui.Core.Model.HostSnapshot S = SampleSnapshot.Create();

    [Fact]
    public void Text_table_aligns_columns_without_trailing_blanks()
    {
        var lines = TextTable.Format(["A", "BB", "C"], [["xxx", "y", "z"], ["1", "22222", ""]]);
        Assert.Equal(["A    BB     C", "xxx  y      z", "1    22222"], lines);
    }

    [Fact]
    public void Links_table()
    {
        var lines = LinksView.Render(S);
        Assert.Equal("INDEX  NAME   KIND            STATE            MTU   MAC                MASTER  PEER       ADDRESSES", lines[0]);
        Assert.Equal("2      br0    bridge          up               1500  aa:aa:aa:aa:aa:01  -       -          192.168.100.1/24", lines[1]);
        Assert.Equal("4      vp1    veth            up               1500  aa:aa:aa:aa:aa:02  br0     if3@ns1-c  -", lines[2]);
        Assert.Equal("5      vc2    veth            admin-down/down  1500  -                  -       vp2        -", lines[3]);
        Assert.Contains(lines, l => l.StartsWith("9      weave  bridge (weave)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("17     obr0   ovs-internal", StringComparison.Ordinal));
    }

    [Fact]
    public void Bridges_table_like_brctl_show_with_port_states() => Assert.Equal(
        [
            "BRIDGE NAME  BRIDGE ID          STP ENABLED  INTERFACES",
            "br0          8000.066d597ceb8d  yes          obr0 (forwarding)",
            "                                             vp1 (forwarding)",
            "weave        8000.7e6ffbf97eae  no           -",
        ],
        BridgesView.Render(S));

    [Fact]
    public void Ovs_like_a_compact_ovs_vsctl_show() => Assert.Equal(
        [
            "Bridge br-int (datapath netdev)",
            "    Port gre0",
            "        Interface gre0  type: gre  ofport: 1  link: up  options: {key=7, remote_ip=10.10.0.2}",
            "    Port gre1  tag: 10",
            "        Interface gre1  type: system  ofport: -1  error: \"could not open network device gre1 (No such device)\"",
        ],
        OvsView.Render(S));

    [Fact]
    public void Routes_ipv4_first_main_table_first()
    {
        var lines = RoutesView.Render(S);
        Assert.Equal("FAMILY  TABLE  DESTINATION    GATEWAY          DEVICE  PROTOCOL  SCOPE   METRIC  TYPE", lines[0]);
        Assert.Equal("ipv4    main   10.20.0.0/16   192.168.100.254  br0     boot      global  50      unicast", lines[1]);
        Assert.Equal("ipv4    100    default        10.9.0.254       vp3     boot      global  10      unicast", lines[2]);
        Assert.StartsWith("ipv6    main   fd00:200::/64", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Containers_with_host_veth_bridge_and_aliases()
    {
        var lines = ContainersView.Render(S);
        Assert.Equal("NAME  STATE    IMAGE          NETWORK  ADDRESS           GATEWAY        HOST VETH  BRIDGE  LINKS", lines[0]);
        Assert.Equal("cct2  running  local/busybox  bridge   192.168.100.3/24  192.168.100.1  veth2      br0     webtest->cct1", lines[2]);
    }

    [Fact]
    public void Sources_section_names_the_down_source_and_why()
    {
        var lines = SnapshotText.Render(S, ShowPart.Links);
        var i = lines.ToList().IndexOf("Sources");
        Assert.True(i > 0);
        Assert.Contains(lines.Skip(i), l => l.StartsWith("OVS ", StringComparison.Ordinal) && l.Contains("DOWN") &&
            l.EndsWith("ovs-vsctl: unix:/x/db.sock: database connection failed (No such file or directory)", StringComparison.Ordinal));
        Assert.DoesNotContain("Routes (3)", lines);
        Assert.Contains("Links (6)", lines);
        Assert.Contains("Open vSwitch: not available (ovs-vsctl: unix:/x/db.sock: database connection failed (No such file or directory))",
            SnapshotText.Render(S, ShowPart.Ovs));
        Assert.Equal("Host lab, network namespace ns1", lines[0]);
    }
}
