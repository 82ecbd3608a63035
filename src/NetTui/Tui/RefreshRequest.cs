using NetTui.Host.Inventory;

namespace NetTui.Tui;

/// <summary>
/// What a refresh must re-read, named by whoever asks: the parts of the host, the journal (the
/// History view and the countdown), whether NetworkManager is asked again (the persistence probe).
/// </summary>
public sealed record RefreshRequest(InventoryParts Host, bool History, bool NetworkManager)
{
    /// <summary>`r`: everything, NetworkManager too.</summary>
    public static readonly RefreshRequest Everything = new(InventoryParts.All, true, true);

    /// <summary>
    /// A form applied: the journal has a new entry, and the host is read again whole. The report's
    /// own "after" read is shown at once, but what NetworkManager does next (a profile taking a
    /// device over, the Boot column) shows only in a read after it.
    /// </summary>
    public static readonly RefreshRequest AfterForm = new(InventoryParts.All, true, false);

    /// <summary>A revert or a rollback ran: it may have touched any part of the host.</summary>
    public static readonly RefreshRequest AfterRevert = new(InventoryParts.All, true, false);

    /// <summary>A Doctor fix ran: its fixes are OVS commands, so OVS and the links and bridge ports of its internal ports.</summary>
    public static readonly RefreshRequest AfterFix = new(InventoryParts.Ovs | InventoryParts.Links | InventoryParts.Bridges, true, false);
}
