using NetTui.Presentation;
using NetTui.UiTests.Fixtures;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.Input;

namespace NetTui.UiTests.Tui;

[Collection(UiCollection.Name)]
public class ViewsTests
{
    [Fact]
    public void Bridges_view_lists_ports_under_each_bridge_and_what_they_lead_to()
    {
        using var s = new Screen(LabSnapshots.Lab());
        s.Press(Key.D2);
        Assert.Equal(ViewKind.Bridges, s.Window.CurrentView);
        var lines = s.Lines;
        var br0 = Array.FindIndex(lines, l => l.Contains("br0") && l.Contains("3 ports"));
        Assert.True(br0 > 0);
        Assert.Contains("veth1a", lines[br0 + 1]);
        Assert.Contains("container web", lines[br0 + 1]);
        Assert.Contains("veth peer #2 in netns ntl-red", lines[br0 + 2]);
        Assert.Contains(lines, l => l.Contains("vethd1") && l.Contains("container db"));
        Assert.Contains("Bridge br0", s.Text);
    }

    [Fact]
    public void Open_vswitch_view_shows_tunnel_options_and_the_broken_port_error()
    {
        using var s = new Screen(LabSnapshots.Lab(), width: 130, height: 30);
        s.Press(Key.D3);
        var text = s.Text;
        Assert.Contains("datapath netdev", text);
        Assert.Contains(s.Lines, l => l.Contains("gre0") && l.Contains("key=42 remote_ip=10.10.0.2"));
        Assert.Contains(s.Lines, l => l.Contains("gre1") && l.Contains("could not open network device gre1"));
    }

    [Fact]
    public void Routes_view_shows_main_and_table_100_for_v4_and_v6()
    {
        using var s = new Screen(LabSnapshots.Lab(), width: 120, height: 30);
        s.Press(Key.D4);
        var lines = s.Lines;
        Assert.Contains(lines, l => l.Contains("main") && l.Contains("default") && l.Contains("10.0.2.2"));
        Assert.Contains(lines, l => l.Contains("100") && l.Contains("default") && l.Contains("192.168.50.254"));
        Assert.Contains(lines, l => l.Contains("100") && l.Contains("v6") && l.Contains("2001:db8:100::/48"));
        Assert.Contains("Route default (table main)", s.Text);
    }

    [Fact]
    public void Containers_view_shows_addresses_host_veth_bridge_and_links()
    {
        using var s = new Screen(LabSnapshots.Lab(), width: 120, height: 30);
        s.Press(Key.D5);
        Assert.Contains(s.Lines, l => l.Contains("web") && l.Contains("192.168.50.10/24") && l.Contains("veth1a") && l.Contains("br0") && l.Contains("db:database"));
        Assert.Contains(s.Lines, l => l.Contains("db") && l.Contains("172.17.0.2/16") && l.Contains("vethd1") && l.Contains("docker0"));
        Assert.Contains("$ docker inspect web", s.Text);
    }

    [Fact]
    public void Topology_view_draws_the_path_from_bridge_to_container_and_to_the_gre_remote()
    {
        using var s = new Screen(LabSnapshots.Lab(), width: 100, height: 40);
        s.Press(Key.D6);
        var text = s.Text;
        Assert.Contains("bridge br0", text);
        Assert.Contains("├─ veth veth1a", text);
        Assert.Contains("│  └─ container web", text);
        Assert.Contains("GRE tunnel gre0", text);
        Assert.Contains("remote host 10.10.0.2", text);
        Assert.Contains("ERROR could not open network device gre1", text);
    }

    [Fact]
    public void Tab_and_shift_tab_cycle_views()
    {
        using var s = new Screen(LabSnapshots.Lab());
        s.Press(Key.Tab);
        Assert.Equal(ViewKind.Bridges, s.Window.CurrentView);
        s.Press(Key.Tab.WithShift, Key.Tab.WithShift);
        Assert.Equal(Enum.GetValues<ViewKind>()[^1], s.Window.CurrentView); // wraps to the last view
    }

