using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Host.Commands;
using NetTui.Host.Inventory;
using NetTui.Host.Monitoring;
using NetTui.Live;
using Terminal.Gui.App;

namespace NetTui.Tui;

/// <summary>
/// Composition root of the full-screen UI: the inventory for the target namespace, the
/// main window, and live updates. The window appears at once with an empty snapshot and
/// fills in when the first read completes, so a slow source never delays the UI.
/// </summary>
public static class TuiApp
{
    public static async Task<int> RunAsync(TuiOptions options)
    {
        var log = options.Log ?? Serilog.Core.Logger.None;
        var target = new NetworkTarget(options.Netns);
        if (target.Namespace is { } ns && !File.Exists(target.NamespacePath))
        {
            await Console.Error.WriteLineAsync($"nettui: network namespace '{ns}' not found ({target.NamespacePath})").ConfigureAwait(false);
            return 1;
        }
        var inventory = options.InventoryFactory?.Invoke(target) ?? DefaultInventory(options, target, log);
        var initial = HostSnapshot.Empty(Environment.MachineName, target.Namespace);
        // Read-only when asked, or when this process may not change the network (said in the header, not at Apply).
        var readOnlyWhy = ReadOnlyWhy(options.ReadOnly, ChangePrivilege.Missing());
        bool readOnly = readOnlyWhy is not null;

        using var stop = new CancellationTokenSource();
        // The first screen's read starts now and runs while Terminal.Gui initialises.
        var firstRead = TuiStartup.Prefetch(inventory, stop.Token);
        Host.Diagnostics.PhaseTiming.Mark("tui: first read started");
        using IApplication app = Application.Create().Init();
        Host.Diagnostics.PhaseTiming.Mark("tui: terminal initialised");
        using var window = new MainWindow(initial, readOnly, Theme.ByName(options.Theme));
        if (readOnlyWhy is not null) window.ReadOnlyReason = readOnlyWhy;
        window.FormsHidden = options.ReadOnly;
        window.ReadFile = ReadSmallFile;
        window.RestartDocker = RestartDocker(log);
        // The one change path (Composition/HostChanges), as the CLI's verbs use it.
        using var changes = Composition.TuiComposition.Changes(options, inventory);
        var forms = new TuiChangePath(changes, options.RuntimeOnly);
        window.ApplyChanges = forms.ApplyAsync;
        window.OfferConfirmTimer = true;
        // A journal that cannot be used refuses every change; the header says so until it is fixed.
        window.JournalProblem = () => changes.Journal.Problem?.Line;
        window.Wizard.SavePath = Path.Combine(changes.Options.StateDirectory, TunnelWizardOverlay.PlanFileName);
        // The countdown of commit-confirmed changes (and `c`); read-only sessions change nothing, so have none to confirm.
        if (!readOnly) window.Confirm = Composition.TuiComposition.Confirm(changes);
        var apply = TuiStartup.Apply(window);
        // The links are usually read by now: put them in the window before its first draw.
        var first = firstRead.TakeIfDone(TuiStartup.FirstFrameWait);
        if (first is not null) apply(first);
        var scheduler = new RefreshScheduler(firstRead, first ?? initial, app.Invoke, apply, window.SetRefreshing, log)
        {
            Stopping = stop.Token,
        };
        window.RefreshRequested += r => { if (r.Host != InventoryParts.None) scheduler.Request(r.Host); };
        // Forms persist through NetworkManager like the CLI when it answers (probed now and on refresh).
        TuiPersistence.Watch(window, app.Invoke, changes, options.RuntimeOnly, log, stop.Token);
        window.Doctor = new ServiceDoctorBackend(
            new Host.Doctor.DoctorService(changes.Runner(target), inventory,
                new Host.Doctor.DoctorOptions { OvsDatabase = changes.Options.OvsDb, OvsEnvironment = Host.Doctor.DoctorOptions.OvsEnvironmentOfThisProcess() }, log)
            {
                // Fixes that are changes (the container MTU fix) go through the one change path; read-only sessions refuse them.
                Changes = readOnly ? null : new NetTui.Doctor.ChangePathFixApplier(changes),
                NetworkManager = changes.NetworkManagerClient,
            },
            target, journal: readOnly ? () => (null, "read-only: " + readOnlyWhy) : Composition.TuiComposition.DoctorJournal(changes));
        // `T`: the trace's reads run on the thread pool, never on the UI thread.
        window.TraceRun = (snapshot, source, to, ct) => Task.Run(async () => Core.Trace.TracePlanner.Plan(
            await Host.Trace.TraceGatherer.GatherAsync(new CommandRunner(target, log), snapshot, source, to, null, null, null, ct).ConfigureAwait(false)), ct);
        TuiStartup.RequestInitial(scheduler, firstShown: first is not null);
        window.Dispatch = a => app.Invoke(a); // the journal is read before Run: results queue until the loop runs
        window.History = Composition.TuiComposition.History(changes);
        window.StartHistory(); // asks about a change a crashed run left half-done
        if (!readOnly) RollBackExpired(changes, window, app, log, stop.Token);

        // Counters are read only while the traffic columns are on (`v`).
        await using var traffic = new TrafficPoller(
            new Host.Inventory.Traffic.TrafficReader(new CommandRunner(target, log), changes.Options.OvsDb), a => app.Invoke(a), window.ShowTraffic, log);
        window.TrafficToggled += traffic.SetRunning;
        // The daemons' logs are followed only while the Logs view is on screen.
        await using var logs = new LogFollower(
            new Host.Logs.DaemonLogLocator(new CommandRunner(target, log), changes.Options.DaemonLogs, changes.Options.OvsLogDirectory),
            new Host.Logs.DaemonLogs(new StreamingRunner(target)), a => app.Invoke(a),
            window.ShowLogSources, window.AppendLogs, m => { window.Message = m; window.SetNeedsDraw(); }, log);
        window.LogsFollowing += logs.SetRunning;
        // `C`: the same bounded capture as `nettui capture` (pcap in the state directory).
        window.Capture = new Host.Capture.PacketCapture(new CommandRunner(target, log), changes.Options.StateDirectory).RunAsync;
        // Refreshes follow events (netlink, OVSDB, dockerd), never a timer: an idle host costs nothing.
        var streams = new StreamingRunner(target);
        await using (new LiveUpdates(scheduler, streams, stop, log,
            new OvsdbMonitor(streams, changes.Options.OvsDb), new DockerEvents(changes.Options.DockerHost)))
        {
            log.Information("TUI started for {Target}", target);
            Host.Diagnostics.PhaseTiming.Mark("tui: window built, first draw");
            app.Run(window);
        }
        log.Information("TUI stopped");
        return 0;
    }

