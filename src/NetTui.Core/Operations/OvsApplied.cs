using NetTui.Core.Model;

namespace NetTui.Core.Operations;

/// <summary>
/// What ovs-vswitchd really built for an OVSDB row: a row can exist while the datapath has
/// nothing behind it (a bridge on the kernel datapath where the module is missing, a port whose
/// device cannot be opened). Verify asks this, never only whether the row was written:
/// an OpenFlow port number (ofport; none or -1 means ovs-vswitchd gave up on it), an empty
/// error column, and for internal interfaces the device in the namespace.
/// </summary>
internal static class OvsApplied
{
    /// <summary>The differences for interface <paramref name="iface"/> (null: the row is missing).</summary>
    public static IEnumerable<string> Check(HostSnapshot after, string name, OvsInterface? iface)
    {
        if (iface is null)
        {
            yield return $"{name}: Open vSwitch has no interface row {name}";
            yield break;
        }
        var error = string.IsNullOrEmpty(iface.Error) ? null : iface.Error;
        if (error is not null) yield return $"{name}: Open vSwitch reports an error: {error}";
        else if (iface.OfPort is null or -1)
            yield return $"{name}: ovs-vswitchd did not set it up (no OpenFlow port; its log says why)";
        if (iface.Type == "internal" && after.FindLink(name) is null)
            yield return $"{name}: no device {name} in the namespace: the datapath did not create it";
    }

    /// <summary>The bridge's own internal interface (same name as the bridge), as ovs-vswitchd built it.</summary>
    public static IEnumerable<string> Bridge(HostSnapshot after, OvsBridge bridge) =>
        Check(after, bridge.Name, bridge.Ports.FirstOrDefault(p => p.Name == bridge.Name)?.Interfaces.FirstOrDefault(i => i.Name == bridge.Name));
}
