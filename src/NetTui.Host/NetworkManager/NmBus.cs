namespace NetTui.Host.NetworkManager;

/// <summary>NetworkManager's D-Bus names (the API is stable since 1.20; checked against 1.42).</summary>
internal static class NmBus
{
    public const string Service = "org.freedesktop.NetworkManager";
    public const string ManagerPath = "/org/freedesktop/NetworkManager";
    public const string ManagerInterface = "org.freedesktop.NetworkManager";
    public const string SettingsPath = "/org/freedesktop/NetworkManager/Settings";
    public const string SettingsInterface = "org.freedesktop.NetworkManager.Settings";
    public const string ConnectionInterface = "org.freedesktop.NetworkManager.Settings.Connection";
    public const string ActiveInterface = "org.freedesktop.NetworkManager.Connection.Active";
    public const string DeviceInterface = "org.freedesktop.NetworkManager.Device";
    public const string Properties = "org.freedesktop.DBus.Properties";

    /// <summary>AddConnection2/Update2 flags.</summary>
    public const uint ToDisk = 0x1, InMemory = 0x2, BlockAutoconnect = 0x20;

    /// <summary>CheckpointCreate flags.</summary>
    public const uint CheckpointDestroyAll = 0x1, CheckpointDeleteNewConnections = 0x2, CheckpointDisconnectNewDevices = 0x4;

    /// <summary>NMActiveConnectionState.</summary>
    public const uint ActiveActivating = 1, ActiveActivated = 2, ActiveDeactivating = 3, ActiveDeactivated = 4;
}
