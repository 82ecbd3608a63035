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
        var inventory = options.InventoryFactory?.Invoke(target) ?? DefaultInventory(target, log);
        var initial = HostSnapshot.Empty(Environment.MachineName, target.Namespace);
        bool readOnly = !Environment.IsPrivilegedProcess;

        using var stop = new CancellationTokenSource();
        // The first screen's read starts now and runs while Terminal.Gui initialises.
        var firstRead = TuiStartup.Prefetch(inventory, stop.Token);
        Host.Diagnostics.PhaseTiming.Mark("tui: first read started");
        using IApplication app = Application.Create().Init();
        Host.Diagnostics.PhaseTiming.Mark("tui: terminal initialised");
        using var window = new MainWindow(initial, readOnly, Theme.ByName(options.Theme));
        window.ReadFile = ReadSmallFile;
        window.RestartDocker = RestartDocker(log);
        // Changes go through the history journal, as the CLI's do (Recording/JournaledChange).
        var changes = ChangePath(options, target, inventory, log);
        window.ApplyChanges = ops => changes.ApplyAsync(ops);
        window.ApplyChangesConfirmed = (ops, within) => changes.ApplyAsync(ops, within);
        // The countdown of commit-confirmed changes (and `c`); read-only sessions change nothing, so have none to confirm.
        if (!readOnly) window.Confirm = new JournalConfirmBackend(() => changes.Journal().Journal, target.Namespace);
        var scheduler = new RefreshScheduler(firstRead, initial, app.Invoke, TuiStartup.Apply(window), window.SetRefreshing, log)
        {
            Stopping = stop.Token,
        };
        window.RefreshRequested += () => scheduler.Request(InventoryParts.All);
        // Forms persist through NetworkManager like the CLI when it answers (probed now and on refresh).
        TuiPersistence.Watch(window, app.Invoke, options, log, stop.Token);
        window.Doctor = new ServiceDoctorBackend(
            new Host.Doctor.DoctorService(new CommandRunner(target, log), inventory,
                new Host.Doctor.DoctorOptions { OvsDatabase = options.OvsDb, OvsEnvironment = Host.Doctor.DoctorOptions.OvsEnvironmentOfThisProcess() }, log),
            target,
            // Doctor fixes go into the same journal handle as the forms' changes (opened once, retried after a failure).
            journal: () => changes.Journal().Journal is { } j ? new Doctor.JournalFixObserver(j, target) : null);
        TuiStartup.RequestInitial(scheduler);
        window.Dispatch = a => app.Invoke(a); // the journal is read before Run: results queue until the loop runs
        window.History = options.HistoryFactory?.Invoke();
        window.StartHistory(); // asks about a change a crashed run left half-done

        await using (new LiveUpdates(scheduler, new StreamingRunner(target), stop, options.RefreshPeriod, log))
        {
            log.Information("TUI started for {Target}", target);
            Host.Diagnostics.PhaseTiming.Mark("tui: window built, first draw");
            app.Run(window);
        }
        log.Information("TUI stopped");
        return 0;
    }

    /// <summary>
    /// The change path the forms apply through: journaled (--history / NETTUI_HISTORY / the
    /// default), OVS changes to the --ovs-db given, the watchdog started with the same options.
    /// Public so that the lab applies through exactly what the TUI wires.
    /// </summary>
    public static TuiChangePath ChangePath(TuiOptions options, NetworkTarget target, IHostInventory inventory, Serilog.ILogger log)
    {
        var context = options.OvsDb is null ? NetTui.Core.Operations.OperationContext.Default : Cli.Verbs.ChangeVerb.Context(options.OvsDb);
        // NetworkManager profile steps (persisted forms, `p`) run through the CLI's handler; one
        // for the session (its D-Bus connection opens on first use and lives as long as the TUI).
        var nmSteps = Recording.PersistenceChoice.StepHandler(options.BusAddress);
        return new TuiChangePath(target,
            observer => new NetTui.Host.Changes.ChangeExecutor(new CommandRunner(target, log), inventory, null, observer, [nmSteps]),
            () => History.Journaling.Journal.Open(History.HistoryLocation.Resolve(options.History)), log)
        {
            Context = context,
            WatchdogOptions = options.WatchdogOptions,
            StartWatchdog = options.StartWatchdog ?? Recording.WatchdogLauncher.Start,
        };
    }

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

    private static IHostInventory DefaultInventory(NetworkTarget target, Serilog.ILogger log) =>
        new HostInventory(new CommandRunner(target, log), InventoryOptions.FromEnvironment(), log);
}
