using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Persisting;
using NetTui.Presentation;
using NetTui.UiTests.Fixtures;
using NetTui.UiTests.Infrastructure;
using Terminal.Gui.Input;

namespace NetTui.UiTests.Forms;

/// <summary>
/// `n` in Bridges with the session's persistence (docs/persistence.md): with NetworkManager the
/// form previews the profile and its D-Bus steps and applies a PersistedOperation; without it (or
/// with --runtime-only) it says LOST AT REBOOT before Apply and applies the bare operation.
/// </summary>
[Collection(UiCollection.Name)]
public class PersistedBridgeFormTests
{
    private static HostSnapshot WithNetworkManager() =>
        LabSnapshots.Lab() with { NetworkManager = new NetworkManagerState(true, null, "1.42.4", []) };

    private static void FillBridge(Screen s)
    {
        s.Press(Key.N);
        Assert.Contains("New Linux bridge", s.Text);
        s.ClearField().Type("br7");
        s.Press(Key.Tab).Type("192.168.77.1/24");
    }

    [Fact]
    public void With_NetworkManager_the_preview_names_the_profile_and_its_steps_and_Apply_records_a_persisted_operation()
    {
        var (s, rec) = FormHarness.Open(ViewKind.Bridges, WithNetworkManager());
        using var _ = s;
        s.Window.Persistence = new PersistenceMode(false, null);
        FillBridge(s);
        var lines = s.Lines;
        var title = Array.FindIndex(lines, l => l.Contains("Commands that Apply runs:", StringComparison.Ordinal));
        Assert.True(title >= 0, s.Text);
        // The label is the preview's first line.
        Assert.Contains("# persistent: NetworkManager profile nettui-br7, saved to disk", lines[title + 1]);
        var screen = s.Text;
        Assert.Contains("NetworkManager: save profile nettui-br7 (bridge br7) to disk", screen);
        Assert.Contains("# nmcli connection add type bridge ifname br7 con-name nettui-br7", screen);
        Assert.Contains("NetworkManager: activate profile nettui-br7", screen);
        Assert.Contains("nmcli connection up nettui-br7", screen);
        Assert.Contains("ipv4.address-data", screen); // the profile's settings are listed
        Assert.DoesNotContain("ip link add", screen);
        Assert.DoesNotContain("LOST AT REBOOT", screen);

        s.Press(Key.Enter);
        var applied = Assert.IsType<PersistedOperation>(Assert.Single(rec.Applied));
        Assert.Equal(new CreateBridge("br7", "192.168.77.1/24"), applied.Inner);
        Assert.False(applied.RuntimeOnly);
        Assert.Contains("✓ applied: ", s.Text);
    }

    [Fact]
    public void Without_NetworkManager_the_form_says_lost_at_reboot_and_applies_the_bare_operation()
    {
        var (s, rec) = FormHarness.Open(ViewKind.Bridges);
        using var _ = s;
        s.Window.Persistence = new PersistenceMode(false, "NetworkManager is not running (no owner of org.freedesktop.NetworkManager on the system bus)");
        FillBridge(s);
        var lines = s.Lines;
        var title = Array.FindIndex(lines, l => l.Contains("Commands that Apply runs:", StringComparison.Ordinal));
        Assert.Contains("# runtime only: LOST AT REBOOT (NetworkManager is not available: NetworkManager is not running", lines[title + 1]);
        Assert.Contains("ip link add name br7 type bridge", s.Text);
        Assert.DoesNotContain("nmcli", s.Text);

        s.Press(Key.Enter);
        Assert.Equal([new CreateBridge("br7", "192.168.77.1/24")], rec.Applied);
    }

    [Fact]
    public void Runtime_only_says_lost_at_reboot_even_when_NetworkManager_runs()
    {
        var (s, rec) = FormHarness.Open(ViewKind.Bridges, WithNetworkManager());
        using var _ = s;
        s.Window.Persistence = new PersistenceMode(true, null);
        FillBridge(s);
        var lines = s.Lines;
        var title = Array.FindIndex(lines, l => l.Contains("Commands that Apply runs:", StringComparison.Ordinal));
        Assert.Contains("# runtime only: LOST AT REBOOT (--runtime-only was asked)", lines[title + 1]);
        Assert.Contains("ip link add name br7 type bridge", s.Text);
        Assert.DoesNotContain("NetworkManager: save profile", s.Text);

        s.Press(Key.Enter);
        Assert.Equal([new CreateBridge("br7", "192.168.77.1/24")], rec.Applied);
    }
}