    [Fact]
    public void Enter_jumps_from_a_veth_to_its_bridge_and_b_goes_back()
    {
        using var s = new Screen(LabSnapshots.Lab());
        s.Press(Key.CursorDown, Key.CursorDown, Key.CursorDown, Key.CursorDown); // veth1a
        Assert.Equal("veth1a", s.Window.CurrentPane.State.SelectedKey);
        s.Press(Key.Enter);
        Assert.Equal(ViewKind.Bridges, s.Window.CurrentView);
        Assert.Equal("br0", s.Window.CurrentPane.State.SelectedKey);
        Assert.Contains("Bridge br0", s.Text);
        s.Press(Key.B);
        Assert.Equal(ViewKind.Interfaces, s.Window.CurrentView);
        Assert.Equal("veth1a", s.Window.CurrentPane.State.SelectedKey);
    }

    [Fact]
    public void G_jumps_from_a_bridge_port_to_its_container_and_from_there_to_the_host_veth()
    {
        using var s = new Screen(LabSnapshots.Lab());
        s.Press(Key.D2, Key.CursorDown); // br0 / veth1a
        s.Press(Key.G);
        Assert.Equal(ViewKind.Containers, s.Window.CurrentView);
        Assert.Equal("web", s.Window.CurrentPane.State.SelectedKey);
        Assert.Contains("Container web", s.Text);
        s.Press(Key.Enter);
        Assert.Equal(ViewKind.Interfaces, s.Window.CurrentView);
        Assert.Equal("veth1a", s.Window.CurrentPane.State.SelectedKey);
    }

    [Fact]
    public void A_jump_clears_a_filter_that_hides_the_target()
    {
        using var s = new Screen(LabSnapshots.Lab());
        s.Press(Key.D2, new Key('/')).Type("docker").Press(Key.Enter); // Bridges filtered to docker0
        s.Press(Key.D1, Key.CursorDown, Key.CursorDown, Key.CursorDown, Key.CursorDown); // veth1a
        s.Press(Key.Enter);
        Assert.Equal(ViewKind.Bridges, s.Window.CurrentView);
        Assert.Equal("br0", s.Window.CurrentPane.State.SelectedKey);
        Assert.Equal("", s.Window.CurrentPane.State.Filter);
    }

    [Fact]
    public void Selection_and_screen_line_survive_a_refresh_with_a_changed_snapshot()
    {
        using var s = new Screen(LabSnapshots.Lab());
        s.Press(Key.CursorDown, Key.CursorDown, Key.CursorDown, Key.CursorDown, Key.CursorDown); // veth2a
        var before = s.Lines;
        var lineBefore = Array.FindIndex(before, l => l.StartsWith("│veth2a"));
        Assert.Equal("veth2a", s.Window.CurrentPane.State.SelectedKey);

        s.Window.ApplySnapshot(LabSnapshots.LabWithNewLink("ntl-new0"));
        var after = s.Lines;
        Assert.Equal("veth2a", s.Window.CurrentPane.State.SelectedKey);
        Assert.Contains("Interface veth2a", s.Text);
        Assert.Equal(lineBefore, Array.FindIndex(after, l => l.StartsWith("│veth2a")));
        Assert.Contains("12 rows", after[0]);
        s.Press(Key.Home);
        Assert.Contains("ntl-new0", s.Text);
    }

    [Fact]
    public void A_refresh_keeps_filter_and_sort()
    {
        using var s = new Screen(LabSnapshots.Lab());
        s.Press(new Key('/')).Type("veth").Press(Key.Enter, Key.S, Key.S.WithShift);
        s.Window.ApplySnapshot(LabSnapshots.LabWithNewLink("vethNew"));
        var pane = s.Window.CurrentPane;
        Assert.Equal("veth", pane.State.Filter);
        Assert.Equal(6, pane.Rows!.Count);
        Assert.Equal("vethNew", pane.Rows.Cell(0, 0)); // descending by name: "vethNew" > "vethd1" (ordinal ignore case: N > D)
    }

    [Fact]
    public void A_source_going_down_after_a_refresh_is_shown()
    {
        using var s = new Screen(LabSnapshots.Lab(), width: 140, height: 30);
        var lab = LabSnapshots.Lab();
        s.Window.ApplySnapshot(lab with
        {
            Sources = [.. lab.Sources.Select(x => x.Source == Core.Model.SourceKind.Docker
                ? Core.Model.SourceStatus.Down(x.Source, "cannot connect to /var/run/docker.sock", TimeSpan.Zero) : x)],
        });
        var header = s.Lines[1];
        Assert.Contains("Docker DOWN", header);
        Assert.Contains("Docker: cannot connect to /var/run/docker.sock", header);
        Assert.Contains("NetworkManager DOWN", header);
    }
}

