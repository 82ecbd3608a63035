using NetTui.Cli.Render;
using NetTui.Cli.Show;
using NetTui.Core.Model;
using NetTui.Host.Inventory;
using NetTui.UnitTests.Inventory;

namespace NetTui.UnitTests.Cli;

/// <summary>The renderers on the snapshot composed from the captured real output.</summary>
public class FixtureRenderTests
{
    private static async Task<HostSnapshot> Snapshot()
    {
        var runner = FakeCommandRunner.WithIpFixtures();
        runner.Answer(new NetTui.Host.Inventory.Ovs.OvsReader(runner).Command, Fixtures.Read("ovs/list-all.json"));
        return await new HostInventory(runner, new InventoryOptions(null, "unix:///nonexistent/d.sock", "unix:path=/nonexistent/bus"))
            .ReadAsync(InventoryParts.All, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Bridges_like_brctl_show()
    {
        var lines = BridgesView.Render(await Snapshot());
        // A full read says where each persists (NetworkManager is down here: the kernel's bridges are lost at reboot).
        Assert.Equal("br0          8000.066d597ceb8d  yes          lost  obr0 (listening, OVSDB)", lines[1]);
        Assert.Equal("weave        8000.7e6ffbf97eae  no           lost  vethwe-bridge (disabled, lost)", lines[^1]);
    }

    [Fact]
    public async Task Links_show_kinds_peers_and_labels()
    {
        var lines = LinksView.Render(await Snapshot());
        string Row(string name) => lines.Single(l => l.Split("  ", StringSplitOptions.RemoveEmptyEntries) is [_, var n, ..] && n.Trim() == name);
        Assert.Contains("ovs-internal", Row("obr0"));
        Assert.Contains("if3@ntl-cap-a1b2-c", Row("vp1"));
        Assert.Contains("if19 (nsid 1)", Row("vethbd285fb"));
        Assert.Contains("veth (weave)", Row("vethwe-bridge"));
        Assert.Contains("10.9.0.1/24", Row("vp3"));
    }

    [Fact]
    public async Task Ovs_names_the_broken_port_and_the_tunnel_options()
    {
        var lines = OvsView.Render(await Snapshot());
        Assert.Contains("        Interface gre0  type: gre  ofport: 1  link: up  options: {key=7, remote_ip=10.10.0.2}", lines);
        Assert.Contains("        Interface gre1  type: system  ofport: -1  error: \"could not open network device gre1 (No such device)\"", lines);
    }

    [Fact]
    public async Task Whole_text_has_every_section_and_the_down_sources()
    {
        var lines = SnapshotText.Render(await Snapshot(), ShowPart.All);
        foreach (var title in new[] { "Links (19)", "Linux bridges (2)", "Open vSwitch (2)", "Routes (40)", "Sources" })
            Assert.Contains(title, lines);
        Assert.Contains("Containers: not available (Docker: cannot connect to unix:///nonexistent/d.sock (No such file or directory))", lines);
        Assert.Contains(lines, l => l.StartsWith("Docker ", StringComparison.Ordinal) && l.Contains("cannot connect to unix:///nonexistent/d.sock (No such file or directory)"));
        Assert.Contains(lines, l => l.StartsWith("NetworkManager ", StringComparison.Ordinal) && l.Contains("no system D-Bus at /nonexistent/bus"));
    }
}
