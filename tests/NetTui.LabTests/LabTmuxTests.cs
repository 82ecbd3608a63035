using NetTui.Lab;

namespace NetTui.LabTests;

/// <summary>
/// The lab's terminal for full-screen programs: nmtui, NetworkManager's own TUI, runs in it
/// against the lab's private bus and shows the lab's profiles (a peer NetTui's TUI can be
/// compared with), and it runs inside the host's namespace.
/// </summary>
public sealed class LabTmuxTests
{
    [Fact]
    public async Task Nmtui_in_the_lab_terminal_lists_a_profile_of_the_labs_NetworkManager()
    {
        await using var host = await LabHost.CreateAsync();
        var nm = await LabNetworkManager.StartAsync(host);
        await nm.NmcliCheckedAsync("connection", "add", "type", "bridge", "ifname", "brlab", "con-name", "lab-bridge",
            "ipv4.method", "disabled", "ipv6.method", "disabled");

        var tmux = await LabTmux.StartAsync(host, ["nmtui", "edit"], nm.ClientEnvironment, width: 100, height: 30);
        var screen = await tmux.WaitForTextAsync("lab-bridge");
        Assert.Contains("Bridge", screen);
        Assert.NotNull(tmux.ServerPid);
        Assert.True(LabSignals.IsAlive(tmux.ServerPid.Value));

        await tmux.DisposeAsync();
        Assert.False(LabSignals.IsAlive(tmux.ServerPid.Value));
    }

    [Fact]
    public async Task A_program_in_the_lab_terminal_sees_the_hosts_namespace_and_gets_keys()
    {
        await using var host = await LabHost.CreateAsync();
        await host.CheckedAsync("ip", "link", "add", "brmark", "type", "bridge");
        var tmux = await LabTmux.StartAsync(host, ["sh"], width: 80, height: 24, name: "sh");

        await tmux.SendTextAsync("ip -o link show brmark; echo done-$((6*7))");
        await tmux.SendKeysAsync("Enter");
        var screen = await tmux.WaitForTextAsync("done-42");
        Assert.Contains("brmark", screen);
    }
}
