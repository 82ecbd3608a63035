using NetTui.Core.Commands;
using NetTui.Host.Inventory;
using Serilog;

namespace NetTui.Tui;

/// <summary>How to start the full-screen UI (`nettui`, `nettui tui [--netns NAME] [--theme NAME]`).</summary>
public sealed record TuiOptions(string? Netns = null, string? Theme = null)
{
    /// <summary>Where to log; never the terminal. Null: no log.</summary>
    public ILogger? Log { get; init; }

    /// <summary>Replaces the real inventory (tests, demos).</summary>
    public Func<NetworkTarget, IHostInventory>? InventoryFactory { get; init; }

    /// <summary>The OVSDB socket the Doctor diagnoses (--ovs-db); null: from OVS_RUNDIR or the built-in default.</summary>
    public string? OvsDb { get; init; }

    /// <summary>The history journal (--history); null: NETTUI_HISTORY or the default (HistoryLocation).</summary>
    public string? History { get; init; }

    /// <summary>Options a commit-confirmed change's watchdog is started with to reach the same daemons (--ovs-db, --docker-host, --log-file).</summary>
    public IReadOnlyList<string> WatchdogOptions { get; init; } = [];

    /// <summary>Replaces how the watchdog is started (a lab test is not nettui itself); null: <see cref="Recording.WatchdogLauncher.Start(string, long, IEnumerable{string})"/>.</summary>
    public Func<string, long, IEnumerable<string>, int>? StartWatchdog { get; init; }
    /// <summary>The journal behind the History view (undo, roll back, redo, crash recovery); null or returning null: no History.</summary>
    public Func<IHistoryBackend?>? HistoryFactory { get; init; }

    /// <summary>--runtime-only: forms change the running system only, labelled "LOST AT REBOOT" (docs/persistence.md).</summary>
    public bool RuntimeOnly { get; init; }

    /// <summary>The system D-Bus NetworkManager is probed and driven on; null: DBUS_SYSTEM_BUS_ADDRESS, else the default socket.</summary>
    public string? BusAddress { get; init; }

    /// <summary>Seconds between periodic refreshes of OVS and Docker.</summary>
    public TimeSpan RefreshPeriod { get; init; } = Live.LiveUpdates.DefaultPeriod;
}
