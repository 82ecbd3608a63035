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
        using IApplication app = Application.Create().Init();
        using var window = new MainWindow(initial, readOnly, Theme.ByName(options.Theme));
        var executor = new NetTui.Host.Changes.ChangeExecutor(new CommandRunner(target, log), inventory);
        window.ApplyChanges = ops => Task.Run(() => executor.ApplyAsync(ops, NetTui.Core.Operations.OperationContext.Default));
        var scheduler = new RefreshScheduler(inventory, initial, app.Invoke, window.ApplySnapshot, window.SetRefreshing, log)
        {
            Stopping = stop.Token,
        };
        window.RefreshRequested += () => scheduler.Request(InventoryParts.All);
        window.Doctor = new ServiceDoctorBackend(
            new Host.Doctor.DoctorService(new CommandRunner(target, log), inventory,
                new Host.Doctor.DoctorOptions { OvsDatabase = options.OvsDb, OvsEnvironment = Host.Doctor.DoctorOptions.OvsEnvironmentOfThisProcess() }, log),
            target,
            journal: () => OpenJournal(target, log));
        TuiStartup.RequestInitial(scheduler);
        window.Dispatch = a => app.Invoke(a); // the journal is read before Run: results queue until the loop runs
        window.History = options.HistoryFactory?.Invoke();
        window.StartHistory(); // asks about a change a crashed run left half-done

        await using (new LiveUpdates(scheduler, new StreamingRunner(target), stop, options.RefreshPeriod, log))
        {
            log.Information("TUI started for {Target}", target);
            app.Run(window);
        }
        log.Information("TUI stopped");
        return 0;
    }

    /// <summary>The history journal for Doctor fixes; one that cannot be opened is logged and the fix goes on unjournaled.</summary>
    private static Host.Doctor.IFixObserver? OpenJournal(NetworkTarget target, Serilog.ILogger log)
    {
        try { return new Doctor.JournalFixObserver(History.Journaling.Journal.Open(History.HistoryLocation.Resolve(null)), target); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            log.Warning(e, "history journal unavailable; Doctor fixes are not journaled");
            return null;
        }
    }

    private static IHostInventory DefaultInventory(NetworkTarget target, Serilog.ILogger log) =>
        new HostInventory(new CommandRunner(target, log), InventoryOptions.FromEnvironment(), log);
}