[Collection(UiCollection.Name)]
public class LayoutTests
{
    [Fact]
    public void A_wide_terminal_puts_the_full_detail_beside_the_table_and_80_columns_put_it_below()
    {
        using var s = new Screen(LabSnapshots.Lab(), width: 160, height: 30);
        s.Press(Key.D3, Key.CursorDown, Key.CursorDown); // gre0
        var lines = s.Lines;
        var row = Array.FindIndex(lines, l => l.Contains("gre0") && l.Contains("key=42"));
        Assert.True(row > 0);
        Assert.Contains("OVS interface gre0", lines[2]);                     // detail title at the top right
        Assert.Contains(lines, l => l.Contains("options:remote_ip") && l.Contains("10.10.0.2"));

        s.Resize(80, 24);
        lines = s.Lines;
        var title = Array.FindIndex(lines, l => l.Contains("OVS interface gre0"));
        Assert.True(title > 12, "below the table at 80x24");
        Assert.Contains("Quit", lines[23]);
    }

    [Fact]
    public void Rows_that_stand_out_get_the_error_colour()
    {
        using var s = new Screen(LabSnapshots.Lab());
        var ovs = s.Window.Pane(NetTui.Presentation.ViewKind.OpenVSwitch).Rows!;
        var gre1 = ovs.Find("ovs:br-tun/gre1/gre1");
        Assert.Equal(NetTui.Presentation.RowTone.Error, ovs.Tone(gre1));
        Assert.Equal(s.Window.Theme.Down.Normal.Foreground, s.Window.Theme.ForTone(NetTui.Presentation.RowTone.Error)!.Normal.Foreground);
        var links = s.Window.Pane(NetTui.Presentation.ViewKind.Interfaces).Rows!;
        Assert.Equal(NetTui.Presentation.RowTone.Dim, links.Tone(links.Find("ovs-system")));
    }
}

[Collection(UiCollection.Name)]
public class StartupTests
{
    [Fact]
    public void Before_the_first_read_the_header_says_the_host_is_being_read()
    {
        using var s = new Screen(Core.Model.HostSnapshot.Empty("h1", "ntl-x"));
        Assert.Contains("reading the host…", s.Lines[0]);
        Assert.Contains("iproute2 ?", s.Lines[1]);
        s.Window.SetRefreshing(true);
        s.Window.ApplySnapshot(LabSnapshots.Lab());
        Assert.Contains("refreshing…", s.Lines[0]);
        Assert.Contains("iproute2 ok", s.Lines[1]);
        s.Window.SetRefreshing(false);
        Assert.DoesNotContain("refreshing", s.Lines[0]);
    }
}

[Collection(UiCollection.Name)]
public class SourcesScreenTests
{
    [Fact]
    public void I_shows_every_source_with_the_full_reason()
    {
        using var s = new Screen(LabSnapshots.Lab(), width: 120, height: 30);
        s.Press(Key.I);
        var text = s.Text;
        Assert.Contains("NetworkManager  DOWN", text);
        Assert.Contains(LabSnapshots.NmDownReason, text);
        Assert.Contains("Docker          ok", text);
        Assert.Contains("11 links, 2 bridges, 9 routes, 1 OVS bridges, 2 containers", text);
        s.Press(Key.Esc);
        Assert.False(s.Window.OverlayVisible);
    }
}

[Collection(UiCollection.Name)]
public class TinyTerminalTests
{
    [Theory]
    [InlineData(60, 16)]
    [InlineData(40, 10)]
    [InlineData(20, 6)]
    public void Small_terminals_still_draw_the_header_and_keep_working(int width, int height)
    {
        using var s = new Screen(LabSnapshots.Lab());
        s.Resize(width, height);
        var lines = s.Lines;
        Assert.Equal(height, lines.Length);
        Assert.StartsWith("lab-host"[..Math.Min(8, width)], lines[0]);
        s.Press(Key.CursorDown, Key.D4, new Key('/')).Type("br").Press(Key.Esc, Key.F1, Key.Esc);
        Assert.Equal(height, s.Lines.Length);
        s.Resize(80, 24);
        Assert.Contains("Quit", s.Lines[23]);
    }
}