    /// <summary>Why this session is read-only, for the header; null when it may change the network.</summary>
    internal static string? ReadOnlyWhy(bool asked, string? missingPrivilege) =>
        asked ? "--read-only" : missingPrivilege is null ? null : "changes need root or CAP_NET_ADMIN";

    /// <summary>
    /// The Docker form's "restart dockerd": the CLI's `systemctl restart docker` (the machine's
    /// systemd, outside the target namespace); null when systemd does not run this machine.
    /// </summary>
    private static Func<Task<string>>? RestartDocker(Serilog.ILogger log)
    {
        if (!Directory.Exists("/run/systemd/system")) return null;
        return async () =>
        {
            var r = await new CommandRunner(new NetworkTarget(null), log).RunAsync(Cli.Verbs.DockerVerbs.Restart).ConfigureAwait(false);
            return r.Succeeded
                ? "restarted dockerd (systemctl restart docker)"
                : $"daemon.json was changed and is kept, but restarting dockerd failed: {r.Message}";
        };
    }

    /// <summary>A form's file (daemon.json) as it is now; unreadable counts as absent, and Apply reads it again anyway.</summary>
    private static string? ReadSmallFile(string path)
    {
        try { return File.Exists(path) ? File.ReadAllText(path) : null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    private static IHostInventory DefaultInventory(TuiOptions options, NetworkTarget target, Serilog.ILogger log) =>
        new HostInventory(new CommandRunner(target, log), options.HostOptions.Inventory, log);

    /// <summary>
    /// A commit-confirmed change past its deadline whose watchdog is gone is rolled back as the TUI
    /// starts (off the UI thread), and the status line says so; the History view reloads.
    /// </summary>
    private static void RollBackExpired(Composition.HostChanges changes, MainWindow window, IApplication app, Serilog.ILogger log, CancellationToken ct) =>
        _ = Task.Run(async () =>
        {
            try
            {
                if (changes.OpenJournal().Journal is not { } journal) return;
                var notes = await changes.RollBackExpiredAsync(journal, ct).ConfigureAwait(false);
                if (notes.Count > 0)
                    app.Invoke(() => { window.Message = string.Join(" | ", notes); window.ReloadHistory(); window.SetNeedsDraw(); });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.Error(e, "rolling back expired unconfirmed changes at start failed");
            }
        }, ct);
}
