using NetTui.Cli;

namespace NetTui.UnitTests.Cli;

/// <summary>`nettui trace` argument handling: it reads only (allowed under --read-only) and says in one line what is wrong with FROM or TO.</summary>
public class TraceCommandTests
{
    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var ctx = new CliContext(o, e) { InventoryFactory = (_, _) => new FixedInventory(SampleSnapshot.Create() with { Namespace = null }) };
        var code = await NetTuiCli.RunAsync([.. args, "--log-file", "/nonexistent-dir/nettui.log"], ctx, TestContext.Current.CancellationToken);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public async Task A_to_that_is_not_an_ipv4_address_is_a_usage_error()
    {
        var r = await Run("--read-only", "trace", "web", "example.org");
        Assert.Equal(2, r.Code);
        Assert.Equal("nettui: TO 'example.org' is not an IPv4 address", r.Err.Trim());
    }

    [Fact]
    public async Task An_unknown_from_is_named_and_read_only_does_not_refuse_the_verb()
    {
        var r = await Run("--read-only", "trace", "nosuch", "10.0.0.1");
        Assert.Equal(2, r.Code);
        Assert.Equal("nettui: 'nosuch' is neither a container here nor an address", r.Err.Trim());
        Assert.DoesNotContain("changes the network", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proto_accepts_only_tcp_or_udp()
    {
        var r = await Run("trace", "web", "10.0.0.1", "--proto", "icmp");
        Assert.Equal(2, r.Code);
        Assert.Contains("icmp", r.Err, StringComparison.Ordinal);
    }
}
