using NetTui.Core.Operations;
using NetTui.Presentation;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.Input;

namespace NetTui.UiTests.Forms;

/// <summary>`a` in Interfaces: add an address to the selected interface (the seed's `ifconfig docker0 ...`).</summary>
[Collection(UiCollection.Name)]
public class AddressAddFormTests
{
    [Fact]
    public void Add_address_validates_previews_and_applies()
    {
        var (s, rec) = FormHarness.Open(ViewKind.Interfaces);
        using var _ = s;
        Assert.True(s.Window.CurrentPane.Select("docker0"));
        s.Press(Key.A);
        Assert.Contains("Add an address", s.Text);
        Assert.Equal("docker0", s.Window.Form!.Values()["interface"]); // the selection is picked

        s.Press(Key.Tab).Type("300.1.1.1/24");
        Assert.Contains("✗ address:", s.Text);
        Assert.DoesNotContain("ip addr add", s.Text);
        s.ClearField().Type("192.168.50.1/24");
        Assert.Contains("✗ address:", s.Text); // br0 has it already
        s.ClearField().Type("192.168.40.100/24");
        var screen = s.Text;
        Assert.DoesNotContain("✗", screen);
        Assert.Contains("ip addr add 192.168.40.100/24 dev docker0", screen);
        Assert.Contains("ifconfig", screen); // the classic equivalent as a comment

        s.Press(Key.Enter);
        Assert.Equal([new AddAddress("docker0", "192.168.40.100/24")], rec.Applied);
        Assert.Contains("✓ applied: ", s.Text);
    }

    [Fact]
    public void Bad_interface_names_are_refused_under_the_interface_field()
    {
        var (s, rec) = FormHarness.Open(ViewKind.Interfaces);
        using var _ = s;
        Assert.True(s.Window.CurrentPane.Select("eth0"));
        s.Press(Key.A).ClearField().Type("eth0;reboot");
        Assert.Contains("✗ interface:", s.Text);
        s.ClearField().Type(FormHarness.SixteenBytes);
        Assert.Contains("longer than 15 bytes", s.Text);
        s.ClearField().Type("$(id)");
        Assert.Contains("✗ interface:", s.Text);
        s.Press(Key.Tab).Type("192.168.40.100/24");
        s.Press(Key.Enter);
        Assert.Empty(rec.Applied);
        Assert.Contains("not applied: interface:", s.Text);
    }
}
