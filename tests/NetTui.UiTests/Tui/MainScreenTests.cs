using NetTui.Tui;
using NetTui.UiTests.Fixtures;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.Input;

namespace NetTui.UiTests.Tui;

[Collection(UiCollection.Name)]
public class MainScreenTests
{
    [Fact]
    public void Main_screen_at_80x24_shows_header_views_rows_detail_and_status_bar()
    {
        using var s = new Screen(LabSnapshots.Lab());
        var lines = s.Lines;
        Assert.Equal(24, lines.Length);
        Assert.Contains("lab-host", lines[0]);
        Assert.Contains("netns ntl-demo", lines[0]);
        Assert.Contains("read-only: changes need root", lines[0]);
        Assert.Contains("iproute2 ok", lines[1]);
        foreach (var tab in new[] { "Interfaces", "Bridges", "Open vSwitch", "Routes", "Containers", "Topology" })
            Assert.Contains(tab, lines[3]);
        Assert.Contains(lines, l => l.Contains("veth1a") && l.Contains("br0"));
        Assert.Contains(lines, l => l.Contains("Interface lo"));          // the detail pane's title
        Assert.Contains("F1", lines[23]);
        Assert.Contains("Quit", lines[23]);

        // The capture that README shows (docs/screen.txt): the screen must still be what it shows.
        ScreenCapture.Check("screen.txt", s.Text);
    }

    [Fact]
    public void Root_gets_no_read_only_marker()
    {
        using var s = new Screen(LabSnapshots.Lab(), readOnly: false);
        Assert.DoesNotContain("read-only", s.Text);
    }

    [Fact]
    public void A_source_that_is_down_is_shown_with_its_reason()
    {
        using var s = new Screen(LabSnapshots.Lab(), width: 140, height: 30);
        var header = s.Lines[1];
        Assert.Contains("NetworkManager DOWN", header);
        Assert.Contains(LabSnapshots.NmDownReason, header);
        Assert.Contains("Docker ok", header);
    }

    [Fact]
    public void Cursor_down_moves_the_selection_and_the_detail_pane_follows()
    {
        using var s = new Screen(LabSnapshots.Lab());
        Assert.Contains("Interface lo", s.Text);
        s.Press(Key.CursorDown);
        Assert.Contains("Interface eth0", s.Text);
        Assert.Contains("$ ip -d link show eth0", s.Text);
        s.Press(Key.CursorDown, Key.CursorDown);
        Assert.Contains("Interface br0", s.Text);
        Assert.Equal("br0", s.Window.CurrentPane.State.SelectedKey);
    }

    [Fact]
    public void Detail_pane_shows_read_command_jump_target_and_attributes()
    {
        using var s = new Screen(LabSnapshots.Lab());
        s.Press(Key.CursorDown, Key.CursorDown, Key.CursorDown, Key.CursorDown); // lo, eth0, docker0, br0, veth1a
        var text = s.Text;
        Assert.Contains("Interface veth1a", text);
        Assert.Contains("⏎ bridge br0", text);
        Assert.Contains("container web", text);
        Assert.Contains("$ ip -d link show veth1a", text);
        Assert.Contains("master: br0", text);
    }

    [Fact]
    public void Full_detail_lists_every_attribute_and_any_key_closes_it()
    {
        using var s = new Screen(LabSnapshots.Lab(), width: 120, height: 40);
        s.Press(Key.D3, Key.D1); // Open vSwitch, back to Interfaces: views switch by number
        s.Press(Key.D3, Key.CursorDown, Key.CursorDown, Key.CursorDown); // br-tun bridge, its internal port, gre0, gre1
        s.Press(Key.D);
        var text = s.Text;
        Assert.Contains("OVS interface gre1", text);
        Assert.Contains("could not open network device gre1 (No such device)", text);
        Assert.Contains("options:remote_ip", text);
        Assert.Contains("$ ovs-vsctl list interface gre1", text);
        Assert.True(s.Window.OverlayVisible);
        s.Press(Key.Space);
        Assert.False(s.Window.OverlayVisible);
        Assert.Equal("ovs:br-tun/gre1/gre1", s.Window.CurrentPane.State.SelectedKey);
    }

