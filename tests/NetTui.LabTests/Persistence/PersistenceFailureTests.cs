using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Persisting;
using NetTui.Host.Changes;
using NetTui.Host.NetworkManager;
using NetTui.Lab;

namespace NetTui.LabTests.Persistence;

/// <summary>NetworkManager down, D-Bus error replies and failed activations: clear messages, nothing half-made.</summary>
public sealed class PersistenceFailureTests
{
    [Fact]
    public async Task Gre_profile_is_accepted_and_saved_but_activation_fails_with_the_profile_and_reason_and_nothing_is_left()
    {
        await using var lab = await PersistLab.CreateAsync();

        // NetworkManager takes and saves the profile (the kernel here has no ip_gre).
        var settings = ProfileBuilder.IpTunnel("gre1", Guid.NewGuid(), ProfileBuilder.ModeGre, "10.9.9.2", null, 7, 64);
        using (var nm = lab.Client())
        {
            await nm.AddConnectionAsync(settings, ct: TestContext.Current.CancellationToken);
            var shown = await lab.NmcliShowAsync("nettui-gre1", "connection.type,ip-tunnel.mode,ip-tunnel.remote,ip-tunnel.input-key,ip-tunnel.output-key,ip-tunnel.ttl");
            Assert.Equal("ip-tunnel", shown["connection.type"]);
            Assert.Equal("gre", shown["ip-tunnel.mode"]);
            Assert.Equal("10.9.9.2", shown["ip-tunnel.remote"]);
            Assert.Equal("7", shown["ip-tunnel.input-key"]);
            Assert.Equal("7", shown["ip-tunnel.output-key"]);
            Assert.Equal("64", shown["ip-tunnel.ttl"]);
            var e = await Assert.ThrowsAsync<NetworkManagerException>(() => nm.ActivateAndWaitAsync(settings.Uuid, settings.Id, null, TestContext.Current.CancellationToken));
            Assert.Contains("nettui-gre1", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', e.Message);
            await nm.DeleteConnectionAsync((await nm.FindConnectionByUuidAsync(settings.Uuid, TestContext.Current.CancellationToken))!, settings.Id, TestContext.Current.CancellationToken);
        }

        // Through the executor: the failure is reported with the profile and reason, the profile is removed again.
        var r = await lab.TryApplyAsync(new PersistedOperation(new CreateIpTunnel("gre2", "gre", "10.9.9.2", Key: "5")));
        Assert.Equal(ChangeOutcome.RolledBack, r.Outcome);
        Assert.Contains("nettui-gre2", r.Summary, StringComparison.Ordinal);
        // NetworkManager refuses right away (the device cannot be created) or fails the activation: either way one line with its reason.
        Assert.Matches("^NetworkManager (refused to|could not) activate profile nettui-gre2: .+", r.FailedStep!.Error!);
        Assert.DoesNotContain('\n', r.FailedStep.Error!);
        Assert.Empty(r.UndoFailures);
        Assert.False(await lab.ProfileExistsAsync("nettui-gre2"));
        Assert.False(File.Exists(Path.Combine(lab.Nm.KeyfileDir, "nettui-gre2.nmconnection")));
        Assert.False((await lab.Host.RunAsync("ip", "link", "show", "gre2")).Succeeded);
    }

    [Fact]
    public async Task A_dbus_error_reply_becomes_one_clear_line_naming_the_profile()
    {
        await using var lab = await PersistLab.CreateAsync();
        // ipv4.method manual without any address is invalid for NetworkManager.
        var bad = ProfileBuilder.Bridge("brx", Guid.NewGuid(), false, [], []).Set(NmKeys.Ipv4, NmKeys.Method, "manual");
        using var nm = lab.Client();
        var e = await Assert.ThrowsAsync<NetworkManagerException>(() => nm.AddConnectionAsync(bad, ct: TestContext.Current.CancellationToken));
        Assert.StartsWith("NetworkManager refused to save profile nettui-brx: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("ipv4", e.Message, StringComparison.Ordinal);
        Assert.False(e.NotRunning);
        Assert.DoesNotContain('\n', e.Message);
        Assert.False(await lab.ProfileExistsAsync("nettui-brx"));
    }

    [Fact]
    public async Task With_NetworkManager_down_changes_are_runtime_only_and_labelled_so()
    {
        await using var lab = await PersistLab.CreateAsync();
        await lab.Nm.StopAsync();

        using (var nm = lab.Client())
        {
            var e = await Assert.ThrowsAsync<NetworkManagerException>(() => nm.ListConnectionsAsync(TestContext.Current.CancellationToken));
            Assert.True(e.NotRunning);
            Assert.StartsWith("NetworkManager is not", e.Message, StringComparison.Ordinal);
        }

        // Decided persisted (wrapped) while NetworkManager is gone: refused, nothing made (issue 25:
        // never a silent runtime fallback); the one change path decides runtime-only up front instead.
        var decided = await lab.TryApplyAsync(new PersistedOperation(new CreateBridge("br4", "192.168.54.1/24")));
        Assert.Equal(ChangeOutcome.Rejected, decided.Outcome);
        Assert.Contains("NetworkManager is not running", decided.Summary + string.Join("; ", decided.Errors), StringComparison.Ordinal);
        Assert.False((await lab.Host.RunAsync("ip", "link", "show", "br4")).Succeeded);
        Assert.Equal("runtime only: LOST AT REBOOT (NetworkManager is not available: down)",
            NetTui.Presentation.PersistenceLabel.For(new CreateBridge("br4", "192.168.54.1/24"), [], await lab.ReadAsync(), new NetTui.Presentation.PersistenceMode(false, "down")));
        var r = await lab.TryApplyAsync(new CreateBridge("br4", "192.168.54.1/24"));
        Assert.Equal(ChangeOutcome.Applied, r.Outcome);
        var s = await lab.ReadAsync();
        Assert.False(s.NetworkManager!.Available);
        Assert.Equal(PersistenceKind.RuntimeOnly, s.FindLink("br4")!.Persistence!.Where);

        var make = await lab.TryApplyAsync(new MakePersistent("br4"));
        Assert.Equal(ChangeOutcome.Rejected, make.Outcome);
        Assert.Contains("NetworkManager is not available", make.Summary, StringComparison.Ordinal);

        // And the runtime bridge is lost by a reboot, as it said.
        await lab.RebootAsync();
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        Assert.False((await lab.Host.RunAsync("ip", "link", "show", "br4")).Succeeded);
    }

    [Fact]
    public async Task A_checkpoint_rollback_removes_a_profile_added_after_it()
    {
        await using var lab = await PersistLab.CreateAsync();
        using var nm = lab.Client();
        var ct = TestContext.Current.CancellationToken;
        var checkpoint = await nm.CheckpointCreateAsync([], 60, ct: ct);
        var s = ProfileBuilder.Bridge("br6", Guid.NewGuid(), false, [NetTui.Core.Values.IpPrefix.Parse("192.168.56.1/24").Get()], []);
        await nm.AddConnectionAsync(s, ct: ct);
        await nm.ActivateAndWaitAsync(s.Uuid, s.Id, null, ct);
        Assert.True((await lab.Host.RunAsync("ip", "link", "show", "br6")).Succeeded);

        await nm.CheckpointRollbackAsync(checkpoint, ct);
        await LabWait.UntilAsync("the rollback to delete br6's profile", async () => !await lab.ProfileExistsAsync("nettui-br6"), TimeSpan.FromSeconds(15));

        // A confirmed change stays: destroy instead of rollback.
        var second = await NmCheckpoint.BeginAsync(nm, TimeSpan.FromSeconds(60), ct: ct);
        await second.ExtendAsync(TimeSpan.FromSeconds(120), ct);
        await nm.AddConnectionAsync(s, ct: ct);
        await second.ConfirmAsync(ct);
        Assert.True(await lab.ProfileExistsAsync("nettui-br6"));

        // Unconfirmed: NetworkManager rolls back by itself when the timeout passes (nobody calls rollback).
        var s2 = ProfileBuilder.Bridge("br8", Guid.NewGuid(), false, [], []);
        await NmCheckpoint.BeginAsync(nm, TimeSpan.FromSeconds(2), ct: ct);
        await nm.AddConnectionAsync(s2, ct: ct);
        Assert.True(await lab.ProfileExistsAsync("nettui-br8"));
        await LabWait.UntilAsync("NetworkManager's own rollback to delete br8's profile", async () => !await lab.ProfileExistsAsync("nettui-br8"), TimeSpan.FromSeconds(15));
        Assert.True(await lab.ProfileExistsAsync("nettui-br6"), "the confirmed change stays");
    }
}
