using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.Core.Export;

/// <summary>
/// The NetTui-made objects of a running host as operations, to reproduce it elsewhere
/// (`nettui export ansible --from-host`): the Linux bridges whose NetworkManager profile is
/// NetTui's (tagged nettui.managed or named nettui-*) with their addresses, STP, MTU, ports and
/// the static routes through them, and the OVS bridges whose internal port is a port of one
/// of those bridges (NetTui's layout: obr0 in br0), with their ports' types and options.
/// Each is what deleting it would take back (<see cref="DeleteBridge.Inverse"/>,
/// <see cref="DeleteOvsBridge.Inverse"/>), in the order the target needs: OVS bridges, then
/// the bridges, then the OVS internal ports joining them.
/// </summary>
public static class HostExport
{
    public static IReadOnlyList<Operation> Operations(HostSnapshot host)
    {
        var ctx = OperationContext.Default;
        var managed = (host.NetworkManager?.Profiles ?? [])
            .Where(p => p.Managed && p.Type == "bridge" && p.InterfaceName is { } i && host.FindLink(i)?.Kind == LinkKind.Bridge)
            .Select(p => p.InterfaceName!).Distinct().Order(StringComparer.Ordinal).ToList();
        var ovs = (host.Ovs?.Bridges ?? []).Where(b => host.FindLink(b.Name)?.Master is { } m && managed.Contains(m))
            .Select(b => b.Name).Order(StringComparer.Ordinal).ToList();

        var ops = new List<Operation>();
        foreach (var name in ovs)
        {
            var b = (CreateOvsBridge)new DeleteOvsBridge(name).Inverse(host, ctx);
            ops.Add(b with { Master = null });
            if (host.FindLink(name) is { Mtu: not 1500 } l) ops.Add(new SetMtu(name, l.Mtu.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        foreach (var name in managed)
        {
            var c = (CreateBridge)new DeleteBridge(name).Inverse(host, ctx);
            ops.Add(c with { Ports = [.. c.Ports.Where(p => !ovs.Contains(p))] });
        }
        foreach (var name in ovs) ops.Add(new AttachToBridge(host.FindLink(name)!.Master!, name));
        return ops;
    }
}
