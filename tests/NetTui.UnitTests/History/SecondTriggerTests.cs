using NetTui.Composition;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Reachability;
using NetTui.Host.Changes;
using NetTui.Presentation;
using NetTui.UnitTests.Operations;

namespace NetTui.UnitTests.History;

/// <summary>
/// Issue 25: commit-confirmed must not rest on one watchdog process. Where systemd runs the host
/// (here: a config root with run/systemd/system), a transient timer starts a second watchdog a
/// little after the deadline; without systemd there is none.
/// </summary>
public sealed class SecondTriggerTests : IDisposable
{
    private static readonly HostSnapshot Before = TestHost.Basic();
    private static readonly Operation Add = new CreateBridge("br0", "192.168.100.1/24");
    private readonly TempJournal _temp = new();
    private readonly FakeInventory _inventory = new(Before);
    private readonly RecordingRunner _runner = new();

    public SecondTriggerTests() => _runner.After = _ => _inventory.Snapshot = Before.WithBridge("br0", false, "192.168.100.1/24");

    public void Dispose() => _temp.Dispose();

    private HostChanges Changes(bool systemd)
    {
        var root = Path.Combine(_temp.Directory, "root");
        Directory.CreateDirectory(Path.Combine(root, systemd ? "run/systemd/system" : "run"));
        return new(TestChanges.Options(_temp.DbPath) with { ConfigRoot = root },
            TestChanges.Parts(_runner, _inventory, TestChanges.NoNetworkManager) with
            {
                OpenJournal = _ => _temp.Open(),
                StartWatchdog = (_, _, _) => 4_194_304 + 99,
            });
    }

    private Task<ChangeResult> ApplyConfirmed(HostChanges changes) =>
        changes.ApplyAsync(new ChangeRequest([Add]) { ConfirmWithin = TimeSpan.FromSeconds(45), Probes = ProbeKinds.None }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task On_a_systemd_host_a_transient_timer_starts_a_second_watchdog_after_the_deadline()
    {
        using var changes = Changes(systemd: true);
        var result = await ApplyConfirmed(changes);
        Assert.Equal(ChangeOutcome.Applied, result.Report!.Outcome);
        var timer = Assert.Single(_runner.Ran, c => c.Program == "systemd-run");
        Assert.False(timer.InTargetNamespace);
        var args = timer.Arguments;
        Assert.Contains("--on-active=50s", args);
        Assert.Contains(args, a => a.StartsWith("--unit=nettui-watchdog-", StringComparison.Ordinal) && a.EndsWith($"-{result.ChangeSetId}", StringComparison.Ordinal));
        var command = args[(args.IndexOf("--") + 1)..];
        var watchdog = command.IndexOf("watchdog");
        Assert.True(watchdog > 0, string.Join(' ', command));
        Assert.Equal(["watchdog", "--change-set", $"{result.ChangeSetId}", "--history", _temp.DbPath, "--netns", "ntl-unit"], command[watchdog..]);
        Assert.DoesNotContain(result.Notes, n => n.Contains("second trigger", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_systemd_the_watchdog_is_the_only_trigger_and_a_failed_timer_is_said()
    {
        using (var plain = Changes(systemd: false))
        {
            await ApplyConfirmed(plain);
            Assert.DoesNotContain(_runner.Ran, c => c.Program == "systemd-run");
        }
        _inventory.Snapshot = Before;
        _runner.Ran.Clear();
        await _temp.Open().ConfirmAsync((await _temp.Open().AwaitingConfirmationAsync(TestContext.Current.CancellationToken)).Single().Id, TestContext.Current.CancellationToken);
        _runner.Fails = (c, _) => c.Program == "systemd-run";
        using var changes = Changes(systemd: true);
        var result = await ApplyConfirmed(changes);
        Assert.Contains(result.Notes, n => n.StartsWith("no systemd timer as a second trigger", StringComparison.Ordinal));
    }
}
