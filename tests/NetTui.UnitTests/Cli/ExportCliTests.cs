using NetTui.Cli;

namespace NetTui.UnitTests.Cli;

/// <summary>`nettui export ansible|nmstate` as the CLI runs it: refusals like `apply`'s with nothing written, files 0600.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ExportCliTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("nettui-export-").FullName;

    private const string Good = """
        {"schema":"nettui.plan/v1","metadata":{"createdBy":"test"},"operations":[
          {"op":"bridge.add","name":"br0","address":"192.168.1.1/24"},
          {"op":"ovs.bridge.add","name":"obr0","datapath":"netdev"}]}
        """;

    private const string Bad = """
        {"schema":"nettui.plan/v1","metadata":{"createdBy":"test"},"operations":[
          {"op":"bridge.add","name":"br0"},
          {"op":"ovs.gre.add","bridge":"obr0","port":"gre0","remote":"10.10.0.300"}]}
        """;

    private string Plan(string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = await NetTuiCli.RunAsync([.. args, "--log-file", "/nonexistent-dir/nettui.log"], new CliContext(o, e), TestContext.Current.CancellationToken);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public async Task A_plan_that_does_not_validate_is_refused_with_index_and_field_and_nothing_is_written()
    {
        var bad = Plan("bad.plan.json", Bad);
        var outDir = Path.Combine(dir, "out");
        var r = await Run("export", "ansible", Plan("good.plan.json", Good), bad, "--out", outDir);
        Assert.Equal(2, r.Code);
        Assert.StartsWith($"nettui: {bad}: operations[1] (ovs.gre.add).remote: ", r.Err, StringComparison.Ordinal);
        Assert.Contains("nettui: nothing was written", r.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
        var n = await Run("export", "nmstate", bad, "--out", Path.Combine(dir, "policy.yml"));
        Assert.Equal(2, n.Code);
        Assert.False(File.Exists(Path.Combine(dir, "policy.yml")));
    }

    [Fact]
    public async Task A_good_plan_is_written_owner_only()
    {
        var outDir = Path.Combine(dir, "out");
        var r = await Run("export", "ansible", Plan("good.plan.json", Good), "--out", outDir);
        Assert.Equal(0, r.Code);
        var playbook = Path.Combine(outDir, "playbook.yml");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(playbook));
        Assert.Contains("community.general.nmcli:", await File.ReadAllTextAsync(playbook, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_plans_or_from_host_it_is_a_usage_error()
    {
        var r = await Run("export", "ansible");
        Assert.Equal(2, r.Code);
        Assert.Equal("nettui: export ansible: give PLAN files or --from-host", r.Err.Trim());
    }

    [Fact]
    public async Task Nmstate_prints_the_policy_to_stdout()
    {
        var r = await Run("export", "nmstate", Plan("seed.plan.json", Good));
        Assert.Equal(0, r.Code);
        Assert.Contains("kind: \"NodeNetworkConfigurationPolicy\"\nmetadata:\n  name: \"nettui-seed\"\n", r.Out, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);
}
