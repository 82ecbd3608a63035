using System.Globalization;
using System.Text.Json.Nodes;
using NetTui.History.Journaling;
using NetTui.Lab;

namespace NetTui.LabTests.Persistence;

/// <summary>
/// Commit-confirmed changes of NM-managed profiles are backed by a NetworkManager checkpoint
/// (the lab's real NetworkManager on its private bus): not confirmed → the watchdog has
/// NetworkManager roll it back (device and profile gone, checked with nmcli); watchdog dead →
/// NetworkManager rolls it back by itself at its timeout; confirmed in time → the change stays
/// and the checkpoint is gone. Timing is never asserted beyond "eventually".
/// </summary>
public sealed class CheckpointLabTests
{
    private const string CheckpointPrefix = "/org/freedesktop/NetworkManager/Checkpoint/";

    private sealed class Lab(PersistLab lab) : IAsyncDisposable
    {
        private readonly List<int> _watchdogs = [];
        public PersistLab P => lab;
        public string Db => Path.Combine(lab.Host.StateDir, "h.db");
        public Dictionary<string, string> Env => new() { ["DBUS_SYSTEM_BUS_ADDRESS"] = lab.Nm.BusAddress };
        public string[] Common => ["--netns", lab.Host.Name, "--history", Db];
        public Journal Journal => Journal.Open(Db);

        public Task<ExecResult> CliAsync(params string[] args) => NettuiCli.RunAsync(lab.Host.StateDir, Env, [.. args, .. Common]);

        /// <summary>`bridge add NAME --address A --confirm-within S --json`: its change-set, with its watchdog remembered for cleanup.</summary>
        public async Task<ChangeSet> AddBridgeAsync(string name, string address, int within)
        {
            var apply = await CliAsync("bridge", "add", name, "--address", address, "--confirm-within", within.ToString(CultureInfo.InvariantCulture), "--json");
            Assert.True(apply.Succeeded, apply.StandardOutput + apply.StandardError);
            var doc = JsonNode.Parse(apply.StandardOutput)!;
            _watchdogs.Add((int)doc["watchdogPid"]!);
            return (await Journal.GetAsync((long)doc["historyId"]!))!.ChangeSet;
        }

        public async Task<bool> ProfileExistsAsync(string id) =>
            (await lab.Nm.NmcliCheckedAsync("-t", "-f", "NAME", "connection", "show")).StandardOutput.Split('\n', StringSplitOptions.TrimEntries).Contains(id);

        public async Task<bool> DeviceExistsAsync(string name) => (await lab.Host.RunAsync("ip", "link", "show", name)).Succeeded;

        /// <summary>NetworkManager's own list of checkpoints (the Manager's Checkpoints property), read with busctl.</summary>
        public async Task<string> CheckpointsAsync() => (await LabExec.CheckedAsync("busctl", "--address=" + lab.Nm.BusAddress, "get-property",
            "org.freedesktop.NetworkManager", "/org/freedesktop/NetworkManager", "org.freedesktop.NetworkManager", "Checkpoints")).StandardOutput;

        public async Task WaitForStatusAsync(long id, ChangeSetStatus status) =>
            await LabWait.UntilAsync($"#{id} to become {status}", async () => (await Journal.GetAsync(id))!.ChangeSet.Status == status,
                TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(200));

        public async ValueTask DisposeAsync()
        {
            foreach (var pid in _watchdogs) await LabSignals.StopOwnedAsync(pid, Db, TimeSpan.FromSeconds(2));
            await lab.DisposeAsync();
        }
    }

    /// <summary>
    /// The TUI's form path (what TuiApp wires, on the lab's bus): a commit-confirmed change that
    /// NetworkManager holds gets a real checkpoint too, and `c` (the TUI's confirm) destroys it
    /// on that same bus. Before the one change path, the TUI made no checkpoint and confirmed on
    /// the default bus.
    /// </summary>
    [Fact]
    public async Task A_TUI_form_change_gets_the_checkpoint_and_c_destroys_it_on_the_TUIs_bus()
    {
        await using var l = new Lab(await PersistLab.CreateAsync());
        var ct = TestContext.Current.CancellationToken;
        var watchdogs = new List<int>();
        var options = new Tui.TuiOptions(l.P.Host.Name)
        {
            Host = Composition.HostOptions.FromEnvironment(l.P.Host.Name, l.P.Context.Ovs.Db, history: l.Db,
                environment: v => v == Composition.HostOptions.BusVariable ? l.P.Nm.BusAddress : null),
            Parts = new Composition.HostParts
            {
                LockWait = Tui.TuiChangePath.DefaultLockWait,
                StartWatchdog = (db, id, forwarded) =>
                {
                    var pid = Recording.WatchdogLauncher.Start(db, id, forwarded, [.. NettuiCli.Command],
                        NettuiCli.Environment(l.P.Host.StateDir, l.Env));
                    watchdogs.Add(pid);
                    return pid;
                },
            },
        };
        var path = Composition.TuiComposition.ChangePath(options, l.P.Inventory);
        try
        {
            var report = await path.ApplyAsync([new Core.Operations.CreateBridge("brtc", "10.7.3.1/24")], TimeSpan.FromSeconds(60), ct);
            Assert.True(report.Succeeded, report.Summary + " " + string.Join("; ", report.Notes));
            var cs = Assert.Single(await l.Journal.AwaitingConfirmationAsync(ct));
            Assert.StartsWith(CheckpointPrefix, cs.NmCheckpoint);
            Assert.Contains(cs.NmCheckpoint!, await l.CheckpointsAsync(), StringComparison.Ordinal);

            Assert.Equal(ConfirmOutcome.Confirmed, await Composition.TuiComposition.Confirm(path.Changes).ConfirmAsync(cs.Id, ct));
            Assert.DoesNotContain(cs.NmCheckpoint!, await l.CheckpointsAsync(), StringComparison.Ordinal);
            Assert.True(await l.ProfileExistsAsync("nettui-brtc"), "the confirmed change stays");
        }
        finally
        {
            foreach (var pid in watchdogs) await LabSignals.StopOwnedAsync(pid, l.Db, TimeSpan.FromSeconds(2));
        }
    }

