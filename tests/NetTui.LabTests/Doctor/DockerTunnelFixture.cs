using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetTui.Core.Model;
using NetTui.Core.Plans;
using NetTui.Core.Wizard;
using NetTui.Lab;

namespace NetTui.LabTests.Doctor;

/// <summary>
/// The seed's two hosts joined by OVS GRE (SeedScenario) as the tunnel wizard leaves them
/// (br0 and obr0 at MTU 1462), each with a dockerd that manages iptables in the host's
/// namespace (real FORWARD policy DROP, DOCKER, DOCKER-USER, MASQUERADE) and puts its
/// containers on br0 with daemon.json {"bridge": "br0", "mtu": 1462}, and a busybox
/// container on each. Host A's wizard plan (made by <see cref="TunnelWizard"/>) tells the
/// Doctor the peer's subnet. Shared by a class: every test breaks one thing and leaves the
/// hosts working again.
/// </summary>
public sealed class DockerTunnelFixture : IAsyncLifetime
{
    public const int WizardMtu = 1462;
    private int _transfers;
    public SeedScenario Seed { get; private set; } = null!;
    public LabDocker DockerA { get; private set; } = null!;
    public LabDocker DockerB { get; private set; } = null!;
    public string AddressA { get; private set; } = "";
    public string AddressB { get; private set; } = "";
    public string PlanA => Path.Combine(Seed.A.Host.StateDir, "a.plan.json");
    public LabHost A => Seed.A.Host;
    public LabHost B => Seed.B.Host;

    public async ValueTask InitializeAsync()
    {
        Seed = await SeedScenario.BuildAsync();
        foreach (var side in new[] { Seed.A, Seed.B })
            foreach (var dev in new[] { SeedScenario.LinuxBridge, SeedScenario.OvsBridgeName })
                await side.Host.CheckedAsync("ip", "link", "set", "dev", dev, "mtu", WizardMtu.ToString());
        // dockerd sets FORWARD's policy to DROP only when it turns ip_forward on itself, as on a fresh host.
        foreach (var side in new[] { Seed.A, Seed.B })
            await side.Host.CheckedAsync("sysctl", "-q", "-w", "net.ipv4.ip_forward=0");
        var daemonJson = new JsonObject { ["bridge"] = SeedScenario.LinuxBridge, ["mtu"] = WizardMtu };
        DockerA = await LabDocker.StartAsync(A, (JsonObject)daemonJson.DeepClone(), manageIptables: true);
        DockerB = await LabDocker.StartAsync(B, (JsonObject)daemonJson.DeepClone(), manageIptables: true);
        await DockerA.RunBusyboxAsync("ca");
        await DockerB.RunBusyboxAsync("cb");
        AddressA = await AddressOfAsync(DockerA, "ca");
        AddressB = await AddressOfAsync(DockerB, "cb");
        await File.WriteAllTextAsync(PlanA, PlanFileJson.Write(WizardPlanForA()));
    }

    private static async Task<string> AddressOfAsync(LabDocker docker, string name) =>
        (await docker.CheckedAsync("inspect", "-f", "{{.NetworkSettings.IPAddress}}", name)).StandardOutput.Trim();

    /// <summary>What `nettui wizard tunnel` plans for host A (planned on a host that has only A's underlay).</summary>
    private static PlanFile WizardPlanForA()
    {
        var underlay = new Link(2, "br-phy", LinkKind.OvsInternal, "UP", true, 1500, null, null, null, null, [new LinkAddress(AddressFamily.Inet, "10.10.0.1", 24, "global")]);
        var host = HostSnapshot.Empty("a", null) with
        {
            Links = [underlay],
            Routes = [new Route(AddressFamily.Inet, "10.10.0.0/24", null, "br-phy", "kernel", "link", null, "main", "unicast")],
            Ovs = new OvsState("3.1.0", []),
        };
        var r = TunnelWizard.Plan(new TunnelWizardInput
        {
            LocalUnderlay = "10.10.0.1", PeerUnderlay = "10.10.0.2", LocalSubnet = "192.168.1.0/24", PeerSubnet = "192.168.2.0/24", DockerBridge = true,
        }, host);
        Assert.True(r.Ok, string.Join("; ", r.Errors));
        return r.Local!;
    }

