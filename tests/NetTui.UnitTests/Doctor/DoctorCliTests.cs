using NetTui.Cli;
using NetTui.UnitTests.Cli;

namespace NetTui.UnitTests.Doctor;

/// <summary>`nettui doctor` argument errors are caught before the host is read (exit 2).</summary>
public class DoctorCliTests
{
    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var ctx = new CliContext(o, e) { InventoryFactory = (_, _) => throw new InvalidOperationException("the host must not be read"), Interactive = false };
        var code = await NetTuiCli.RunAsync([.. args, "--log-file", "/nonexistent-dir/nettui.log"], ctx, TestContext.Current.CancellationToken);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public async Task An_unknown_finding_id_is_a_usage_error()
    {
        var r = await Run("doctor", "--fix", "no-such-check");
        Assert.Equal(2, r.Code);
        Assert.Contains("unknown finding", r.Err);
        Assert.Contains("ovs-server-not-running", r.Err);
    }

    [Fact]
    public async Task A_set_without_a_value_is_a_usage_error()
    {
        var r = await Run("doctor", "--fix", "ovs-tunnel-without-type:gre0", "--set", "remote_ip");
        Assert.Equal(2, r.Code);
        Assert.Contains("NAME=VALUE", r.Err);
    }

    [Fact]
    public async Task Help_lists_the_doctor_options()
    {
        var r = await Run("doctor", "--help");
        Assert.Equal(0, r.Code);
        foreach (var option in new[] { "--fix", "--yes", "--json", "--set", "--netns", "--ovs-db" })
            Assert.Contains(option, r.Out);
    }
}
