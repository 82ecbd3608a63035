using NetTui.Core.Operations;
using NetTui.Presentation;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.Input;

namespace NetTui.UiTests.Forms;

/// <summary>`x` in Interfaces on an interface that is neither a bridge nor a port: remove one of its addresses.</summary>
[Collection(UiCollection.Name)]
public class AddressDelFormTests
{
    [Fact]
    public void Remove_address_picks_the_interfaces_address_and_applies_on_confirm()
    {
        var (s, rec) = FormHarness.Open(ViewKind.Interfaces);
        using var _ = s;
        Assert.True(s.Window.CurrentPane.Select("vethB"));
        s.Press(Key.X);
        var screen = s.Text;
        Assert.Contains("Remove an address from vethB", screen);
        Assert.Equal("192.168.50.7/24", s.Window.Form!.Values()["address"]);
        Assert.Contains("ip addr del 192.168.50.7/24 dev vethB", screen);
        Assert.Contains("Remove", screen);
        Assert.Empty(rec.Applied);

        s.Press(Key.Enter);
        Assert.Equal([new RemoveAddress("vethB", "192.168.50.7/24")], rec.Applied);
        Assert.Contains("✓ applied: ", s.Text);
    }

    [Fact]
    public void Addresses_that_are_not_there_or_not_addresses_are_refused()
    {
        var (s, rec) = FormHarness.Open(ViewKind.Interfaces);
        using var _ = s;
        Assert.True(s.Window.CurrentPane.Select("eth0"));
        s.Press(Key.X, Key.Tab).ClearField().Type("300.1.1.1/24");
        Assert.Contains("✗ address:", s.Text);
        s.ClearField().Type("10.9.9.9/24");
        Assert.Contains("✗ address:", s.Text); // not on eth0
        s.ClearField().Type("10.0.2.15/24");
        Assert.DoesNotContain("✗", s.Text);
        s.Press(Key.Tab).ClearField().Type("br0;reboot");
        Assert.Contains("✗ interface:", s.Text);
        s.Press(Key.Enter);
        Assert.Empty(rec.Applied);
        Assert.Contains("not applied: interface:", s.Text);
    }
}
