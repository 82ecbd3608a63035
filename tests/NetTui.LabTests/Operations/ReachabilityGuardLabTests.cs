using NetTui.Core.Operations;
using NetTui.Core.Reachability;
using NetTui.Host.Changes;
using NetTui.Host.Reachability;
using NetTui.Lab;

namespace NetTui.LabTests.Operations;

/// <summary>
/// A change must not cut the admin off: a host whose default gateway (another lab namespace)
/// answers pings, and whose SSH client sits behind a route; a change that takes either away
/// is undone at once by the probes, with no confirm timer, and says which probe failed.
/// </summary>
public sealed class ReachabilityGuardLabTests
{
    private sealed class GatewayLab : IAsyncDisposable
    {
        public required OpsLab Host { get; init; }
        public required LabHost Gateway { get; init; }

        public static async Task<GatewayLab> CreateAsync()
        {
            var host = await OpsLab.CreateAsync();
            var gw = await LabHost.CreateAsync();
            await host.Host.ConnectAsync("up0", gw, "down0");
            await host.Ip("addr", "add", "10.77.0.2/24", "dev", "up0");
            await gw.CheckedAsync("ip", "addr", "add", "10.77.0.1/24", "dev", "down0");
            await host.Ip("route", "add", "default", "via", "10.77.0.1");
            await host.Ip("route", "add", "10.88.0.0/24", "via", "10.77.0.1");
            await host.Host.WaitUntilSettledAsync();
            return new GatewayLab { Host = host, Gateway = gw };
        }

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            await Gateway.DisposeAsync();
        }
    }

    /// <summary>The lab's executor guarded by <paramref name="kinds"/>, as HostChanges builds it for a change.</summary>
    private static ChangeExecutor Guarded(OpsLab lab, ProbeKinds kinds, string? ssh = null) =>
        new(lab.Runner, lab.Inventory, guard: new ReachabilityGuard(lab.Runner, ProbeTargets.From(kinds, resolvConf: null, sshConnection: ssh)));

    private static async Task<bool> HasDefaultRouteAsync(OpsLab lab) => (await lab.Host.IpJsonAsync("route", "show", "default")).Count > 0;

    [Fact]
    public async Task Removing_the_default_route_is_undone_at_once_naming_the_gateway_probe()
    {
        await using var lab = await GatewayLab.CreateAsync();
        var r = await Guarded(lab.Host, ProbeKinds.Gateway).ApplyAsync(new DeleteRoute("default", Via: "10.77.0.1"), lab.Host.Context, ct: TestContext.Current.CancellationToken);

        Assert.True(r.Outcome == ChangeOutcome.RolledBack, $"{r.Outcome}: {r.Summary}");
        Assert.Contains("the change cut the host off: IPv4 default route", r.Summary, StringComparison.Ordinal);
        Assert.True(await HasDefaultRouteAsync(lab.Host), "the default route was not put back");
    }

    [Fact]
    public async Task Without_probes_the_same_change_applies()
    {
        await using var lab = await GatewayLab.CreateAsync();
        var r = await Guarded(lab.Host, ProbeKinds.None).ApplyAsync(new DeleteRoute("default", Via: "10.77.0.1"), lab.Host.Context, ct: TestContext.Current.CancellationToken);
        Assert.True(r.Outcome == ChangeOutcome.Applied, $"{r.Outcome}: {r.Summary}");
        Assert.False(await HasDefaultRouteAsync(lab.Host));
    }

    [Fact]
    public async Task Removing_the_route_back_to_the_ssh_client_is_undone()
    {
        await using var lab = await GatewayLab.CreateAsync();
        var r = await Guarded(lab.Host, ProbeKinds.Ssh, ssh: "10.88.0.5 50022 10.77.0.2 22").ApplyAsync(new DeleteRoute("10.88.0.0/24", Via: "10.77.0.1"), lab.Host.Context, ct: TestContext.Current.CancellationToken);
        // The default route still leads there: take it away too, in the same change, so the client is cut off.
        Assert.True(r.Outcome == ChangeOutcome.Applied, "the default route still reaches the client: " + r.Summary);

        await lab.Host.Ip("route", "add", "10.88.0.0/24", "via", "10.77.0.1");
        var cut = await Guarded(lab.Host, ProbeKinds.Ssh, ssh: "10.88.0.5 50022 10.77.0.2 22").ApplyAsync([new DeleteRoute("10.88.0.0/24", Via: "10.77.0.1"), new DeleteRoute("default", Via: "10.77.0.1")],
            lab.Host.Context, ct: TestContext.Current.CancellationToken);
        Assert.True(cut.Outcome == ChangeOutcome.RolledBack, $"{cut.Outcome}: {cut.Summary}");
        Assert.Contains("SSH client 10.88.0.5", cut.Summary, StringComparison.Ordinal);
        Assert.True(await HasDefaultRouteAsync(lab.Host));
        Assert.Single(await lab.Host.Host.IpJsonAsync("route", "show", "10.88.0.0/24"));
    }

    [Fact]
    public async Task The_cli_undoes_a_route_change_that_cuts_the_gateway_and_probe_none_lets_it_through()
    {
        await using var lab = await GatewayLab.CreateAsync();
        var env = new Dictionary<string, string>();
        string[] common = ["--netns", lab.Host.Host.Name, "--ovs-db", "unix:" + Path.Combine(lab.Host.Host.StateDir, "no-ovs.sock"), "--runtime-only"];

        var guarded = await NettuiCli.RunAsync(lab.Host.Host.StateDir, env, ["route", "del", "default", "--via", "10.77.0.1", .. common]);
        Assert.True(guarded.ExitCode == 1, $"exit {guarded.ExitCode}: {guarded.StandardOutput}{guarded.StandardError}");
        Assert.Contains("cut the host off: IPv4 default route", guarded.StandardOutput + guarded.StandardError, StringComparison.Ordinal);
        Assert.True(await HasDefaultRouteAsync(lab.Host));

        var unguarded = await NettuiCli.RunAsync(lab.Host.Host.StateDir, env, ["route", "del", "default", "--via", "10.77.0.1", "--probe", "none", .. common]);
        Assert.True(unguarded.ExitCode == 0, $"exit {unguarded.ExitCode}: {unguarded.StandardOutput}{unguarded.StandardError}");
        Assert.False(await HasDefaultRouteAsync(lab.Host));
    }
}
