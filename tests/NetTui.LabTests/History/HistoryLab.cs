using NetTui.Cli;
using NetTui.Core.Model;
using NetTui.History.Journaling;
using NetTui.Lab;
using NetTui.LabTests.Operations;

namespace NetTui.LabTests.History;

/// <summary>
/// A lab namespace (optionally with its own OVS) and a history database of its own, with two
/// ways to run nettui against both: in this process through the same entry point as the
/// program (<see cref="NetTuiCli.RunAsync(string[], CliContext, CancellationToken)"/>, fast),
/// or as a separate nettui process (the native binary, <see cref="NettuiCli"/>) (crashes, concurrency, the detached watchdog).
/// Processes a test started (the watchdog) are ended by pid in <see cref="DisposeAsync"/>.
/// </summary>
internal sealed class HistoryLab : IAsyncDisposable
{
    private readonly List<int> _watchdogs = [];

    public OpsLab Lab { get; }
    public string Db { get; }
    public string Absent { get; }

    private HistoryLab(OpsLab lab)
    {
        Lab = lab;
        Db = Path.Combine(lab.Host.StateDir, "h.db");
        Absent = Path.Combine(lab.Host.StateDir, "absent");
    }

    public static async Task<HistoryLab> CreateAsync(bool ovs = false) => new(await OpsLab.CreateAsync(ovs));

    public string Netns => Lab.Host.Name;

    /// <summary>The options every nettui call of the test gets: this namespace, this history, this OVS, no Docker.</summary>
    public string[] Common =>
        ["--netns", Netns, "--history", Db, "--ovs-db", Lab.Context.Ovs.Db!, "--docker-host", "unix://" + Path.Combine(Absent, "docker.sock")];

    public Journal Journal => Journal.Open(Db);

    public Task<HostSnapshot> ReadAsync() => Lab.ReadAsync();

    /// <summary>nettui in this process; nobody to ask (like a script), so questions need --yes.</summary>
    public async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var ctx = new CliContext(o, e) { Ask = null };
        var code = await NetTuiCli.RunAsync([.. args, .. Common], ctx, TestContext.Current.CancellationToken);
        return (code, o.ToString(), e.ToString());
    }

    /// <summary>Runs and asserts exit 0.</summary>
    public async Task<string> OkAsync(params string[] args)
    {
        var (code, o, e) = await RunAsync(args);
        Assert.True(code == 0, $"nettui {string.Join(' ', args)} exited {code}:\n{o}\n{e}");
        return o;
    }

    /// <summary>`nettui ARGS` as its own process.</summary>
    public Task<ExecResult> CliAsync(params string[] args) =>
        NettuiCli.RunAsync(Lab.Host.StateDir, Environment(), [.. args, .. Common]);

    public Dictionary<string, string> Environment(IReadOnlyDictionary<string, string>? extra = null) =>
        NettuiCli.Environment(Lab.Host.StateDir, extra ?? new Dictionary<string, string>());

    /// <summary>
    /// Starts `nettui ARGS` that stops after its <paramref name="pauseAfterStep"/>-th
    /// step (the test-only NETTUI_TEST_PAUSE_AFTER_STEP hook), and waits until it is there: a
    /// change-set pending with that many commands recorded. The caller kills it.
    /// </summary>
    public Task<System.Diagnostics.Process> StartPausedAsync(int pauseAfterStep, params string[] args) =>
        StartPausedCoreAsync(pauseAfterStep, null, args);

    /// <summary>The same, but it goes on once the test creates <paramref name="resumeFile"/> (NETTUI_TEST_RESUME_FILE).</summary>
    public Task<System.Diagnostics.Process> StartPausedUntilAsync(string resumeFile, int pauseAfterStep, params string[] args) =>
        StartPausedCoreAsync(pauseAfterStep, resumeFile, args);

    private async Task<System.Diagnostics.Process> StartPausedCoreAsync(int pauseAfterStep, string? resumeFile, string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo(NettuiCli.Command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in (string[])[.. NettuiCli.Command.Skip(1), .. args, .. Common]) psi.ArgumentList.Add(a);
        var extra = new Dictionary<string, string> { ["NETTUI_TEST_PAUSE_AFTER_STEP"] = pauseAfterStep.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (resumeFile is not null) extra["NETTUI_TEST_RESUME_FILE"] = resumeFile;
        foreach (var (k, v) in Environment(extra)) psi.Environment[k] = v;
        var nettui = System.Diagnostics.Process.Start(psi)!;
        try
        {
            var journal = Journal;
            await LabWait.UntilAsync($"nettui to apply {pauseAfterStep} step(s) and pause", async () =>
            {
                // (Its stderr is read only once it has exited: reading a paused process's would wait for it.)
                if (nettui.HasExited) Assert.Fail("nettui exited instead of pausing: " + await nettui.StandardError.ReadToEndAsync());
                var pending = (await journal.ListAllAsync()).FirstOrDefault(cs => cs.Status == ChangeSetStatus.Pending);
                return pending is not null && (await journal.GetAsync(pending.Id))!.Steps.Sum(s => s.Commands.Length) >= pauseAfterStep;
            }, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(200));
            return nettui;
        }
        catch
        {
            nettui.Kill();
            nettui.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Waits (the machine is shared: generously) until change-set <paramref name="id"/> has
    /// <paramref name="status"/>; on timeout says where it is, whether its watchdog lives and
    /// what the log says.
    /// </summary>
    public async Task WaitForStatusAsync(long id, ChangeSetStatus status, TimeSpan timeout)
    {
        var journal = Journal;
        try
        {
            await LabWait.UntilAsync($"#{id} to become {status}", async () => (await journal.GetAsync(id))!.ChangeSet.Status == status,
                timeout, TimeSpan.FromMilliseconds(200));
        }
        catch (LabException e)
        {
            var cs = (await journal.GetAsync(id))!.ChangeSet;
            var log = Directory.GetFiles(Lab.Host.StateDir, "nettui*.log").Select(File.ReadAllText);
            Assert.Fail($"{e.Message}: it is {cs.Status}; watchdog pid {cs.WatchdogPid} " +
                        $"{(cs.WatchdogPid is { } p && LabSignals.IsAlive(p) ? "alive" : "gone")}; log:\n{string.Join("\n", log)}");
        }
    }

    /// <summary>Remembers a watchdog pid so that it is ended (if still alive) when the test ends.</summary>
    public void Track(int? watchdogPid)
    {
        if (watchdogPid is { } pid) _watchdogs.Add(pid);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var cs in await Journal.ListAllAsync())
                if (cs.WatchdogPid is { } pid) _watchdogs.Add(pid);
        }
        catch (Exception) { /* the db may not exist */ }
        // Only a process whose command line names this test's history db is ours.
        foreach (var pid in _watchdogs.Distinct())
            await LabSignals.StopOwnedAsync(pid, Db, TimeSpan.FromSeconds(2));
        await Lab.DisposeAsync();
    }
}
