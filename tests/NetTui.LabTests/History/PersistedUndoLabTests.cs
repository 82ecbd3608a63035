using NetTui.Lab;
using NetTui.LabTests.Persistence;

namespace NetTui.LabTests.History;

/// <summary>
/// Undo of a change that NetTui persisted through NetworkManager (a lab NetworkManager on a
/// private bus) also undoes its persistence: the journaled inverse is itself persisted, so the
/// profile goes with the bridge and nothing comes back at the next start.
/// </summary>
public sealed class PersistedUndoLabTests
{
    [Fact]
    public async Task Undo_of_a_persisted_bridge_removes_its_profile_too()
    {
        await using var lab = await PersistLab.CreateAsync();
        var env = new Dictionary<string, string> { ["DBUS_SYSTEM_BUS_ADDRESS"] = lab.Nm.BusAddress };
        string[] common = ["--netns", lab.Host.Name, "--history", Path.Combine(lab.Host.StateDir, "h.db")];
        var keyfile = Path.Combine(lab.Nm.KeyfileDir, "nettui-br0.nmconnection");

        var add = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["bridge", "add", "br0", "--address", "192.168.50.1/24", .. common]);
        Assert.True(add.Succeeded, add.StandardOutput + add.StandardError);
        Assert.Contains("persistent", add.StandardOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(keyfile), "NetworkManager should have saved the profile");

        var undo = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["undo", "--yes", .. common]);
        Assert.True(undo.Succeeded, undo.StandardOutput + undo.StandardError);
        await LabWait.UntilAsync("br0 and its profile to be gone", async () =>
            !File.Exists(keyfile) && !(await lab.Host.RunAsync("ip", "link", "show", "br0")).Succeeded, TimeSpan.FromSeconds(30));

        var redo = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["redo", "--yes", .. common]);
        Assert.True(redo.Succeeded, redo.StandardOutput + redo.StandardError);
        Assert.True(File.Exists(keyfile), "redo brings the profile back");
    }
}
