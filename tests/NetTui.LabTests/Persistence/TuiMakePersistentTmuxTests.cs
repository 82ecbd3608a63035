using NetTui.Lab;

namespace NetTui.LabTests.Persistence;

/// <summary>
/// The real full-screen UI in tmux against a lab namespace with NetworkManager on its private
/// bus: a `brctl addbr` bridge shows as `lost` and in the Drift view; `p` there opens the
/// make-persistent form, which previews the NetworkManager steps; Enter applies it through the
/// TUI's own (journaled) change path, NetworkManager (checked with nmcli) holds the profile
/// after, and `nettui undo` takes it away again.
/// </summary>
public sealed class TuiMakePersistentTmuxTests
{
    [Fact]
    public async Task P_in_the_Drift_view_makes_a_brctl_bridge_persistent_through_NetworkManager()
    {
        await using var lab = await PersistLab.CreateAsync();
        await lab.Host.CheckedAsync("brctl", "addbr", "brt");
        await lab.Host.CheckedAsync("ip", "addr", "add", "192.168.65.1/24", "dev", "brt");
        await lab.Host.CheckedAsync("ip", "link", "set", "brt", "up");

        var env = NettuiCli.Environment(lab.Host.StateDir, new Dictionary<string, string> { ["DBUS_SYSTEM_BUS_ADDRESS"] = lab.Nm.BusAddress });
        var tmux = await LabTmux.StartAsync(lab.Host, [.. NettuiCli.Command, "--netns", lab.Host.Name], env, width: 140, height: 40);

        await tmux.WaitForTextAsync("NetworkManager ok", TimeSpan.FromSeconds(60));
        await LabWait.UntilAsync("brt to show as lost in the Boot column", async () =>
            (await tmux.ScreenAsync()).Split('\n').Any(l => l.Contains("brt", StringComparison.Ordinal) && l.Contains("lost", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200));

        await tmux.SendKeysAsync("7");
        await tmux.WaitForTextAsync("runtime bridge");
        await tmux.SendKeysAsync("p");
        var form = await tmux.WaitForTextAsync("Make brt persistent");
        Assert.Contains("NetworkManager:", form, StringComparison.Ordinal); // the D-Bus steps, before Apply
        Assert.Contains("nettui-brt", form, StringComparison.Ordinal);
        Assert.False(await lab.ProfileExistsAsync("nettui-brt"), "nothing may change before Apply");

        await tmux.SendKeysAsync("Enter");
        await tmux.WaitForTextAsync("✓", TimeSpan.FromSeconds(60));
        var shown = await lab.NmcliShowAsync("nettui-brt", "connection.type,connection.interface-name,ipv4.addresses");
        Assert.Equal("bridge", shown["connection.type"]);
        Assert.Equal("brt", shown["connection.interface-name"]);
        Assert.Equal("192.168.65.1/24", shown["ipv4.addresses"]);

        await tmux.SendKeysAsync("Enter"); // closes the form after Apply
        await tmux.SendKeysAsync("1");
        await tmux.WaitForTextAsync("NM:nettui-brt", TimeSpan.FromSeconds(30));

        // The TUI journaled it like the CLI does: `nettui undo` forgets the profile again.
        var undo = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["undo", "--yes", "--netns", lab.Host.Name]);
        Assert.True(undo.Succeeded, undo.StandardOutput + undo.StandardError);
        await LabWait.UntilAsync("the profile nettui-brt to be gone after undo", async () => !await lab.ProfileExistsAsync("nettui-brt"), TimeSpan.FromSeconds(30));
    }
}
