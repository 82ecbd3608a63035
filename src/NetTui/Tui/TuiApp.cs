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
        var scheduler = new RefreshScheduler(inventory, initial, app.Invoke, window.ApplySnapshot, window.SetRefreshing, log)
        {
            Stopping = stop.Token,
        };
        window.RefreshRequested += () => scheduler.Request(InventoryParts.All);
        TuiStartup.RequestInitial(scheduler);

        await using (new LiveUpdates(scheduler, new StreamingRunner(target), stop, options.RefreshPeriod, log))
        {
            log.Information("TUI started for {Target}", target);
            app.Run(window);
        }
        log.Information("TUI stopped");
        return 0;
    }

    private static IHostInventory DefaultInventory(NetworkTarget target, Serilog.ILogger log) =>
        new HostInventory(new CommandRunner(target, log), InventoryOptions.FromEnvironment(), log);
}
