using NetTui.Cli;
using NetTui.Cli.Verbs;
using NetTui.Core.Values;
using NetTui.Host.Commands;
using NetTui.UnitTests.Cli;
using NetTui.UnitTests.Operations;

namespace NetTui.UnitTests.Security;

/// <summary>Keyword names, hostile --netns and an unprivileged change: refused up front (exit 2), nothing run, nothing journaled.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class HostileInputTests
{
    private sealed class World
    {
        public RecordingRunner Runner { get; } = new();
        public StringWriter Out { get; } = new();
        public StringWriter Err { get; } = new();
        public string? Unprivileged { get; init; }
        public bool JournalOpened { get; private set; }

        public async Task<int> Run(params string[] args)
        {
            var host = new ChangeHost
            {
                Parts = new NetTui.Composition.HostParts
                {
                    Inventory = (_, _) => new FakeInventory(TestHost.Basic().WithBridge("br0", false, "192.168.1.1/24")),
                    Runner = _ => Runner,
                    Files = () => new MemoryFiles(),
                    OpenJournal = path => { JournalOpened = true; throw new InvalidOperationException("a refused change must not open the journal " + path); },
                    Probe = _ => Task.FromResult(NetTui.UnitTests.History.TestChanges.NoNetworkManager),
                },
                MissingPrivilege = () => Unprivileged,
                Out = Out,
                Err = Err,
            };
            var root = new System.CommandLine.RootCommand();
            foreach (var v in ChangeVerbs.Create(host)) root.Subcommands.Add(v);
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0) return NetTuiCli.UsageError;
            return await parsed.InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = Out, Error = Err }, TestContext.Current.CancellationToken);
        }
    }

    [Theory]
    [InlineData("bridge", "add", "up")]
    [InlineData("bridge", "add", "type")]
    [InlineData("bridge", "add", "dev")]
    [InlineData("bridge", "add", "help")]
    [InlineData("bridge", "add", "--", "--")]
    [InlineData("bridge", "add", "--", "-x")]
    [InlineData("bridge", "add", "--", "---")]
    [InlineData("ovs", "bridge", "add", "--", "--")]
    [InlineData("tunnel", "add", "name", "--mode", "gre", "--remote", "1.2.3.4")]
    public async Task Keyword_and_option_like_names_are_refused_and_nothing_runs(params string[] args)
    {
        var w = new World();
        Assert.Equal(2, await w.Run(args));
        Assert.Empty(w.Runner.Ran);
        Assert.Contains("not a valid name", w.Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Names_are_passed_after_dev_and_name()
    {
        var ops = NetTui.Core.Plans.PlanFileJson.Read("""[ { "op": "bridge.add", "name": "m" }, { "op": "bridge.del", "name": "br0" } ]""").Plan!.Operations;
        var steps = ops[0].Plan(TestHost.Basic(), OpAssert.Ctx).Concat(ops[1].Plan(TestHost.Basic().WithBridge("br0", false, "192.168.1.1/24"), OpAssert.Ctx));
        var argv = steps.OfType<NetTui.Core.Operations.CommandStep>().SelectMany(s => s.Undo.Prepend(s.Do))
            .Where(c => c.Program == "ip" && c.Arguments.Length > 2 && c.Arguments[0] == "link").ToList();
        Assert.NotEmpty(argv);
        // `m` alone would be read as `mtu` by iproute2's prefix matching: it must follow `name` / `dev`.
        Assert.All(argv, c => Assert.True(c.Arguments[2] is "name" or "dev", string.Join(' ', c.Arguments)));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("/proc/1/ns/net")]
    [InlineData("..")]
    [InlineData("-x")]
    [InlineData("a\u001b[2J")]
    public async Task Hostile_netns_is_refused_by_every_verb_and_the_tui(string netns)
    {
        foreach (var verb in new[] { "show", "persist", "doctor", "tui", "history", "bridge add br9" })
        {
            var e = new StringWriter();
            var inventory = new FixedInventory(SampleSnapshot.Create());
            var ctx = new CliContext(new StringWriter(), e) { InventoryFactory = (_, _) => inventory };
            var code = await NetTuiCli.RunAsync([.. verb.Split(' '), "--netns", netns, "--log-file", "/nonexistent-dir/nettui.log"], ctx, TestContext.Current.CancellationToken);
            Assert.True(code == 2, $"{verb} --netns {netns} exited {code}");
            Assert.Contains("not a namespace name", e.ToString(), StringComparison.Ordinal);
            Assert.Null(inventory.Asked);
        }
        Assert.NotNull(NetnsName.Refusal(netns));
    }

    [Fact]
    public async Task Without_root_a_change_says_so_in_one_line_and_journals_nothing()
    {
        var w = new World { Unprivileged = ChangePrivilege.Missing(isRoot: false, effectiveCapabilities: 0) };
        Assert.Equal(2, await w.Run("bridge", "add", "br9"));
        Assert.Empty(w.Runner.Ran);
        Assert.False(w.JournalOpened);
        Assert.Single(w.Err.ToString().Trim().Split('\n'));
        Assert.Contains("needs root (or CAP_NET_ADMIN)", w.Err.ToString(), StringComparison.Ordinal);
        // A dry run changes nothing and needs no privilege.
        Assert.Equal(0, await w.Run("bridge", "add", "br9", "--dry-run"));
    }

    [Fact]
    public void Privilege_is_root_or_cap_net_admin()
    {
        Assert.Null(ChangePrivilege.Missing(isRoot: true, effectiveCapabilities: 0));
        Assert.Null(ChangePrivilege.Missing(isRoot: false, effectiveCapabilities: 1UL << 12));
        Assert.NotNull(ChangePrivilege.Missing(isRoot: false, effectiveCapabilities: (1UL << 12) - 1));
        Assert.NotNull(ChangePrivilege.Missing(isRoot: false, effectiveCapabilities: null));
    }
}
