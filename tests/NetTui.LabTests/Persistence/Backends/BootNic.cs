using NetTui.Lab;

namespace NetTui.LabTests.Persistence.Backends;

/// <summary>The NIC a (simulated) boot finds: a veth vport0 (peer vpeer0) in the host's namespace, up as a bridge port is after boot.</summary>
internal static class BootNic
{
    public static async Task MakeAsync(LabHost host)
    {
        await host.CheckedAsync("ip", "link", "add", "vport0", "type", "veth", "peer", "name", "vpeer0");
        await host.CheckedAsync("ip", "link", "set", "vport0", "up");
    }
}
