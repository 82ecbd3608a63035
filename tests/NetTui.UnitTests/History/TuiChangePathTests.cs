using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.History.Journaling;
using NetTui.History.Storage;
using NetTui.Composition;
using NetTui.Host.Changes;
using NetTui.Presentation;
using NetTui.Tui;
using NetTui.UnitTests.Operations;

namespace NetTui.UnitTests.History;

/// <summary>
/// The TUI's change path (what TuiApp wires to the forms) over fakes and a real journal file:
/// journaled like the CLI, refusals as the report's summary, refused when the journal cannot be
/// used, and a commit-confirmed NetworkManager change backed by a checkpoint that `c` removes.
/// </summary>
public sealed class TuiChangePathTests : IDisposable
{
    private static readonly HostSnapshot Before = TestHost.Basic();
    private static readonly HostSnapshot After = Before.WithBridge("br0", false, "192.168.100.1/24");
    private static readonly Operation Add = new CreateBridge("br0", "192.168.100.1/24");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly TempJournal _temp = new();
    private readonly FakeInventory _inventory = new(Before);
    private readonly RecordingRunner _runner = new();
    private readonly List<(string Db, long Id, List<string> Options)> _watchdogs = [];

    public TuiChangePathTests() => _runner.After = _ => _inventory.Snapshot = After;

    public void Dispose() => _temp.Dispose();

    private readonly RecordingCheckpoints _checkpoints = new();

    private HostChanges Changes(PersistenceMode? probe = null) =>
        new(TestChanges.Options(_temp.DbPath) with { OvsDb = "unix:/nowhere/db.sock" },
            TestChanges.Parts(_runner, _inventory, probe, _checkpoints, () => _inventory.Snapshot = After) with
            {
                OpenJournal = _ => _temp.Open(),
                LockWait = TimeSpan.FromMilliseconds(300),
                StartWatchdog = (db, id, options) => { _watchdogs.Add((db, id, [.. options])); return 4_194_304 + 99; },
            });

    private TuiChangePath Path(PersistenceMode? probe = null) => new(Changes(probe));

    [Fact]
    public async Task A_form_change_is_journaled_with_its_commands()
    {
        var report = await Path().ApplyAsync([Add], ct: Ct);
        Assert.Equal(ChangeOutcome.Applied, report.Outcome);

        var cs = Assert.Single(await _temp.Open().ListAllAsync(Ct));
        Assert.Equal((ChangeSetStatus.Applied, "ntl-unit"), (cs.Status, cs.Namespace));
        Assert.Contains($"history #{cs.Id}", report.Notes);
        var step = Assert.Single((await _temp.Open().GetAsync(cs.Id, Ct))!.Steps);
        Assert.Equal(["ip link add name br0 type bridge stp_state 0", "ip addr add 192.168.100.1/24 dev br0", "ip link set dev br0 up"], step.Commands.Select(c => c.Display));
        Assert.Empty(_watchdogs);
    }

    [Fact]
    public async Task Without_root_a_form_change_is_refused_up_front_and_journals_nothing()
    {
        var opened = false;
        var changes = new HostChanges(TestChanges.Options(_temp.DbPath) with { OvsDb = "unix:/nowhere/db.sock" },
            TestChanges.Parts(_runner, _inventory, null, _checkpoints, () => _inventory.Snapshot = After) with
            {
                OpenJournal = _ => { opened = true; return _temp.Open(); },
            });
        var report = await new TuiChangePath(changes)
        { MissingPrivilege = () => NetTui.Host.Commands.ChangePrivilege.Missing(isRoot: false, effectiveCapabilities: 0) }.ApplyAsync([Add], ct: Ct);
        Assert.Equal(ChangeOutcome.Rejected, report.Outcome);
        Assert.Contains("needs root (or CAP_NET_ADMIN)", report.Summary, StringComparison.Ordinal);
        Assert.Empty(_runner.Ran);
        Assert.False(opened);
    }

