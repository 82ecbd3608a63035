using NetTui.Host.Inventory;
using NetTui.Live;

namespace NetTui.Tui;

/// <summary>The reads the UI asks for when it starts (shared with the benchmark harness, which must start the same way).</summary>
internal static class TuiStartup
{
    public static void RequestInitial(RefreshScheduler scheduler) => scheduler.Request(InventoryParts.All);
}
