using NetTui.Cli;
using NetTui.Core.Model;
using NetTui.Host.Inventory;

namespace NetTui.UnitTests.Cli;

public class CliTests
{
    private sealed record Run(int ExitCode, string Out, string Err, FixedInventory Inventory);

    private static async Task<Run> RunCli(params string[] args) => await RunCli(SampleSnapshot.Create() with { Namespace = null }, args);

    private static async Task<Run> RunCli(HostSnapshot snapshot, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var inventory = new FixedInventory(snapshot);
        var ctx = new CliContext(o, e) { InventoryFactory = (_, _) => inventory };
        // Keep tests out of the real log (--version must stand alone, and logs nothing).
        string[] argv = args is ["--version"] ? args : [.. args, "--log-file", "/nonexistent-dir/nettui.log"];
        var code = await NetTuiCli.RunAsync(argv, ctx, TestContext.Current.CancellationToken);
        return new Run(code, o.ToString(), e.ToString(), inventory);
    }

    [Theory]
    [InlineData("show", "bogus")]
    [InlineData("show", "--bogus")]
    [InlineData("show", "links", "routes")]
    [InlineData("frobnicate")]
    [InlineData("show", "--netns")]
    public async Task Usage_errors_exit_2_with_usage_on_stderr(params string[] args)
    {
        var r = await RunCli(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.Contains("Usage:", r.Err);
        Assert.Null(r.Inventory.Asked);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("show", "--help")]
    public async Task Help_works(params string[] args)
    {
        var r = await RunCli(args);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Usage:", r.Out);
        Assert.Contains("--netns", r.Out);
    }

    [Fact]
    public async Task Version_works()
    {
        var r = await RunCli("--version");
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"^\d+\.\d+", r.Out);
    }

    [Theory]
    [InlineData("links", InventoryParts.Links)]
    [InlineData("bridges", InventoryParts.Bridges)]
    [InlineData("ovs", InventoryParts.Ovs)]
    [InlineData("routes", InventoryParts.Routes)]
    [InlineData("containers", InventoryParts.Containers)]
    [InlineData("all", InventoryParts.All)]
    public async Task Each_part_reads_only_what_it_shows(string part, InventoryParts expected)
    {
        var r = await RunCli("show", part);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(expected, r.Inventory.Asked);
    }

    [Fact]
    public async Task Show_without_part_is_all_and_exit_0_even_with_a_source_down()
    {
        var r = await RunCli("show");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(InventoryParts.All, r.Inventory.Asked);
        Assert.Contains("Linux bridges (2)", r.Out);
        Assert.Contains("database connection failed", r.Out);
    }

    [Fact]
    public async Task Json_is_exactly_the_snapshot_serialization()
    {
        var snapshot = SampleSnapshot.Create() with { Namespace = null };
        var r = await RunCli(snapshot, "show", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(SnapshotJson.Serialize(snapshot), r.Out.TrimEnd('\n'));
        var back = SnapshotJson.Deserialize<HostSnapshot>(r.Out)!;
        Assert.Equal("gre", back.Ovs!.Bridges[0].Ports[0].Interfaces[0].Type);
        Assert.Equal(LinkKind.OvsInternal, back.FindLink("obr0")!.Kind);
        Assert.Contains("\"kind\": \"ovsInternal\"", r.Out);
    }

    [Fact]
    public async Task Iproute2_down_exits_1()
    {
        var snapshot = SampleSnapshot.Create() with
        {
            Namespace = null,
            Sources = [SourceStatus.Down(SourceKind.IpRoute2, "ip not installed", TimeSpan.Zero)],
        };
        var r = await RunCli(snapshot, "show", "links");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("ip not installed", r.Err);
    }

    [Fact]
    public async Task Unknown_namespace_exits_1_with_a_clear_message()
    {
        var r = await RunCli("show", "--netns", "nettui-no-such-ns-4711");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no network namespace 'nettui-no-such-ns-4711'", r.Err);
    }
}
