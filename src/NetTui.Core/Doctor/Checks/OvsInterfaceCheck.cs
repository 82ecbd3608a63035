using System.Net;
using NetTui.Core.Doctor.Facts;
using NetTui.Core.Doctor.Fixes;
using NetTui.Core.Model;

namespace NetTui.Core.Doctor.Checks;

/// <summary>
/// OVS interfaces whose `error` column is set, with the cause: the seed's `add-port obr0
/// gre0` without a type (OVS then looks for a kernel device called gre0), a port whose
/// device does not exist, or anything else OVS reports. Also tunnels whose remote address
/// no route of the host leads to.
/// </summary>
public static class OvsInterfaceCheck
{
    /// <summary>Name prefixes that say "this was meant to be a tunnel", with the type it was meant to have.</summary>
    private static readonly (string Prefix, string Type)[] TunnelNames = [("gre", "gre"), ("vxlan", "vxlan"), ("vx", "vxlan"), ("geneve", "geneve"), ("gnv", "geneve")];

    public static IEnumerable<Finding> Run(DoctorFacts facts)
    {
        if (facts.Ovs is not { } ovs || facts.Snapshot.Ovs is not { } state) yield break;
        foreach (var bridge in state.Bridges)
            foreach (var port in bridge.Ports)
                foreach (var iface in port.Interfaces)
                {
                    if (iface.Error is { Length: > 0 } error)
                        yield return ForError(ovs, bridge, port, iface, error);
                    else if (iface.IsTunnel && iface.RemoteIp is { } remote && Unrouted(facts.Snapshot, remote) is { } why)
                        yield return new Finding(FindingIds.OvsTunnelRemoteUnreachable, Severity.Warning,
                            $"tunnel {iface.Name} points at {remote}, which no route of this host reaches",
                            [$"interface {iface.Name}: type={iface.Type} options:remote_ip={remote}", why], null, iface.Name);
                }
    }

    private static Finding ForError(OvsFacts ovs, OvsBridge bridge, OvsPort port, OvsInterface iface, string error)
    {
        List<string> evidence = [$"interface {iface.Name} (port {port.Name} on {bridge.Name}): error \"{error}\"", $"type=\"{iface.Type}\""];
        var noDevice = error.Contains("No such device", StringComparison.Ordinal) || error.Contains("Invalid argument", StringComparison.Ordinal);
        var untyped = iface.Type is "" or "system";
        if (untyped && noDevice && MeantTunnelType(iface.Name) is { } type)
        {
            var fix = new FixPlan($"make {iface.Name} a {type} tunnel to {{remote_ip}}",
                [new($"set the type and remote address of {iface.Name}",
                    OvsCommands.Vsctl(ovs, "set", "interface", iface.Name, "type=" + type, "options:remote_ip={remote_ip}"),
                    OvsCommands.Vsctl(ovs, "remove", "interface", iface.Name, "options", "remote_ip", "--", "set", "interface", iface.Name, "type=system"))],
                Undoable: true,
                Inputs: [new FixInput("remote_ip", $"the underlay address of the host at the other end of {iface.Name}", FixInputKind.IPv4Address)]);
            return new Finding(FindingIds.OvsTunnelWithoutType, Severity.Error,
                $"{iface.Name} was added without a type, so OVS looks for a network device of that name",
                [.. evidence, "the name says tunnel, but no type=" + type + " and no options:remote_ip were set"], fix, iface.Name);
        }
        if (untyped && noDevice)
        {
            var fix = new FixPlan($"delete port {port.Name} from {bridge.Name}",
                [new($"delete port {port.Name}", OvsCommands.Vsctl(ovs, "del-port", bridge.Name, port.Name), OvsCommands.Vsctl(ovs, "add-port", bridge.Name, port.Name))],
                Undoable: true);
            return new Finding(FindingIds.OvsPortDeviceMissing, Severity.Error,
                $"port {port.Name} on {bridge.Name} names a network device that does not exist", [.. evidence], fix, iface.Name);
        }
        return new Finding(FindingIds.OvsInterfaceError, Severity.Error, $"OVS reports an error on interface {iface.Name}", [.. evidence], null, iface.Name);
    }

    internal static string? MeantTunnelType(string name)
    {
        foreach (var (prefix, type) in TunnelNames)
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return type;
        return null;
    }

    /// <summary>Null when a main-table route covers <paramref name="remote"/>; else the evidence line.</summary>
    internal static string? Unrouted(HostSnapshot snapshot, string remote)
    {
        if (!IPAddress.TryParse(remote, out var address)) return null;
        if (snapshot.Routes.IsEmpty) return null; // routes not read: say nothing rather than guess
        foreach (var r in snapshot.Routes)
        {
            if (r.Table is not ("main" or "254") || r.Type is not ("unicast" or "")) continue;
            if (r.Destination == "default" && (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork) == (r.Family == AddressFamily.Inet)) return null;
            if (Subnets.TryParse(r.Destination, out var p) && p.Contains(address)) return null;
        }
        return $"no route in the main table (and no default route) covers {remote}";
    }
}
