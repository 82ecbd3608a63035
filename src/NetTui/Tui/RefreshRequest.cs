using NetTui.Host.Inventory;

namespace NetTui.Tui;

/// <summary>
/// What a refresh must re-read, named by whoever asks: the parts of the host, the journal (the
/// History view and the countdown), whether NetworkManager is asked again (the persistence probe).
/// A form's change comes back with the host as it left it, so it needs only the journal.
/// </summary>
public sealed record RefreshRequest(InventoryParts Host, bool History, bool NetworkManager)
{
    /// <summary>`r`: everything, NetworkManager too.</summary>
    public static readonly RefreshRequest Everything = new(InventoryParts.All, true, true);

    /// <summary>A form applied: its report carries the host after the change; the journal has a new entry.</summary>
    public static readonly RefreshRequest AfterForm = new(InventoryParts.None, true, false);

    /// <summary>A revert or a rollback ran: it may have touched any part of the host.</summary>
    public static readonly RefreshRequest AfterRevert = new(InventoryParts.All, true, false);

    /// <summary>A Doctor fix ran: OVS (its first concern), the links of its ports, Docker's configuration.</summary>
    public static readonly RefreshRequest AfterFix = new(InventoryParts.Ovs | InventoryParts.Links | InventoryParts.Containers, true, false);
}
