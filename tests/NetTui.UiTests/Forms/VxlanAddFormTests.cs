using NetTui.Core.Operations;
using NetTui.Presentation;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.Input;

namespace NetTui.UiTests.Forms;

/// <summary>
/// `n` in Interfaces, Kind ↓↓ to "vxlan": the kernel VXLAN form (`ip link add NAME type vxlan
/// id VNI remote R ... dstport P`) driven end to end with the keyboard, and `d` on a VXLAN.
/// </summary>
[Collection(UiCollection.Name)]
public class VxlanAddFormTests
{
    [Fact]
    public void Vxlan_form_validates_each_field_previews_and_applies()
    {
        var (s, rec) = FormHarness.Open(ViewKind.Interfaces);
        using var _ = s;
        s.Press(Key.N, Key.CursorDown, Key.CursorDown); // Kind: bridge → tunnel → vxlan
        Assert.Contains("New VXLAN device", s.Text);
        Assert.Equal("vxlan", s.Window.Form!.Values()["kind"]);
        Assert.Contains("✗ vni:", s.Text); // the one field without a default

        s.Press(Key.Tab).ClearField().Type("vx;reboot");
        Assert.Contains("✗ name:", s.Text);
        s.ClearField().Type("vxlan7");

        s.Press(Key.Tab).Type("0");
        Assert.Contains("✗ vni:", s.Text);
        Assert.Contains("out of range (1-16777215)", s.Text);
        s.ClearField().Type("42");
        Assert.DoesNotContain("✗ vni:", s.Text);

        s.Press(Key.Tab).Type("10.0.2.15");
        Assert.Contains("✗ remote:", s.Text); // this host's own address, not the peer's
        s.ClearField().Type("10.10.0.9");
        Assert.DoesNotContain("✗ remote:", s.Text);

        s.Press(Key.Tab).Type("10.1.1.1"); // group: not multicast
        Assert.Contains("✗", s.Text);
        s.ClearField();

        s.Press(Key.Tab).Type("10.0.2.15"); // local

        s.Press(Key.Tab).ClearField().Type("70000");
        Assert.Contains("✗ dstport:", s.Text);
        s.ClearField().Type("4789");

        s.Press(Key.Tab, Key.Tab, Key.CursorUp); // past Underlay; Learning: on → off
        Assert.Equal("off", s.Window.Form!.Values()["learning"]);
        s.Press(Key.Tab).Type("1450");

        var screen = s.Text;
        Assert.DoesNotContain("✗", screen);
        Assert.Contains("ip link add name vxlan7 type vxlan id 42 remote 10.10.0.9 local 10.0.2.15 dstport 4789 nolearning", screen);
        Assert.Contains("ip link set dev vxlan7 mtu 1450", screen);
        Assert.Empty(rec.Applied);

        s.Press(Key.Enter);
        Assert.Equal([new CreateVxlan("vxlan7", "42", "10.10.0.9", null, "10.0.2.15", "4789", null, "1450") { Learning = false }], rec.Applied);
        Assert.Contains("✓ applied: create VXLAN vxlan7, VNI 42, to 10.10.0.9 from 10.0.2.15, port 4789, no learning, MTU 1450", s.Text);
        ScreenCapture.Check("form-vxlan-add.txt", s.Text);
    }

    [Fact]
    public void Ovs_view_offers_gre_or_vxlan_ports_and_the_vxlan_form_applies()
    {
        var (s, rec) = FormHarness.Open(ViewKind.OpenVSwitch);
        using var _ = s;
        s.Window.CurrentPane.Select("ovs:br-tun");
        s.Press(Key.A);
        Assert.Contains("New GRE port", s.Text);
        s.Press(Key.CursorDown); // Kind: gre → vxlan
        Assert.Contains("New VXLAN port", s.Text);
        s.Press(Key.Tab, Key.Tab, Key.Tab).Type("10.10.0.9");
        s.Press(Key.Tab, Key.Tab).Type("16777216");
        Assert.Contains("✗ vni:", s.Text);
        s.ClearField().Type("42");
        Assert.DoesNotContain("✗", s.Text);
        var port = s.Window.Form!.Values()["port"];
        Assert.Contains($"add-port br-tun {port} -- set interface {port} type=vxlan options:key=42 options:remote_ip=10.10.0.9", s.Text);
        s.Press(Key.Enter);
        Assert.Equal([new AddOvsVxlanPort("br-tun", port, "10.10.0.9", null, "42")], rec.Applied);
    }
}
