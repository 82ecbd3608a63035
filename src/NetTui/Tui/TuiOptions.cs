using NetTui.Composition;
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

    /// <summary>Where the TUI acts and which daemons and journal it uses, as the composition root read them; null: from the environment.</summary>
    public HostOptions? Host { get; init; }

    /// <summary>The parts of the change path a test replaces (watchdog start, probe, ...); the forms wait less for another change's lock.</summary>
    public HostParts Parts { get; init; } = new() { LockWait = TuiChangePath.DefaultLockWait };

    /// <summary>--runtime-only: forms change the running system only, labelled "LOST AT REBOOT" (docs/persistence.md).</summary>
    public bool RuntimeOnly { get; init; }

    /// <summary>--read-only: forms are hidden and nothing can change (the header says so).</summary>
    public bool ReadOnly { get; init; }

    /// <summary>The options the change path is built from (the namespace is <see cref="Netns"/>).</summary>
    public HostOptions HostOptions => (Host ?? HostOptions.FromEnvironment()) with { Netns = Netns };
}
