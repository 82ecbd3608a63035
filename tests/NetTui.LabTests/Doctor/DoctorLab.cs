using System.Collections.Immutable;
using NetTui.Core.Commands;
using NetTui.Core.Doctor;
using NetTui.Host.Commands;
using NetTui.Host.Doctor;
using NetTui.Host.Inventory;
using NetTui.Lab;

namespace NetTui.LabTests.Doctor;

/// <summary>
/// One lab host (its own namespace) with, optionally, a private OVS, and a Doctor pointed
/// at it: the OVS paths, daemon.json and boot scripts are the lab's, never the machine's.
/// Disposal stops any daemon a fix started (by the pid in the lab directory's pid files,
/// only if its command line names the lab directory), then removes the host.
/// </summary>
public sealed class DoctorLab : IAsyncDisposable
{
    public LabHost Host { get; }
    public LabOvs? Ovs { get; }
    public string OvsDir { get; }
    public string DaemonJson => Path.Combine(Host.StateDir, "daemon.json");
    public NetworkTarget Target => new(Host.Name);

    private DoctorLab(LabHost host, LabOvs? ovs)
    {
        Host = host;
        Ovs = ovs;
        OvsDir = ovs?.Dir ?? Path.Combine(host.StateDir, "ovs");
    }

    public static async Task<DoctorLab> CreateAsync(bool withOvs = true)
    {
        var host = await LabHost.CreateAsync();
        try
        {
            var ovs = withOvs ? await LabOvs.StartAsync(host) : null;
            return new DoctorLab(host, ovs);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>The OVS_* variables naming the lab's directory (or <paramref name="runDir"/> as the clients' run directory).</summary>
    public ImmutableDictionary<string, string> OvsEnvironment(string? runDir = null) =>
        ImmutableDictionary<string, string>.Empty
            .Add("OVS_RUNDIR", runDir ?? OvsDir).Add("OVS_DBDIR", OvsDir).Add("OVS_LOGDIR", OvsDir).Add("OVS_SYSCONFDIR", OvsDir);

    /// <summary>A Doctor for this host; <paramref name="clientRunDir"/> makes the clients look in another run directory.</summary>
    public DoctorService Doctor(string? clientRunDir = null, bool withOvsEnvironment = true)
    {
        var runner = new CommandRunner(Target);
        var socket = "unix:" + Path.Combine(clientRunDir ?? OvsDir, "db.sock");
        var missing = Path.Combine(Host.StateDir, "absent");
        var inventory = new HostInventory(runner, new InventoryOptions(socket, "unix://" + missing + "/docker.sock", "unix:path=" + missing + "/bus.sock"));
        return new DoctorService(runner, inventory, new DoctorOptions
        {
            OvsDatabase = socket,
            OvsEnvironment = withOvsEnvironment ? OvsEnvironment(clientRunDir) : ImmutableDictionary<string, string>.Empty,
            DaemonJsonPath = DaemonJson,
            BootScriptPaths = [Path.Combine(Host.StateDir, "rc.local")],
            SystemdRunDir = missing,
        });
    }

    /// <summary>`ovs-vsctl show` as an admin would run it with the lab's environment (and the given run directory).</summary>
    public Task<ExecResult> VsctlShowAsync(string? runDir = null) =>
        Host.RunAsync(["ovs-vsctl", "--timeout=5", "show"], OvsEnvironment(runDir), TimeSpan.FromSeconds(10));

    public static Finding Named(DoctorReport report, string id)
    {
        var f = report.Findings.FirstOrDefault(x => x.Id == id);
        Assert.True(f is not null, $"expected finding {id}; found: {string.Join(", ", report.Findings.Select(x => x.Id))}");
        return f;
    }

    public static void AssertResolved(FixResult r)
    {
        var steps = string.Join("\n", r.Outcome.Steps.Select(s => $"{(s.Succeeded ? "ok" : "FAIL")} {s.Command} {s.Error}"));
        Assert.True(r.Outcome.Succeeded, $"the fix failed: {r.Outcome.Error}\n{steps}");
        Assert.True(r.Resolved, $"{r.Finding.Id} is still found after the fix; now: {string.Join(", ", r.After.Findings.Select(f => f.Id))}\n{steps}");
    }

    public async ValueTask DisposeAsync()
    {
        // Daemons a fix started detach themselves; their pid files are in the lab's directory.
        foreach (var name in new[] { "ovs-vswitchd.pid", "ovsdb-server.pid" })
            foreach (var dir in Directory.Exists(Host.StateDir) ? Directory.GetDirectories(Host.StateDir).Append(Host.StateDir) : [])
                if (LabSignals.ReadPidFile(Path.Combine(dir, name)) is { } pid)
                    await LabSignals.StopOwnedAsync(pid, Host.StateDir, TimeSpan.FromSeconds(5));
        await Host.DisposeAsync();
    }
}