    [Fact]
    public async Task Unconfirmed_persisted_bridge_is_rolled_back_through_the_checkpoint_device_and_profile()
    {
        await using var l = new Lab(await PersistLab.CreateAsync());
        var cs = await l.AddBridgeAsync("brcp", "10.7.0.1/24", 3);
        Assert.StartsWith(CheckpointPrefix, cs.NmCheckpoint);
        Assert.True(await l.ProfileExistsAsync("nettui-brcp"), "the change made the profile");
        Assert.Contains(cs.NmCheckpoint!, await l.CheckpointsAsync(), StringComparison.Ordinal);

        await l.WaitForStatusAsync(cs.Id, ChangeSetStatus.RolledBack);
        await LabWait.UntilAsync("brcp and its profile to be gone", async () =>
            !await l.DeviceExistsAsync("brcp") && !await l.ProfileExistsAsync("nettui-brcp"), TimeSpan.FromSeconds(30));
        Assert.False(File.Exists(Path.Combine(l.P.Nm.KeyfileDir, "nettui-brcp.nmconnection")), "the keyfile is gone too");
        // NetworkManager did it (the checkpoint), not inverse steps run by NetTui.
        var rows = await l.Journal.ListAllAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(rows, r => r.Kind == ChangeSetKind.Rollback);
        Assert.DoesNotContain(cs.NmCheckpoint!, await l.CheckpointsAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NetworkManager_rolls_back_by_itself_when_the_watchdog_is_dead()
    {
        await using var l = new Lab(await PersistLab.CreateAsync());
        var cs = await l.AddBridgeAsync("brnm", "10.8.0.1/24", 3);
        Assert.NotNull(cs.NmCheckpoint);
        Assert.True(LabSignals.SignalIfOwned(cs.WatchdogPid!.Value, l.Db, LabSignals.SigKill), "the watchdog is ours to kill");

        await LabWait.UntilAsync("NetworkManager to remove brnm and its profile", async () =>
            !await l.DeviceExistsAsync("brnm") && !await l.ProfileExistsAsync("nettui-brnm"), TimeSpan.FromSeconds(60));
        // Nobody told the journal; the next recovery sees the host is back as it was and records it.
        var rollback = await l.CliAsync("rollback", "--pending", "--yes");
        Assert.True(rollback.Succeeded, rollback.StandardOutput + rollback.StandardError);
        Assert.Contains("NetworkManager had already rolled it back", rollback.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(ChangeSetStatus.RolledBack, (await l.Journal.GetAsync(cs.Id, TestContext.Current.CancellationToken))!.ChangeSet.Status);
    }

    [Fact]
    public async Task Confirmed_persisted_bridge_stays_and_its_checkpoint_is_gone()
    {
        await using var l = new Lab(await PersistLab.CreateAsync());
        var cs = await l.AddBridgeAsync("brkeep", "10.9.0.1/24", 8);
        Assert.StartsWith(CheckpointPrefix, cs.NmCheckpoint);

        var confirm = await l.CliAsync("confirm", cs.Id.ToString(CultureInfo.InvariantCulture));
        Assert.True(confirm.Succeeded, confirm.StandardOutput + confirm.StandardError);
        Assert.DoesNotContain(cs.NmCheckpoint!, await l.CheckpointsAsync(), StringComparison.Ordinal);

        // Past the deadline and NetworkManager's timer: still there, device and profile.
        var deadline = (await l.Journal.GetAsync(cs.Id, TestContext.Current.CancellationToken))!.ChangeSet.ConfirmDeadline!.Value;
        var wait = deadline - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(4);
        if (wait > TimeSpan.Zero) await Task.Delay(wait, TestContext.Current.CancellationToken);
        Assert.True(await l.DeviceExistsAsync("brkeep"), "brkeep should still exist");
        Assert.True(await l.ProfileExistsAsync("nettui-brkeep"), "its profile should still exist");
        Assert.Equal(ChangeSetStatus.Applied, (await l.Journal.GetAsync(cs.Id, TestContext.Current.CancellationToken))!.ChangeSet.Status);
    }
}