    [Fact]
    public async Task With_a_confirm_timer_the_change_awaits_confirmation_and_the_watchdog_is_started_for_it()
    {
        var report = await Path().ApplyAsync([Add], TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(ChangeOutcome.Applied, report.Outcome);

        var cs = Assert.Single(await _temp.Open().AwaitingConfirmationAsync(Ct));
        Assert.NotNull(cs.ConfirmDeadline);
        Assert.Equal(4_194_304 + 99, cs.WatchdogPid);
        var (db, id, options) = Assert.Single(_watchdogs);
        Assert.Equal((_temp.DbPath, cs.Id), (db, id));
        Assert.Equal(["--netns", "ntl-unit", "--ovs-db", "unix:/nowhere/db.sock"], options);
        Assert.Contains(report.Notes, n => n.StartsWith($"history #{cs.Id}: press c", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_apply_lock_held_by_another_change_refuses_naming_it_and_runs_nothing()
    {
        await using var held = await _temp.Open().AcquireApplyLockAsync("route add 10.0.0.0/8", TimeSpan.Zero, Ct);
        var report = await Path().ApplyAsync([Add], ct: Ct);
        Assert.Equal(ChangeOutcome.Rejected, report.Outcome);
        Assert.StartsWith("not applied: another NetTui process is applying a change", report.Summary, StringComparison.Ordinal);
        Assert.Contains("route add 10.0.0.0/8", report.Summary, StringComparison.Ordinal);
        Assert.Empty(_runner.Ran);
    }

    [Fact]
    public async Task A_change_set_left_pending_by_a_crash_blocks_new_changes()
    {
        var dead = ProcessIdentity.Current with { Pid = 4_194_304 + 17, StartTicks = 1 };
        var crashed = _temp.Open(self: dead);
        await using (var lease = await crashed.AcquireApplyLockAsync("bridge add br9", TimeSpan.Zero, Ct))
            await crashed.BeginChangeSetAsync(lease, new NewChangeSet("bridge add br9", "ntl-unit"), [JournalScript.Step("bridge-add", "br9")], Ct);

        var report = await Path().ApplyAsync([Add], ct: Ct);
        Assert.Equal(ChangeOutcome.Rejected, report.Outcome);
        Assert.Contains("nettui rollback --pending", report.Summary, StringComparison.Ordinal);
        Assert.EndsWith(NetTui.Recording.JournaledChange.HalfChanged, report.Summary, StringComparison.Ordinal);
        Assert.Empty(_runner.Ran);
    }

    [Fact]
    public async Task A_history_file_that_is_not_a_database_refuses_every_change_and_runs_nothing()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(_temp.DbPath)!);
        await File.WriteAllTextAsync(_temp.DbPath, "this is not an SQLite database, it is a text file\n" + new string('x', 4096), Ct);
        var changes = new HostChanges(TestChanges.Options(_temp.DbPath), TestChanges.Parts(_runner, _inventory));
        var path = new TuiChangePath(changes);

        var report = await path.ApplyAsync([Add], ct: Ct);
        Assert.Equal(ChangeOutcome.Rejected, report.Outcome);
        Assert.Contains(_temp.DbPath, report.Summary, StringComparison.Ordinal);
        Assert.Contains("not a NetTui history database", report.Summary, StringComparison.Ordinal);
        Assert.Empty(_runner.Ran);
        Assert.Equal(ChangeOutcome.Rejected, (await path.ApplyAsync([Add], TimeSpan.FromSeconds(30), Ct)).Outcome);
        Assert.Empty(_runner.Ran);
        // What the header shows until the file is fixed.
        Assert.Equal(report.Summary, "not applied: " + changes.Journal.Problem!.Line);
    }

    [Fact]
    public async Task A_commit_confirmed_change_persisted_through_NetworkManager_gets_a_checkpoint_in_the_TUI()
    {
        _inventory.Snapshot = Before;
        var report = await Path(new PersistenceMode(false, null)).ApplyAsync([Add], TimeSpan.FromSeconds(45), Ct);
        Assert.True(report.Outcome == ChangeOutcome.Applied, report.Summary);
        Assert.IsType<NetTui.Core.Persisting.PersistedOperation>(Assert.Single(report.Operations).Operation);
        Assert.Equal("create 45", _checkpoints.Calls[0]);
        var cs = Assert.Single(await _temp.Open().AwaitingConfirmationAsync(Ct));
        Assert.Equal("/org/freedesktop/NetworkManager/Checkpoint/1", cs.NmCheckpoint);
    }

    [Fact]
    public async Task A_commit_confirmed_change_that_fails_and_is_undone_leaves_no_checkpoint_behind()
    {
        var changes = Changes(new PersistenceMode(false, null));
        _runner.Fails = (spec, _) => spec.Display.StartsWith("ip addr add", StringComparison.Ordinal);
        var result = await changes.ApplyAsync(new NetTui.Composition.ChangeRequest([Add]) { ConfirmWithin = TimeSpan.FromSeconds(45), Probes = NetTui.Core.Reachability.ProbeKinds.None }, Ct);
        Assert.Equal(ChangeOutcome.RolledBack, result.Report!.Outcome);
        // Taken before the first command, removed once the executor has undone the change: the next change is not refused for "device already in a checkpoint".
        Assert.Equal(["create 45", "destroy /org/freedesktop/NetworkManager/Checkpoint/1"], _checkpoints.Calls);
    }

    [Fact]
    public async Task Confirming_with_c_destroys_the_checkpoint_through_the_TUIs_change_path()
    {
        var changes = Changes(new PersistenceMode(false, null));
        var report = await new TuiChangePath(changes).ApplyAsync([Add], TimeSpan.FromSeconds(45), Ct);
        Assert.True(report.Succeeded, report.Summary);
        var backend = NetTui.Composition.TuiComposition.Confirm(changes);
        var awaiting = Assert.Single(await backend.AwaitingAsync(Ct));

        Assert.Equal(ConfirmOutcome.Confirmed, await backend.ConfirmAsync(awaiting.Id, Ct));
        Assert.Equal("destroy /org/freedesktop/NetworkManager/Checkpoint/1", _checkpoints.Calls[^1]);
    }

    [Fact]
    public async Task The_confirm_backend_sees_the_awaiting_change_and_confirms_it_like_nettui_confirm()
    {
        var path = Path();
        await path.ApplyAsync([Add], TimeSpan.FromSeconds(30), Ct);
        var backend = new JournalConfirmBackend(() => path.Changes.Journal.Open().Journal, "ntl-unit", _checkpoints);
        var awaiting = Assert.Single(await backend.AwaitingAsync(Ct));
        Assert.Empty(await new JournalConfirmBackend(() => path.Changes.Journal.Open().Journal, "ntl-other", _checkpoints).AwaitingAsync(Ct));

        Assert.Equal(ConfirmOutcome.Confirmed, await backend.ConfirmAsync(awaiting.Id, Ct));
        Assert.Empty(await backend.AwaitingAsync(Ct));
        Assert.Equal(ChangeSetStatus.Applied, await backend.StatusAsync(awaiting.Id, Ct));
        Assert.NotNull((await _temp.Open().GetAsync(awaiting.Id, Ct))!.ChangeSet.ConfirmedAt);
    }
}
