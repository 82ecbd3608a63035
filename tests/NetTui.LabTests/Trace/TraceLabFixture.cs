using System.Text.Json.Nodes;
using NetTui.Core.Model;
using NetTui.Core.Trace;
using NetTui.Lab;

namespace NetTui.LabTests.Trace;

/// <summary>
/// The seed's two hosts joined by OVS GRE (<see cref="SeedScenario"/>), and on host A a
/// dockerd managing iptables (its real FORWARD policy DROP, DOCKER-USER, MASQUERADE) with the
/// default network on br0 and the containers' MTU set to the tunnel's 1462; container ct1
/// runs there. Built once per class; each test breaks one thing and restores it.
/// </summary>
public sealed class TraceLabFixture : IAsyncLifetime
{
    public const string Container = "ct1";
    public SeedScenario Seed { get; private set; } = null!;
    public LabDocker Docker { get; private set; } = null!;
    public LabHost A => Seed.A.Host;
    /// <summary>iptables-save of host A as dockerd left it, to put back after a firewall break.</summary>
    public string Rules { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Seed = await SeedScenario.BuildAsync();
        Docker = await LabDocker.StartAsync(A, new JsonObject { ["bridge"] = SeedScenario.LinuxBridge, ["mtu"] = 1462 }, manageIptables: true);
        await Docker.RunBusyboxAsync(Container);
        Rules = (await A.CheckedAsync("iptables-save")).StandardOutput;
    }

    /// <summary>`nettui trace ct1 TO --netns A [extra] --json`: exit code and the parsed trace.</summary>
    public async Task<(int Exit, TraceResult Trace, string Stderr)> TraceAsync(string from, string to, params string[] extra)
    {
        var r = await NettuiCli.RunAsync(A.StateDir, new Dictionary<string, string> { ["DOCKER_HOST"] = Docker.DockerHost },
            ["trace", from, to, "--netns", A.Name, "--ovs-db", Seed.A.Ovs.DbTarget, "--json", .. extra]);
        var trace = SnapshotJson.Deserialize<TraceResult>(r.StandardOutput);
        Assert.True(trace is not null, $"no trace (exit {r.ExitCode}): {r.StandardError}");
        return (r.ExitCode, trace, r.StandardError);
    }

    public async Task RestoreRulesAsync()
    {
        var file = Path.Combine(A.StateDir, "rules.save");
        await File.WriteAllTextAsync(file, Rules);
        await A.CheckedAsync("iptables-restore", file);
    }

    public async ValueTask DisposeAsync()
    {
        if (Seed is not null) await Seed.DisposeAsync();
    }
}
