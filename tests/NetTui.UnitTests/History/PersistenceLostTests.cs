using NetTui.Composition;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.History.Journaling;
using NetTui.Host.Changes;
using NetTui.Presentation;
using NetTui.Recording;
using NetTui.UnitTests.Operations;

namespace NetTui.UnitTests.History;

/// <summary>
/// A change decided as persisted (NetworkManager answered) stays persisted or fails as a whole:
/// NetworkManager gone mid-change stops and undoes it (no silent runtime `ip` steps), and an
/// undo of a persisted change with NetworkManager down is refused, naming the profile that
/// would bring the object back at boot, unless --runtime-only says to revert the runtime side.
/// </summary>
public sealed class PersistenceLostTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly PersistenceMode NetworkManagerRuns = new(RuntimeOnly: false, Unavailable: null);
    private static readonly HostSnapshot Before = TestHost.Basic() with { NetworkManager = new NetworkManagerState(true, null, "1.42.4", []) };
    private static readonly HostSnapshot Made = Before.WithBridge("br0", false, "192.168.100.1/24");
    private static readonly NetworkManagerState Killed = NetworkManagerState.Down("the name org.freedesktop.NetworkManager has no owner");
    private readonly TempJournal _temp = new();
    private readonly FakeInventory _inventory = new(Before);
    private readonly RecordingRunner _runner = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>NetworkManager makes br0, then (when <paramref name="dies"/>) is gone for whatever comes next.</summary>
    private HostChanges Changes(bool dies) => new(TestChanges.Options(_temp.DbPath),
        TestChanges.Parts(_runner, _inventory, NetworkManagerRuns, networkManagerStep: () => _inventory.Snapshot = dies ? Made with { NetworkManager = Killed } : Made));

    [Fact]
    public async Task NetworkManager_gone_mid_change_stops_and_undoes_it_instead_of_running_ip()
    {
        using var changes = Changes(dies: true);
        var result = await changes.ApplyAsync(new ChangeRequest([new CreateBridge("br0", "192.168.100.1/24"), new AddAddress("br0", "10.9.9.1/24")])
        {
            Probes = Core.Reachability.ProbeKinds.None,
        }, Ct);

        var report = result.Report!;
        Assert.Equal(ChangeOutcome.RolledBack, report.Outcome);
        Assert.Contains("operation 2", report.Summary, StringComparison.Ordinal);
        Assert.Contains("NetworkManager is not running", report.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(_runner.Ran, c => c.Program == "ip"); // no runtime fallback
        Assert.NotEmpty(report.Undone);
    }

    [Fact]
    public async Task Undo_with_NetworkManager_down_is_refused_naming_the_profile_and_runtime_only_reverts_the_runtime_side()
    {
        using var changes = Changes(dies: false);
        var made = await changes.ApplyAsync(new ChangeRequest([new CreateBridge("br0", "192.168.100.1/24")]) { Probes = Core.Reachability.ProbeKinds.None }, Ct);
        Assert.Equal(ChangeOutcome.Applied, made.Report!.Outcome);
        _inventory.Snapshot = Made with { NetworkManager = Killed };
        var journal = _temp.Open();
        var plan = await journal.PlanUndoAsync(1, ct: Ct);

        await using (var lease = await journal.AcquireApplyLockAsync("undo", TimeSpan.FromSeconds(5), Ct))
        {
            var refused = await new Reverter(journal, changes.Access()).RevertAsync(lease, plan.Reverts[0], Ct);
            Assert.False(refused.Succeeded);
            Assert.Contains("nettui-br0", refused.Message, StringComparison.Ordinal);
            Assert.Contains("--runtime-only", refused.Message, StringComparison.Ordinal);
            Assert.Empty(_runner.Ran);
            Assert.Equal(ChangeSetStatus.Applied, (await journal.GetAsync(made.ChangeSetId!.Value, Ct))!.ChangeSet.Status);

            _runner.After = spec => { if (spec.Display == "ip link del dev br0") _inventory.Snapshot = Before with { NetworkManager = Killed }; };
            var runtime = await new Reverter(journal, changes.Access()) { RuntimeOnly = true }.RevertAsync(lease, plan.Reverts[0], Ct);
            Assert.True(runtime.Succeeded, runtime.Message);
            Assert.Contains(_runner.Lines, l => l == "ip link del dev br0");
            Assert.Contains("profiles stay", runtime.Message, StringComparison.Ordinal);
        }
    }
}
