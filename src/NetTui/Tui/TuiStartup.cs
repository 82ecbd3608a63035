using NetTui.Core.Model;
using NetTui.Host.Diagnostics;
using NetTui.Host.Inventory;
using NetTui.Live;

namespace NetTui.Tui;

/// <summary>
/// The reads the UI asks for when it starts (shared with the benchmark harness, which must
/// start the same way). Links and bridges first: the first screen (the interfaces) waits
/// neither for a route table that can hold 200,000 entries nor for NetworkManager, OVS (not
/// even to mark its ports among the links: <see cref="InventoryParts.LinksWithoutOvs"/>) or
/// Docker (NetworkManager managing 2,000 devices takes a second to answer over D-Bus; their
/// header entries say "?" until then). Then the whole picture at once, so persistence (the
/// Boot column) is annotated as in any full read.
/// </summary>
internal static class TuiStartup
{
    public const InventoryParts FirstScreen = InventoryParts.Links | InventoryParts.Bridges | InventoryParts.LinksWithoutOvs;

    /// <summary>Starts the first screen's read at once (before the UI exists); the scheduler's first request takes it.</summary>
    public static PrefetchedInventory Prefetch(IHostInventory inventory, CancellationToken ct) => new(inventory, FirstScreen, ct);

    public static void RequestInitial(RefreshScheduler scheduler)
    {
        scheduler.Request(FirstScreen);
        // Only after the first read is done: asked for now, it would be merged into it.
        _ = scheduler.Idle.ContinueWith(_ => scheduler.Request(InventoryParts.All), TaskScheduler.Default);
    }

    /// <summary>
    /// The window's snapshot sink; with NETTUI_TIMING=1 it also marks (on stderr) when the first
    /// snapshot reaches the window and when the window has drawn it: the first complete screen.
    /// </summary>
    public static Action<HostSnapshot> Apply(MainWindow window)
    {
        if (!PhaseTiming.Enabled) return window.ApplySnapshot;
        bool applied = false, drawn = false;
        window.DrawComplete += (_, _) =>
        {
            if (!applied || drawn) return;
            drawn = true;
            PhaseTiming.Mark("tui: first screen drawn");
        };
        return snapshot =>
        {
            if (!applied) PhaseTiming.Mark($"tui: first snapshot applied ({snapshot.Links.Length} links)");
            applied = true;
            window.ApplySnapshot(snapshot);
        };
    }
}
