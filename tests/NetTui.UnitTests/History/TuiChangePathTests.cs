using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.History.Journaling;
using NetTui.History.Storage;
using NetTui.Host.Changes;
using NetTui.Tui;
using NetTui.UnitTests.Operations;

namespace NetTui.UnitTests.History;

/// <summary>
/// The TUI's change path (what TuiApp wires to the forms) over fakes and a real journal file:
/// journaled like the CLI, refusals as the report's summary, and still applied (said so) when
/// there is no journal.
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

    private TuiChangePath Path(Func<Journal>? open = null) =>
        new(new NetworkTarget("ntl-unit"), o => new ChangeExecutor(_runner, _inventory, new MemoryFiles(), o), open ?? (() => _temp.Open()))
        {
            LockWait = TimeSpan.FromMilliseconds(300),
            WatchdogOptions = ["--ovs-db", "unix:/nowhere/db.sock"],
            StartWatchdog = (db, id, options) => { _watchdogs.Add((db, id, [.. options])); return 4_194_304 + 99; },
        };

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
        var report = await new TuiChangePath(new NetworkTarget("ntl-unit"), o => new ChangeExecutor(_runner, _inventory, new MemoryFiles(), o),
            () => { opened = true; return _temp.Open(); })
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
    public async Task Without_a_journal_the_change_still_applies_and_says_it_is_not_journaled()
    {
        var path = Path(() => throw new UnauthorizedAccessException("/var/lib/nettui/history.db: permission denied"));
        var report = await path.ApplyAsync([Add], ct: Ct);
        Assert.Equal(ChangeOutcome.Applied, report.Outcome);
        Assert.Contains("not journaled: /var/lib/nettui/history.db: permission denied", report.Notes);
        Assert.NotEmpty(_runner.Ran);

        // A confirm timer needs the journal (its watchdog reads it): refused, nothing more runs.
        var ran = _runner.Ran.Count;
        var timed = await path.ApplyAsync([Add], TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(ChangeOutcome.Rejected, timed.Outcome);
        Assert.Contains("confirm timer needs the history journal", timed.Summary, StringComparison.Ordinal);
        Assert.Equal(ran, _runner.Ran.Count);
    }

    [Fact]
    public async Task The_confirm_backend_sees_the_awaiting_change_and_confirms_it_like_nettui_confirm()
    {
        var path = Path();
        await path.ApplyAsync([Add], TimeSpan.FromSeconds(30), Ct);
        var backend = new JournalConfirmBackend(() => path.Journal().Journal, "ntl-unit");
        var awaiting = Assert.Single(await backend.AwaitingAsync(Ct));
        Assert.Empty(await new JournalConfirmBackend(() => path.Journal().Journal, "ntl-other").AwaitingAsync(Ct));

        Assert.Equal(ConfirmOutcome.Confirmed, await backend.ConfirmAsync(awaiting.Id, Ct));
        Assert.Empty(await backend.AwaitingAsync(Ct));
        Assert.Equal(ChangeSetStatus.Applied, await backend.StatusAsync(awaiting.Id, Ct));
        Assert.NotNull((await _temp.Open().GetAsync(awaiting.Id, Ct))!.ChangeSet.ConfirmedAt);
    }
}
