using NetTui.Core.Operations;
using NetTui.Presentation;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.Input;

namespace NetTui.UiTests.Forms;

/// <summary>`n` in Open vSwitch: a new OVS bridge with its datapath type.</summary>
[Collection(UiCollection.Name)]
public class OvsBridgeAddFormTests
{
    [Fact]
    public void New_ovs_bridge_validates_previews_and_applies()
    {
        var (s, rec) = FormHarness.Open(ViewKind.OpenVSwitch);
        using var _ = s;
        s.Press(Key.N);
        Assert.Contains("New Open vSwitch bridge", s.Text);
        Assert.Equal("obr0", s.Window.Form!.Values()["name"]);
        // Offered as this host runs it: its OVS bridges use the userspace datapath, so netdev first.
        Assert.Equal("netdev", s.Window.Form!.Values()["datapath"]);
        Assert.Contains("add-br obr0", s.Text);

        s.ClearField().Type("obr0;reboot");
        Assert.Contains("✗ name:", s.Text);
        Assert.DoesNotContain("add-br", s.Text);
        s.ClearField().Type(FormHarness.SixteenBytes);
        Assert.Contains("longer than 15 bytes", s.Text);
        s.ClearField().Type("br-tun");
        Assert.Contains("✗ name:", s.Text); // exists already
        s.ClearField().Type("obr7");
        var screen = s.Text;
        Assert.DoesNotContain("✗", screen);
        Assert.Contains("add-br obr7", screen);
        Assert.Contains("datapath_type=netdev", screen);

        s.Press(Key.Enter);
        Assert.Equal([new CreateOvsBridge("obr7", "netdev")], rec.Applied);
        Assert.Contains("✓ applied: ", s.Text);
    }

    [Fact]
    public void A_datapath_typed_by_hand_must_be_system_or_netdev()
    {
        var (s, rec) = FormHarness.Open(ViewKind.OpenVSwitch);
        using var _ = s;
        s.Press(Key.N, Key.Tab).ClearField().Type("dpdk");
        Assert.Contains("✗ datapath:", s.Text);
        s.Press(Key.Enter);
        Assert.Empty(rec.Applied);
    }
}
