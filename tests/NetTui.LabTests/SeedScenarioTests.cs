using NetTui.Lab;

namespace NetTui.LabTests;

/// <summary>
/// The seed's two-host layout works for real, and its failure reproduces: the fixture later
/// issues use to show that NetTui finds and fixes the broken GRE port.
/// </summary>
public sealed class SeedScenarioTests
{
    [Fact]
    public async Task With_a_typed_gre_port_the_containers_ping_across_the_tunnel_at_1400_bytes_with_df()
    {
        await using var s = await SeedScenario.BuildAsync();

        var ping = await s.PingAcrossAsync();
        Assert.True(ping.Succeeded, ping.StandardOutput + ping.StandardError);
        var big = await s.PingAcrossAsync(size: 1400);
        Assert.True(big.Succeeded, big.StandardOutput + big.StandardError);

        foreach (var side in new[] { s.A, s.B })
        {
            Assert.Equal("gre", (await side.Ovs.VsctlCheckedAsync("get", "interface", SeedScenario.GrePort, "type")).StandardOutput.Trim());
            Assert.Equal("[]", (await side.Ovs.VsctlCheckedAsync("get", "interface", SeedScenario.GrePort, "error")).StandardOutput.Trim());
            // obr0's internal tap is a port of the Linux bridge, as in the seed.
            var obr0 = Assert.Single(await side.Host.IpJsonAsync("link", "show", "dev", SeedScenario.OvsBridgeName));
            Assert.Equal(SeedScenario.LinuxBridge, (string?)obr0!["master"]);
        }
    }

    [Fact]
    public async Task With_the_seeds_untyped_gre_port_the_interface_has_an_error_and_nothing_passes()
    {
        await using var s = await SeedScenario.BuildAsync(brokenGre: true);

        await LabWait.UntilAsync("the error column of gre0", async () =>
            (await s.A.Ovs.VsctlAsync("get", "interface", SeedScenario.GrePort, "error")).StandardOutput.Trim() != "[]", TimeSpan.FromSeconds(20));
        var error = (await s.A.Ovs.VsctlCheckedAsync("get", "interface", SeedScenario.GrePort, "error")).StandardOutput;
        Assert.Contains("could not open network device gre0", error);
        var ping = await s.PingAcrossAsync(tries: 2);
        Assert.False(ping.Succeeded);
    }
}
