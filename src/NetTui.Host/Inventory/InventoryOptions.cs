namespace NetTui.Host.Inventory;

/// <summary>
/// Where the sources are: the OVSDB socket (null: ovs-vsctl's own default from OVS_RUNDIR),
/// the Docker API endpoint, the system D-Bus (null: its default socket). The app's composition
/// root fills them in from the command line and the environment; nothing here reads the environment.
/// </summary>
public sealed record InventoryOptions(string? OvsDatabase = null, string? DockerHost = null, string? SystemBusAddress = null)
{
    /// <summary>The directory boot configuration files are read under ("" = /; NETTUI_CONFIG_ROOT).</summary>
    public string ConfigRoot { get; init; } = "";
}
