using System.Net;

namespace NetTui.Core.Firewall;

/// <summary>
/// The packet a walk judges: the devices it comes in and goes out on, its addresses,
/// protocol ("tcp", "udp", "icmp"; null: any) and destination port. <see cref="FirstPacket"/>:
/// conntrack state NEW (a RELATED,ESTABLISHED accept does not let it through); false
/// treats it as a packet of a connection already accepted.
/// </summary>
public sealed record FirewallPacket(
    string? InDevice,
    string? OutDevice,
    IPAddress Source,
    IPAddress Destination,
    string? Protocol = null,
    int? DestinationPort = null,
    bool FirstPacket = true);
