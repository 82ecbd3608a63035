using NetTui.Lab;

namespace NetTui.LabTests.Persistence;

/// <summary>
/// Undo of a persisted change, made and undone through the journaled CLI (the real program,
/// a temporary history database, NetworkManager on the lab's private bus), then the honest
/// reboot: NetworkManager stops, the namespace goes, both come back with the same keyfile
/// directory. What boot builds must match the undo, not the change it undid.
/// </summary>
public sealed class PersistedUndoRebootTests
{
    [Fact]
    public async Task Undone_bridge_add_does_not_come_back_after_reboot_and_its_profile_is_gone()
    {
        await using var lab = await PersistLab.CreateAsync();
        var (env, common) = Cli(lab);
        var keyfile = Path.Combine(lab.Nm.KeyfileDir, "nettui-brx.nmconnection");

        var add = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["bridge", "add", "brx", "--address", "192.168.61.1/24", .. common]);
        Assert.True(add.Succeeded, add.StandardOutput + add.StandardError);
        Assert.Contains("persistent", add.StandardOutput, StringComparison.Ordinal);
        Assert.True(await lab.ProfileExistsAsync("nettui-brx"), "nmcli should see the profile NetTui saved");

        var undo = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["undo", "--yes", .. common]);
        Assert.True(undo.Succeeded, undo.StandardOutput + undo.StandardError);
        await LabWait.UntilAsync("brx and its keyfile to be gone", async () =>
            !File.Exists(keyfile) && !(await lab.Host.RunAsync("ip", "link", "show", "brx")).Succeeded, TimeSpan.FromSeconds(30));

        await lab.RebootAsync();
        // NetworkManager is up again and has read its keyfiles: nmcli answers and lists no profile for brx.
        await LabWait.UntilAsync("NetworkManager to answer nmcli after the reboot", async () =>
            (await lab.Nm.NmcliAsync("-t", "-f", "NAME", "connection", "show")).Succeeded, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken); // time to activate anything it would
        Assert.False(await lab.ProfileExistsAsync("nettui-brx"), "the undone profile must not exist after the reboot");
        Assert.DoesNotContain("brx", (await lab.Nm.NmcliCheckedAsync("-t", "-f", "DEVICE", "connection", "show")).StandardOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(keyfile), "no keyfile for brx after the reboot");
        Assert.False((await lab.Host.RunAsync("ip", "link", "show", "brx")).Succeeded, "an undone bridge must not come back at boot");
    }

    [Fact]
    public async Task Undone_bridge_delete_brings_the_bridge_back_with_its_address_after_reboot()
    {
        await using var lab = await PersistLab.CreateAsync();
        var (env, common) = Cli(lab);
        var keyfile = Path.Combine(lab.Nm.KeyfileDir, "nettui-bry.nmconnection");

        var add = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["bridge", "add", "bry", "--address", "192.168.62.1/24", .. common]);
        Assert.True(add.Succeeded, add.StandardOutput + add.StandardError);
        var del = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["bridge", "del", "bry", .. common]);
        Assert.True(del.Succeeded, del.StandardOutput + del.StandardError);
        await LabWait.UntilAsync("bry and its profile to be gone", async () =>
            !await lab.ProfileExistsAsync("nettui-bry") && !(await lab.Host.RunAsync("ip", "link", "show", "bry")).Succeeded, TimeSpan.FromSeconds(30));

        var undo = await NettuiCli.RunAsync(lab.Host.StateDir, env, ["undo", "--yes", .. common]);
        Assert.True(undo.Succeeded, undo.StandardOutput + undo.StandardError);
        await lab.WaitForAddressAsync("bry", "192.168.62.1/24");
        var shown = await lab.NmcliShowAsync("nettui-bry", "connection.type,connection.interface-name,ipv4.addresses");
        Assert.Equal("bridge", shown["connection.type"]);
        Assert.Equal("bry", shown["connection.interface-name"]);
        Assert.Equal("192.168.62.1/24", shown["ipv4.addresses"]);

        await lab.RebootAsync();
        await lab.WaitForAddressAsync("bry", "192.168.62.1/24");
        Assert.True(await lab.ProfileExistsAsync("nettui-bry"), "the restored profile is there after the reboot");
        Assert.True(File.Exists(keyfile) || Directory.EnumerateFiles(lab.Nm.KeyfileDir).Any(f => File.ReadAllText(f).Contains("interface-name=bry", StringComparison.Ordinal)),
            "the restored profile is saved to disk");
    }

    private static (Dictionary<string, string> Env, string[] Common) Cli(PersistLab lab) =>
        (new Dictionary<string, string> { ["DBUS_SYSTEM_BUS_ADDRESS"] = lab.Nm.BusAddress },
         ["--netns", lab.Host.Name, "--history", Path.Combine(lab.Host.StateDir, "h.db")]);
}
