namespace NetTui.Host.Inventory;

/// <summary>
/// Where the sources are. Null means "the default": OVS from OVS_RUNDIR (ovs-vsctl reads it
/// itself), Docker from DOCKER_HOST or /var/run/docker.sock, D-Bus from DBUS_SYSTEM_BUS_ADDRESS.
/// </summary>
public sealed record InventoryOptions(string? OvsDatabase = null, string? DockerHost = null, string? SystemBusAddress = null)
{
    public static InventoryOptions FromEnvironment(string? ovsDatabase = null, string? dockerHost = null) => new(
        ovsDatabase,
        Docker.DockerEndpoint.Resolve(dockerHost, Environment.GetEnvironmentVariable("DOCKER_HOST")),
        Environment.GetEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS"));
}
