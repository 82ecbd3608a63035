using NetTui.Core.Operations;
using NetTui.Presentation;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.Input;

namespace NetTui.UiTests.Forms;

/// <summary>
/// `n` in Interfaces, Kind ↓ to "tunnel": the kernel GRE tunnel form (`ip link add NAME
/// type gre|gretap ...`) driven end to end with the keyboard.
/// </summary>
[Collection(UiCollection.Name)]
public class IpTunnelAddFormTests
{
    [Fact]
    public void N_in_interfaces_offers_bridge_or_tunnel_and_switches_the_form()
    {
        var (s, rec) = FormHarness.Open(ViewKind.Interfaces);
        using var _ = s;
        s.Press(Key.N);
        Assert.Contains("New Linux bridge", s.Text);
        Assert.Contains("↑↓: bridge tunnel", s.Text); // the Kind field's hint
        Assert.Contains("ip link add name br1 type bridge", s.Text);

        s.Press(Key.CursorDown); // Kind: bridge → tunnel
        var screen = s.Text;
        Assert.Contains("New GRE tunnel (ip tunnel)", screen);
        Assert.DoesNotContain("New Linux bridge", screen);
        Assert.Equal("tunnel", s.Window.Form!.Values()["kind"]);
        Assert.Equal("gre2", s.Window.Form.Values()["name"]); // gre0 and gre1 are OVS ports
        Assert.Contains("✗ remote:", screen); // the one field without a default
        Assert.Contains("(fix the fields above to see the commands)", screen);

        s.Press(Key.CursorUp); // back to bridge
        Assert.Contains("New Linux bridge", s.Text);
        Assert.Empty(rec.Applied);
    }

    [Fact]
    public void What_was_typed_survives_switching_the_kind()
    {
        var (s, _) = FormHarness.Open(ViewKind.Interfaces);
        using var __ = s;
        s.Press(Key.N, Key.Tab).ClearField().Type("uplink7");
        s.Press(Key.Tab, Key.Tab, Key.Tab, Key.CursorDown); // Tab wraps back to Kind; ↓ = tunnel
        Assert.Contains("New GRE tunnel", s.Text);
        Assert.Equal("uplink7", s.Window.Form!.Values()["name"]);
    }

    [Fact]
    public void Tunnel_form_validates_each_field_previews_and_applies()
    {
        var (s, rec) = FormHarness.Open(ViewKind.Interfaces);
        using var _ = s;
        s.Press(Key.N, Key.CursorDown, Key.Tab); // tunnel form, on Name

        s.ClearField().Type("gre0;reboot");
        Assert.Contains("✗ name:", s.Text);
        s.ClearField().Type(FormHarness.SixteenBytes);
        Assert.Contains("✗ name:", s.Text);
        Assert.Contains("longer than 15 bytes", s.Text);
        s.ClearField().Type("gre7");
        Assert.DoesNotContain("✗ name:", s.Text);

        s.Press(Key.Tab, Key.CursorDown); // Mode: gre → gretap
        Assert.Equal("gretap", s.Window.Form!.Values()["mode"]);

        s.Press(Key.Tab).Type("300.1.1.1");
        Assert.Contains("✗ remote:", s.Text);
        s.ClearField().Type("10.0.2.15");
        Assert.Contains("✗ remote:", s.Text); // an address of this host, not the peer's
        s.ClearField().Type("10.10.0.9");
        Assert.DoesNotContain("✗ remote:", s.Text);
        s.Press(Key.Tab.WithShift, Key.Tab.WithShift).ClearField().Type("eth0"); // back to Name: host checks run once the fields parse
        Assert.Contains("✗ name:", s.Text);
        Assert.Contains("exists", s.Text);
        s.ClearField().Type("gre7");
        s.Press(Key.Tab, Key.Tab);

        s.Press(Key.Tab).Type("192.0.2.1");
        Assert.Contains("✗ local:", s.Text); // not an address of this host
        s.ClearField().Type("10.0.2.15");

        s.Press(Key.Tab).Type("k42");
        Assert.Contains("✗ key:", s.Text);
        s.ClearField().Type("42");

        s.Press(Key.Tab).Type("300");
        Assert.Contains("✗ ttl:", s.Text);
        s.ClearField().Type("64");

        var screen = s.Text;
        Assert.DoesNotContain("✗", screen);
        Assert.Contains("ip link add name gre7 type gretap remote 10.10.0.9 local 10.0.2.15 key 42 ttl 64", screen);
        Assert.Contains("ip link set dev gre7 up", screen);
        Assert.Empty(rec.Applied);

        s.Press(Key.Enter);
        Assert.Equal([new CreateIpTunnel("gre7", "gretap", "10.10.0.9", "10.0.2.15", "42", "64")], rec.Applied);
        Assert.Contains("✓ applied: create gretap tunnel gre7 to 10.10.0.9 from 10.0.2.15, key 42, ttl 64", s.Text);
        ScreenCapture.Check("form-tunnel-add.txt", s.Text);
        s.Press(Key.Enter);
        Assert.False(s.Window.FormOpen);
    }

    [Fact]
    public void A_bad_value_is_not_applied_and_the_result_line_says_why()
    {
        var (s, rec) = FormHarness.Open(ViewKind.Interfaces);
        using var _ = s;
        s.Press(Key.N, Key.CursorDown, Key.Tab, Key.Tab, Key.Tab).Type("300.1.1.1");
        s.Press(Key.Enter);
        Assert.Empty(rec.Applied);
        Assert.Contains("not applied: remote:", s.Text);
        Assert.True(s.Window.FormOpen);
    }

    [Fact]
    public void Help_lists_the_tunnel_and_docker_forms()
    {
        using var s = new Screen(NetTui.UiTests.Fixtures.LabSnapshots.Lab(), 120, 50);
        s.Press(Key.F1);
        Assert.Contains("new: bridge/GRE tunnel", s.Text);
        Assert.Contains("Docker's default bridge (Containers)", s.Text);
        Assert.Contains("Docker's bridge (Containers, Bridges)", s.Text);
    }
}
