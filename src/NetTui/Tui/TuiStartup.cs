using NetTui.Host.Inventory;
using NetTui.Live;

namespace NetTui.Tui;

/// <summary>
/// The reads the UI asks for when it starts (shared with the benchmark harness, which must
/// start the same way). Everything but routes first: the first screen (interfaces, header)
/// does not wait for a route table that can hold 200,000 entries. Then the whole picture at
/// once, routes included, so route persistence (NetworkManager profiles) is annotated as in
/// any full read; re-reading the rest costs little next to the routes.
/// </summary>
internal static class TuiStartup
{
    public const InventoryParts FirstScreen = InventoryParts.All & ~InventoryParts.Routes;

    /// <summary>Starts the first screen's read at once (before the UI exists); the scheduler's first request takes it.</summary>
    public static PrefetchedInventory Prefetch(IHostInventory inventory, CancellationToken ct) => new(inventory, FirstScreen, ct);

    public static void RequestInitial(RefreshScheduler scheduler)
    {
        scheduler.Request(FirstScreen);
        // Only after the first read is done: asked for now, it would be merged into it.
        _ = scheduler.Idle.ContinueWith(_ => scheduler.Request(InventoryParts.All), TaskScheduler.Default);
    }
}
