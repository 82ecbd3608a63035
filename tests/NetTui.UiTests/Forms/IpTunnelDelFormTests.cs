using NetTui.Core.Operations;
using NetTui.Presentation;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.Input;

namespace NetTui.UiTests.Forms;

/// <summary>`x` / Delete on a gre or gretap link in Interfaces: deleting a kernel tunnel, asked first.</summary>
[Collection(UiCollection.Name)]
public class IpTunnelDelFormTests
{
    [Fact]
    public void Delete_asks_first_lists_what_goes_with_it_and_applies_on_confirm()
    {
        var (s, rec) = FormHarness.Open(ViewKind.Interfaces, FormHarness.LabWithIpTunnels());
        using var _ = s;
        Assert.True(s.Window.CurrentPane.Select("gre5"));
        s.Press(Key.X);
        var screen = s.Text;
        Assert.Contains("Delete GRE tunnel gre5", screen);
        Assert.Contains("ip link del dev gre5", screen);
        Assert.Contains("This also goes with it:", screen);
        Assert.Contains("route 10.88.0.0/16 through gre5 is removed", screen);
        Assert.Contains("Delete", screen);
        s.Press(Key.Esc);
        Assert.False(s.Window.FormOpen);
        Assert.Empty(rec.Applied); // Esc: nothing happened

        s.Press(Key.Delete); // the other key for it
        Assert.Contains("Delete GRE tunnel gre5", s.Text);
        s.Press(Key.Enter);
        Assert.Equal([new DeleteIpTunnel("gre5")], rec.Applied);
        Assert.Contains("✓ applied: delete tunnel gre5", s.Text);
    }

    [Fact]
    public void A_gretap_bridge_port_says_it_leaves_the_bridge()
    {
        var (s, _) = FormHarness.Open(ViewKind.Interfaces, FormHarness.LabWithIpTunnels());
        using var __ = s;
        Assert.True(s.Window.CurrentPane.Select("gtap1"));
        s.Press(Key.X);
        Assert.Contains("Delete GRE tunnel gtap1", s.Text); // not "Detach": the tunnel itself goes
        Assert.Contains("gtap1 leaves bridge br0", s.Text);
    }

    [Fact]
    public void Bad_names_and_a_tunnel_that_could_not_be_undone_are_refused()
    {
        var (s, rec) = FormHarness.Open(ViewKind.Interfaces, FormHarness.LabWithIpTunnels());
        using var _ = s;
        Assert.True(s.Window.CurrentPane.Select("gre9"));
        s.Press(Key.X);
        Assert.Contains("✗ name: the tunnel parameters of gre9 are unknown", s.Text);
        Assert.DoesNotContain("ip link del", s.Text);

        s.ClearField().Type("gre5;reboot");
        Assert.Contains("✗ name:", s.Text);
        s.ClearField().Type(FormHarness.SixteenBytes);
        Assert.Contains("longer than 15 bytes", s.Text);
        s.ClearField().Type("eth0");
        Assert.Contains("✗ name: eth0 is", s.Text);
        Assert.Contains("not a gre/gretap tunnel", s.Text);
        s.Press(Key.Enter);
        Assert.Empty(rec.Applied);
        Assert.Contains("not applied: name:", s.Text);

        s.ClearField().Type("gre");
        s.Press(Key.CursorDown); // the picker offers the host's tunnels
        Assert.Contains(s.Window.Form!.Values()["name"], new[] { "gre5", "gtap1", "gre9" });
    }
}
