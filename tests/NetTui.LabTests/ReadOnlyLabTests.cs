using NetTui.Lab;

namespace NetTui.LabTests;

/// <summary>
/// The real binary with --read-only against a lab host: complete, valid change verbs are each
/// refused with one line and exit 2, and the host's links, addresses and routes are as before.
/// </summary>
public sealed class ReadOnlyLabTests
{
    [Fact]
    public async Task Read_only_refuses_every_change_verb_and_nothing_changes()
    {
        await using var host = await LabHost.CreateAsync();
        await host.CheckedAsync("ip", "link", "add", "ro0", "type", "veth", "peer", "name", "ro1");
        await host.CheckedAsync("ip", "addr", "add", "10.30.0.1/24", "dev", "ro0");
        await host.CheckedAsync("ip", "link", "set", "ro0", "up");
        string[][] verbs =
        [
            ["bridge", "add", "rob0"],
            ["address", "add", "ro0", "10.30.1.1/24"],
            ["link", "set", "ro0", "mtu", "1400"],
            ["route", "add", "10.99.0.0/16", "--dev", "ro0"],
            ["ovs", "bridge", "add", "robr"],
            ["undo"],
        ];
        var before = await StateAsync(host);
        foreach (var verb in verbs)
        {
            var r = await NettuiCli.RunAsync(host.StateDir, new Dictionary<string, string>(), ["--read-only", .. verb, "--netns", host.Name]);
            Assert.True(r.ExitCode == 2, $"{string.Join(' ', verb)}: exit {r.ExitCode}: {r.StandardError}");
            Assert.Equal("", r.StandardOutput);
            var line = Assert.Single(r.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("--read-only", line);
        }
        Assert.Equal(before, await StateAsync(host));
        // The reading verbs still answer.
        var show = await NettuiCli.RunAsync(host.StateDir, new Dictionary<string, string>(), "--read-only", "show", "links", "--netns", host.Name);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("ro0", show.StandardOutput);
    }

    private static async Task<string> StateAsync(LabHost host) =>
        (await host.CheckedAsync("ip", "-o", "link", "show")).StandardOutput
        + (await host.CheckedAsync("ip", "-o", "addr", "show")).StandardOutput
        + (await host.CheckedAsync("ip", "route", "show", "table", "all")).StandardOutput;
}
