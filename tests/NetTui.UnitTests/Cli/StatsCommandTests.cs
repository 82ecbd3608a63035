using System.Text.Json;
using NetTui.Cli;
using NetTui.Cli.Stats;
using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Core.Traffic;
using NetTui.Host.Commands;
using NetTui.Host.Inventory.Traffic;
using NetTui.UnitTests.Inventory;
using NetTui.UnitTests.Traffic;

namespace NetTui.UnitTests.Cli;

/// <summary>
/// `nettui stats`: bad numbers are usage errors before anything is read; the JSON lines carry
/// this process's own namespace's real counters (read-only netlink dump) with OVS's failure named.
/// </summary>
public class StatsCommandTests
{
    private sealed record Run(int ExitCode, string Out, string Err, int Reads);

    private static async Task<Run> RunCli(ICommandRunner runner, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var reads = 0;
        var ctx = new CliContext(o, e)
        {
            TrafficFactory = (_, _) => { reads++; return new TrafficReader(runner, "unix:/nonexistent/db.sock"); },
        };
        var code = await NetTuiCli.RunAsync([.. args, "--log-file", "/nonexistent-dir/nettui.log"], ctx, TestContext.Current.CancellationToken);
        return new Run(code, o.ToString(), e.ToString(), reads);
    }

    [Theory]
    [InlineData("--interval", "0")]
    [InlineData("--interval", "5000")]
    [InlineData("--count", "0")]
    [InlineData("--count", "x")]
    public async Task Out_of_range_numbers_exit_2_and_read_nothing(string option, string value)
    {
        var r = await RunCli(new FakeCommandRunner(), "stats", option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(0, r.Reads);
        Assert.StartsWith("nettui: ", r.Err);
    }

    [Fact]
    public async Task Json_lines_hold_every_link_of_this_namespace_with_a_rate_and_the_ovs_failure()
    {
        var r = await RunCli(new CommandRunner(NetworkTarget.Current), "stats", "--json", "--count", "2", "--interval", "0.1");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        foreach (var line in lines)
        {
            var doc = JsonDocument.Parse(line).RootElement;
            Assert.Contains("database connection failed", doc.GetProperty("ovsFailure").GetString());
            var lo = doc.GetProperty("devices").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "lo");
            Assert.Equal("link", lo.GetProperty("scope").GetString());
            Assert.True(lo.GetProperty("rate").GetProperty("intervalSeconds").GetDouble() > 0.05);
            Assert.True(lo.GetProperty("counters").GetProperty("rxBytes").GetUInt64() >= 0);
        }
    }

    [Fact]
    public async Task Without_netlink_the_verb_says_why_in_one_line_and_exits_1()
    {
        var r = await RunCli(new FakeCommandRunner(), "stats", "--count", "1", "--interval", "0.1");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.Equal("nettui: cannot read link counters: link counters need a netlink socket (not available with this runner)", r.Err.Trim());
    }

    [Fact]
    public void The_table_shows_rates_after_two_reads_and_a_dash_before()
    {
        var clock = new FakeClock();
        var rates = new TrafficRates(clock);
        TrafficRead Read(ulong rx) => new([new TrafficSource(TrafficScope.Link, "veth0", "4", new LinkCounters(rx, 0, rx / 100, 0, 0, 0, 3, 0)),
            new TrafficSource(TrafficScope.Ovs, "gre0", "u1", new LinkCounters(0, 0, 0, 0, 0, 0, 0, 0))], null, null);
        rates.Observe(Read(0).Sources);
        var before = StatsReport.Rows(StatsReport.Document(DateTimeOffset.UnixEpoch, Read(0), rates)).First();
        Assert.Equal(["veth0", "-", "-", "-", "-", "3", "0", "0B", "0B"], before);
        clock.Advance(TimeSpan.FromSeconds(2));
        var read = Read(3_072_000);
        rates.Observe(read.Sources);
        var rows = StatsReport.Rows(StatsReport.Document(DateTimeOffset.UnixEpoch, read, rates)).ToList();
        Assert.Equal(["veth0", "1.5M", "0", "15360", "0", "3", "0", "2.9M", "0B"], rows[0]);
        Assert.Equal("ovs:gre0", rows[1][0]);
    }
}
