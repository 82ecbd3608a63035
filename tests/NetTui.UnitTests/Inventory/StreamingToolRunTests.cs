using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Host.Commands;
using NetTui.Host.Inventory;
using NetTui.Host.Inventory.IpRoute2;

namespace NetTui.UnitTests.Inventory;

/// <summary>
/// The streaming path through the real <see cref="CommandRunner"/>, with harmless local
/// programs (cat, sh, sleep) standing in for ip: parse while reading, and every failure a reason.
/// </summary>
public class StreamingToolRunTests
{
    private static readonly CommandRunner Runner = new(NetworkTarget.Current);

    private static Task<(System.Collections.Immutable.ImmutableArray<Route> Value, string? Failure)> Routes(CommandSpec spec) =>
        StreamingToolRun.RunAsync(Runner, spec, (s, t) => IpRouteParser.ParseAsync(s, AddressFamily.Inet, null, t), TestContext.Current.CancellationToken);

    [Fact]
    public async Task Parses_stdout_as_it_streams()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "iproute2", "route4.json");
        var (routes, failure) = await Routes(CommandSpec.Of("cat", path));
        Assert.Null(failure);
        Assert.Equal(IpRouteParser.Parse(Fixtures.Read("iproute2/route4.json"), AddressFamily.Inet), routes);
    }

    [Fact]
    public async Task Non_zero_exit_gives_the_first_stderr_line()
    {
        var (_, failure) = await Routes(CommandSpec.Of("sh", "-c", "echo '[' ; echo 'Error: boom.' >&2; exit 2"));
        Assert.Equal("Error: boom.", failure);
    }

    [Fact]
    public async Task Unparsable_output_is_a_reason_not_an_exception()
    {
        var (_, failure) = await Routes(CommandSpec.Of("sh", "-c", "echo '{\"not\": \"an array\"}'"));
        Assert.StartsWith("cannot parse sh output", failure);
    }

    [Fact]
    public async Task Missing_program_is_not_installed()
    {
        var (_, failure) = await Routes(CommandSpec.Of("nettui-no-such-program-4711"));
        Assert.Equal("nettui-no-such-program-4711 not installed", failure);
    }

    [Fact]
    public async Task Timeout_kills_and_says_so()
    {
        var started = DateTime.UtcNow;
        var (_, failure) = await Routes(CommandSpec.Of("sleep", "10").WithTimeout(TimeSpan.FromMilliseconds(300)));
        Assert.Equal("sleep did not answer within 0.3 s", failure);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
    }
}