    [Fact]
    public void Slash_filters_as_you_type_and_escape_clears()
    {
        using var s = new Screen(LabSnapshots.Lab());
        s.Press(new Key('/')).Type("br");
        var text = s.Text;
        Assert.True(s.Window.Filtering);
        Assert.Contains("Filter /", text);
        Assert.DoesNotContain("eth0", text);
        Assert.DoesNotContain("ovs-system", text);
        Assert.Contains("br-tun", text);
        Assert.Contains("6/11 rows", text);

        s.Press(Key.Esc);
        text = s.Text;
        Assert.False(s.Window.Filtering);
        Assert.Contains("eth0", text);
        Assert.Contains("11 rows", text);
    }

    [Fact]
    public void Enter_keeps_the_filter_and_returns_to_the_table()
    {
        using var s = new Screen(LabSnapshots.Lab());
        s.Press(new Key('/')).Type("veth").Press(Key.Enter, Key.CursorDown);
        Assert.False(s.Window.Filtering);
        Assert.Contains("Filter /veth", s.Text);
        Assert.Equal("veth2a", s.Window.CurrentPane.State.SelectedKey);
        Assert.Equal(5, s.Window.CurrentPane.Rows!.Count);
        s.Press(Key.Esc);
        Assert.Equal(11, s.Window.CurrentPane.Rows!.Count);
        Assert.Equal("veth2a", s.Window.CurrentPane.State.SelectedKey);
    }

    [Fact]
    public void S_sorts_by_the_next_column_and_shift_S_reverses()
    {
        using var s = new Screen(LabSnapshots.Lab());
        s.Press(Key.S, Key.Home);
        var lines = s.Lines;
        var header = Array.FindIndex(lines, l => l.Contains("Name ▲"));
        Assert.True(header > 0, "sorted column is marked ▲");
        Assert.Contains("br-tun", lines[header + 2]);
        s.Press(Key.S.WithShift, Key.Home);
        lines = s.Lines;
        header = Array.FindIndex(lines, l => l.Contains("Name ▼"));
        Assert.True(header > 0, "reversed column is marked ▼");
        Assert.Contains("vethd1", lines[header + 2]);
    }

    [Fact]
    public void Help_lists_every_key_of_the_keymap()
    {
        using var s = new Screen(LabSnapshots.Lab(), width: 124, height: 44);
        s.Press(Key.F1);
        var text = s.Text;
        Assert.Contains("Help: keys", text);
        foreach (var e in KeyMap.Default.Entries)
        {
            Assert.Contains(e.KeyText, text);
            if (e.Action != TuiAction.ShowView) Assert.Contains(e.Description, text);
        }
        s.Press(Key.Q); // any key closes help (and does not quit)
        Assert.DoesNotContain("Help: keys", s.Text);
        s.Press(new Key('?'));
        Assert.Contains("Help: keys", s.Text);
    }

    [Fact]
    public void Resize_to_80x24_keeps_header_and_status_bar()
    {
        using var s = new Screen(LabSnapshots.Lab(), width: 140, height: 45);
        Assert.Contains(s.Lines, l => l.Contains("statistics") || l.Contains("Interface lo"));
        s.Resize(80, 24);
        var lines = s.Lines;
        Assert.Equal(24, lines.Length);
        Assert.Contains("lab-host", lines[0]);
        Assert.Contains("iproute2 ok", lines[1]);
        Assert.Contains("Quit", lines[23]);
        Assert.Contains(lines, l => l.Contains("eth0"));
    }

    [Fact]
    public void Theme_key_cycles_dark_light_and_16_colours()
    {
        using var s = new Screen(LabSnapshots.Lab());
        Assert.Equal("dark", s.Window.Theme.Name);
        s.Press(Key.T);
        Assert.Equal("light", s.Window.Theme.Name);
        Assert.Contains("theme light", s.Text);
        s.Press(Key.T);
        Assert.Equal("16", s.Window.Theme.Name);
        Assert.Contains("lab-host", s.Text);
        s.Press(Key.T);
        Assert.Equal("dark", s.Window.Theme.Name);
    }
}
