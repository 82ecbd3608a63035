using System.Collections.Immutable;

namespace NetTui.Core.Firewall;

/// <summary>
/// The sysctls that decide whether the kernel forwards at all and whether bridged traffic
/// goes through iptables: net.ipv4.ip_forward, net.ipv4.conf.DEV.forwarding per device,
/// net.bridge.bridge-nf-call-iptables / -ip6tables. Null: not read (br_netfilter not loaded
/// means no net.bridge keys: bridged traffic then skips iptables).
/// </summary>
public sealed record ForwardingSysctls(
    bool? IpForward,
    ImmutableDictionary<string, bool> InterfaceForwarding,
    bool? BridgeNfCallIptables,
    bool? BridgeNfCallIp6tables)
{
    public static readonly ForwardingSysctls Unknown = new(null, ImmutableDictionary<string, bool>.Empty, null, null);

    /// <summary>net.ipv4.conf.DEV.forwarding for one device (null: not read).</summary>
    public bool? ForwardingOn(string device) => InterfaceForwarding.TryGetValue(device, out var on) ? on : null;
}
