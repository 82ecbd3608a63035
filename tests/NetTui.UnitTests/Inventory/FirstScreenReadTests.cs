using NetTui.Host.Inventory;

namespace NetTui.UnitTests.Inventory;

/// <summary>
/// The TUI's first screen (links and bridges) asks nothing of OVS, Docker or NetworkManager:
/// a hung ovsdb-server must not keep the interfaces from being drawn. A plain read of links
/// (`show links`, a live update) still asks OVS which links are its ports.
/// </summary>
public class FirstScreenReadTests
{
    private static readonly InventoryOptions Options = new(null, "unix:///nonexistent/nettui-test/docker.sock", "unix:path=/nonexistent/bus");

    private static async Task<IReadOnlyList<string>> ProgramsRunFor(InventoryParts parts)
    {
        var runner = FakeCommandRunner.WithIpFixtures();
        var snapshot = await new HostInventory(runner, Options).ReadAsync(parts, TestContext.Current.CancellationToken);
        Assert.NotEmpty(snapshot.Links);
        return [.. runner.Ran.Select(s => s.Program).Distinct()];
    }

    [Fact]
    public async Task The_first_screen_runs_only_iproute2()
    {
        var programs = await ProgramsRunFor(NetTui.Tui.TuiStartup.FirstScreen);
        Assert.All(programs, p => Assert.True(p is "ip" or "bridge", $"the first screen ran {p}"));
    }

    [Fact]
    public async Task A_read_of_links_still_asks_ovs_for_its_ports()
    {
        Assert.Contains("ovs-vsctl", await ProgramsRunFor(InventoryParts.Links));
    }
}
