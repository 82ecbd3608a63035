using System.CommandLine;
using NetTui.Cli;

namespace NetTui.UnitTests.Cli;

/// <summary>
/// `--read-only`: every verb that is not known to only read is refused in one line with exit 2
/// before the host is read or anything runs; the reading verbs still work.
/// </summary>
public class ReadOnlyCliTests
{
    private sealed record Run(int ExitCode, string Out, string Err, FixedInventory Inventory);

    private static async Task<Run> RunCli(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var inventory = new FixedInventory(SampleSnapshot.Create() with { Namespace = null });
        var ctx = new CliContext(o, e) { InventoryFactory = (_, _) => inventory };
        var code = await NetTuiCli.RunAsync([.. args, "--log-file", "/nonexistent-dir/nettui.log", "--history", "/nonexistent-dir/history.db"], ctx,
            TestContext.Current.CancellationToken);
        return new Run(code, o.ToString(), e.ToString(), inventory);
    }

    private static readonly HashSet<string> ReadingVerbs = ["show", "stats", "trace", "capture", "history", "persist show", "doctor", "wizard tunnel", "export ansible", "export nmstate", "tui"];

    /// <summary>Every leaf verb of the real command tree, as its words.</summary>
    private static List<string> LeafVerbs()
    {
        var all = new List<string>();
        void Walk(Command c, string path)
        {
            var leaves = c.Subcommands.Where(s => !s.Hidden).ToList();
            if (leaves.Count == 0 && path.Length > 0) all.Add(path);
            foreach (var s in leaves) Walk(s, (path + " " + s.Name).Trim());
        }
        Walk(NetTuiCli.BuildRoot(new CliContext(TextWriter.Null, TextWriter.Null)), "");
        return all;
    }

    public static TheoryData<string> ChangeVerbs() => [.. LeafVerbs().Where(v => !ReadingVerbs.Contains(v))];

    [Theory]
    [MemberData(nameof(ChangeVerbs))]
    public async Task Every_change_verb_is_refused_in_one_line_with_exit_2(string verb)
    {
        var r = await RunCli(["--read-only", .. verb.Split(' ')]);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.Equal($"nettui: --read-only: '{verb}' changes the network; nothing was done", r.Err.Trim());
        Assert.Null(r.Inventory.Asked);
    }

    [Theory]
    [InlineData("doctor --fix ovs-untyped-port", "doctor --fix")]
    [InlineData("wizard tunnel --apply --local-underlay 10.0.0.1 --peer-underlay 10.0.0.2 --local-subnet 192.168.1.0/24 --peer-subnet 192.168.2.0/24", "wizard tunnel --apply")]
    public async Task A_reading_verb_with_a_changing_option_is_refused_too(string args, string what)
    {
        var r = await RunCli(["--read-only", .. args.Split(' ')]);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"nettui: --read-only: '{what}' changes the network; nothing was done", r.Err.Trim());
        Assert.Null(r.Inventory.Asked);
    }

    [Fact]
    public async Task Reading_verbs_still_run()
    {
        var r = await RunCli("show", "links", "--read-only");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("br0", r.Out);
        Assert.NotNull(r.Inventory.Asked);
    }

    [Fact]
    public void The_reading_verbs_of_the_tree_are_the_ones_the_guard_lets_through()
    {
        Assert.Subset(LeafVerbs().ToHashSet(), ReadingVerbs);
        Assert.True(ChangeVerbs().Count >= 20, "the change verbs are found in the tree");
    }
}
