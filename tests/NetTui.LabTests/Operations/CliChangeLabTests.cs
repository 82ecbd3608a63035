using System.Text.Json.Nodes;

namespace NetTui.LabTests.Operations;

/// <summary>The change verbs as a separate `nettui` process against a lab namespace: exit codes, --dry-run, --json.</summary>
public sealed class CliChangeLabTests
{
    private static Task<Lab.ExecResult> Nettui(OpsLab lab, params string[] args) =>
        NettuiCli.RunAsync(lab.Host.StateDir, new Dictionary<string, string>(), [.. args, "--netns", lab.Host.Name]);

    [Fact]
    public async Task Exit_codes_dry_run_and_json()
    {
        await using var lab = await OpsLab.CreateAsync();
        var before = await lab.ReadAsync();

        // 2: refused, one line naming the field, nothing changed.
        var bad = await Nettui(lab, "bridge", "add", "br0;reboot");
        Assert.Equal(2, bad.ExitCode);
        Assert.StartsWith("nettui: name: ", bad.StandardError, StringComparison.Ordinal);
        var badCidr = await Nettui(lab, "address", "add", "lo", "300.1.1.1/24");
        Assert.Equal(2, badCidr.ExitCode);
        Assert.Contains("address: ", badCidr.StandardError, StringComparison.Ordinal);

        // 0 and nothing changed: --dry-run prints the exact commands.
        var dry = await Nettui(lab, "bridge", "add", "br0", "--address", "192.168.100.1/24", "--dry-run");
        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("ip link add name br0 type bridge stp_state 0", dry.StandardOutput, StringComparison.Ordinal);
        SnapshotShape.Equal(before, await lab.ReadAsync(), "dry run");

        // 0: applied and verified, JSON for scripts.
        var add = await Nettui(lab, "bridge", "add", "br0", "--address", "192.168.100.1/24", "--json");
        Assert.True(add.ExitCode == 0, add.StandardError + add.StandardOutput);
        var json = JsonNode.Parse(add.StandardOutput)!;
        Assert.Equal("applied", (string?)json["outcome"]);
        Assert.Equal("bridge.del", (string?)json["operations"]![0]!["inverse"]!["op"]);
        Assert.Equal("192.168.100.1", (string?)(await lab.Host.IpJsonAsync("addr", "show", "dev", "br0"))[0]!["addr_info"]![0]!["local"]);

        // 2: exists already.
        var again = await Nettui(lab, "bridge", "add", "br0");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already exists", again.StandardError, StringComparison.Ordinal);

        // 1: the kernel refuses (no ip_gre here) and nothing is left half-done.
        var mid = await lab.ReadAsync();
        var tunnel = await Nettui(lab, "tunnel", "add", "gre1", "--mode", "gre", "--remote", "10.9.9.9");
        if (tunnel.ExitCode == 1)
        {
            Assert.Contains("failed", tunnel.StandardError, StringComparison.Ordinal);
            SnapshotShape.Equal(mid, await lab.ReadAsync(), "failed tunnel");
        }
        else Assert.Equal(0, tunnel.ExitCode); // a kernel with ip_gre

        Assert.Equal(0, (await Nettui(lab, "bridge", "del", "br0")).ExitCode);
    }
}
