using NetTui.Core.Model;

namespace NetTui.Core.Operations;

/// <summary>
/// The OVS datapath a new bridge should use on this host, and why: netdev where the kernel
/// has no openvswitch module (the system datapath cannot be created there: ovs-vswitchd logs
/// "failed to create bridge ...: No such file or directory"), or where this host's OVS bridges
/// already use netdev; system otherwise.
/// </summary>
public static class OvsDatapathDefault
{
    public static (string Word, string? Why) For(HostSnapshot host)
    {
        if (host.Ovs?.KernelDatapath == false) return ("netdev", "this kernel has no openvswitch module: only the userspace datapath works here");
        var bridges = host.Ovs?.Bridges ?? [];
        if (bridges.Length > 0 && bridges.All(b => b.DatapathType == "netdev")) return ("netdev", "this host's other OVS bridges use the userspace datapath");
        return ("system", null);
    }
}