    public IReadOnlyDictionary<string, string> Environment => Seed.A.Ovs.Environment
        .ToImmutableDictionary().SetItem("DOCKER_HOST", DockerA.DockerHost);

    /// <summary>`nettui doctor` on host A with its OVS, daemon.json and wizard plan.</summary>
    public Task<ExecResult> DoctorAsync(params string[] extra) =>
        NettuiCli.RunAsync(A.StateDir, Environment,
        [
            "doctor", "--netns", A.Name, "--ovs-db", Seed.A.Ovs.DbTarget, "--docker-config", DockerA.ConfigFile,
            "--plan", PlanA, "--boot-script", Path.Combine(A.StateDir, "rc.local"), .. extra,
        ]);

    /// <summary>The ids of what `nettui doctor --json` finds on host A.</summary>
    public async Task<IReadOnlyList<string>> FindingsAsync()
    {
        var r = await DoctorAsync("--json");
        Assert.True(r.ExitCode is 0 or 1, r.StandardOutput + r.StandardError);
        using var doc = JsonDocument.Parse(r.StandardOutput);
        return [.. doc.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetString()!)];
    }

    /// <summary>`nettui doctor --fix ID --yes` on host A; asserts the re-check found it resolved.</summary>
    public async Task<ExecResult> FixAsync(string id)
    {
        var r = await DoctorAsync("--fix", id, "--yes");
        Assert.True(r.StandardOutput.Contains($"Re-check: {id} is resolved.", StringComparison.Ordinal), $"exit {r.ExitCode}\n{r.StandardOutput}\n{r.StandardError}");
        return r;
    }

    /// <summary>
    /// `nettui trace ca TO --proto tcp --port 5000 --json` on host A (TO: B's container, with
    /// `--peer B` for the way back, unless <paramref name="to"/> names another address): exit code and the hops.
    /// </summary>
    public async Task<(int Exit, NetTui.Core.Trace.TraceResult Trace)> TraceAsync(string? to = null)
    {
        string[] peer = to is null ? ["--peer", B.Name] : [];
        var r = await NettuiCli.RunAsync(A.StateDir, Environment,
            ["trace", "ca", to ?? AddressB, "--proto", "tcp", "--port", "5000", .. peer, "--netns", A.Name, "--ovs-db", Seed.A.Ovs.DbTarget, "--json"]);
        var trace = NetTui.Core.Model.SnapshotJson.Deserialize<NetTui.Core.Trace.TraceResult>(r.StandardOutput);
        Assert.True(trace is not null, $"no trace (exit {r.ExitCode}): {r.StandardError}");
        return (r.ExitCode, trace);
    }

    /// <summary>
    /// 1 MiB over TCP from A's container to B's across the tunnel (busybox nc), each end
    /// bounded by busybox timeout so nothing is left running; the bytes B's container received.
    /// The listener's stdin stays open (sleep): busybox nc stops reading the network at stdin's EOF.
    /// </summary>
    public async Task<long> TransferAsync(int seconds = 20)
    {
        var port = (5000 + Interlocked.Increment(ref _transfers)).ToString();
        await DockerB.DockerAsync("exec", "cb", "rm", "-f", "/got");
        await DockerB.CheckedAsync("exec", "-d", "cb", "sh", "-c", $"busybox sleep {seconds + 5} | busybox timeout {seconds + 5} busybox nc -l -p {port} > /got");
        await Task.Delay(500); // the listener binds
        await DockerA.DockerAsync("exec", "ca", "sh", "-c",
            $"busybox dd if=/dev/zero bs=1024 count=1024 2>/dev/null | busybox timeout {seconds} busybox nc {AddressB} {port}");
        long got = 0;
        for (var i = 0; i < 10; i++)
        {
            var wc = await DockerB.DockerAsync("exec", "cb", "busybox", "wc", "-c", "/got");
            got = long.TryParse(wc.StandardOutput.Trim().Split(' ')[0], out var n) ? n : 0;
            if (got >= 1 << 20) break;
            await Task.Delay(300);
        }
        return got;
    }

    public async ValueTask DisposeAsync()
    {
        if (Seed is not null) await Seed.DisposeAsync();
    }
}
