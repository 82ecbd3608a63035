using System.Text.Json;
using NetTui.Cli;
using NetTui.Composition;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.History.Journaling;
using NetTui.Presentation;
using NetTui.Recording;
using NetTui.Tui;
using NetTui.UnitTests.Operations;

namespace NetTui.UnitTests.History;

/// <summary>
/// The same change made from the command line and from a TUI form (headless, through what
/// TuiApp wires) leaves the same journal record, asks NetworkManager for the same checkpoint
/// and says the same persistence line: there is one change path, not two that look alike.
/// </summary>
public sealed class OneChangePathTests : IDisposable
{
    // NetworkManager runs and manages nothing yet (a snapshot without it would plan every change as runtime only).
    private static readonly HostSnapshot Before = TestHost.Basic() with { NetworkManager = new NetworkManagerState(true, null, "1.42.4", []) };
    private static readonly HostSnapshot After = Before.WithBridge("br0", false, "192.168.100.1/24");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly TempJournal _cliJournal = new();
    private readonly TempJournal _tuiJournal = new();

    public void Dispose()
    {
        _cliJournal.Dispose();
        _tuiJournal.Dispose();
    }

    /// <summary>A host where NetworkManager answers (or not), and what the change path asked of it.</summary>
    private sealed class World
    {
        public FakeInventory Inventory { get; } = new(Before);
        public RecordingRunner Runner { get; } = new();
        public RecordingCheckpoints Checkpoints { get; } = new();
        public List<IReadOnlyList<string>> Watchdogs { get; } = [];

        public HostParts Parts(PersistenceMode probe)
        {
            Runner.After = _ => Inventory.Snapshot = After;
            return TestChanges.Parts(Runner, Inventory, probe, Checkpoints, () => Inventory.Snapshot = After) with
            {
                StartWatchdog = (_, _, options) => { Watchdogs.Add([.. options]); return 4_194_304 + 7; },
            };
        }
    }

    private sealed record Made(ChangeSetDetail Detail, IReadOnlyList<string> Checkpoints, IReadOnlyList<string> Watchdog, string? Label);

    private async Task<Made> FromTheCliAsync(PersistenceMode probe, params string[] extra)
    {
        var w = new World();
        var o = new StringWriter();
        var e = new StringWriter();
        var ctx = new CliContext(o, e) { Parts = w.Parts(probe), Interactive = false };
        var code = await NetTuiCli.RunAsync(["--netns", "ntl-unit", "--history", _cliJournal.DbPath, "--ovs-db", "unix:/nowhere/db.sock",
            "bridge", "add", "br0", "--address", "192.168.100.1/24", "--json", .. extra], ctx, Ct);
        Assert.True(code == 0, e.ToString());
        var label = JsonDocument.Parse(o.ToString()).RootElement.GetProperty("operations")[0].GetProperty("persistence").GetString();
        var cs = Assert.Single(await _cliJournal.Open().ListAllAsync(Ct));
        return new((await _cliJournal.Open().GetAsync(cs.Id, Ct))!, w.Checkpoints.Calls, w.Watchdogs.SingleOrDefault() ?? [], label);
    }

    private async Task<Made> FromTheTuiAsync(PersistenceMode probe, TimeSpan? confirmWithin, bool runtimeOnly = false)
    {
        var w = new World();
        var options = new TuiOptions("ntl-unit")
        {
            Host = HostOptions.FromEnvironment(ovsDb: "unix:/nowhere/db.sock", history: _tuiJournal.DbPath),
            Parts = w.Parts(probe),
            RuntimeOnly = runtimeOnly,
        };
        var path = TuiComposition.ChangePath(options, w.Inventory);
        // What a form hands over: the operation wrapped for its preview with the window's last probe.
        var report = await path.ApplyAsync([PersistenceLabel.Choose(new CreateBridge("br0", "192.168.100.1/24"), probe)], confirmWithin, Ct);
        Assert.True(report.Succeeded, report.Summary);
        var cs = Assert.Single(await _tuiJournal.Open().ListAllAsync(Ct));
        return new((await _tuiJournal.Open().GetAsync(cs.Id, Ct))!, w.Checkpoints.Calls, w.Watchdogs.SingleOrDefault() ?? [],
            PersistenceChoice.Label(report.Operations[0], report, runtimeOnly));
    }

    private static void AssertSame(Made cli, Made tui)
    {
        Assert.Equal(cli.Detail.ChangeSet.Summary, tui.Detail.ChangeSet.Summary);
        Assert.Equal((cli.Detail.ChangeSet.Namespace, cli.Detail.ChangeSet.Status, cli.Detail.ChangeSet.Kind),
            (tui.Detail.ChangeSet.Namespace, tui.Detail.ChangeSet.Status, tui.Detail.ChangeSet.Kind));
        Assert.Equal(cli.Detail.ChangeSet.NmCheckpoint, tui.Detail.ChangeSet.NmCheckpoint);
        Assert.Equal(cli.Detail.Steps.Select(s => (s.Kind, s.ParametersJson, s.InverseKind, s.InverseParametersJson)),
            tui.Detail.Steps.Select(s => (s.Kind, s.ParametersJson, s.InverseKind, s.InverseParametersJson)));
        Assert.Equal(cli.Detail.Steps.SelectMany(s => s.Commands).Select(c => c.Display), tui.Detail.Steps.SelectMany(s => s.Commands).Select(c => c.Display));
        Assert.Equal(cli.Checkpoints, tui.Checkpoints);
        Assert.Equal(cli.Watchdog, tui.Watchdog);
        Assert.Equal(cli.Label, tui.Label);
    }

    [Fact]
    public async Task A_commit_confirmed_change_through_NetworkManager_is_the_same_from_the_CLI_and_the_TUI()
    {
        var nm = new PersistenceMode(false, null);
        var cli = await FromTheCliAsync(nm, "--confirm-within", "40");
        var tui = await FromTheTuiAsync(nm, TimeSpan.FromSeconds(40));
        AssertSame(cli, tui);
        Assert.Equal(ChangeSetStatus.ConfirmPending, cli.Detail.ChangeSet.Status);
        Assert.Equal("create 40", cli.Checkpoints[0]);
        Assert.StartsWith("persistent: NetworkManager", cli.Label, StringComparison.Ordinal);
        Assert.Equal(["--netns", "ntl-unit", "--ovs-db", "unix:/nowhere/db.sock"], cli.Watchdog);
    }

    [Fact]
    public async Task A_runtime_change_without_NetworkManager_is_the_same_from_the_CLI_and_the_TUI()
    {
        var down = TestChanges.NoNetworkManager;
        var cli = await FromTheCliAsync(down);
        // The form was previewed while NetworkManager still answered: the decision at apply is what counts, as in the CLI.
        var tui = await FromTheTuiAsync(down, null);
        AssertSame(cli, tui);
        Assert.Empty(cli.Checkpoints);
        Assert.Contains("ip link add name br0 type bridge stp_state 0", cli.Detail.Steps.SelectMany(s => s.Commands).Select(c => c.Display));
    }
}
