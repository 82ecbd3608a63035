using System.Net;
using NetTui.Core.Firewall;
using NetTui.Core.Model;

namespace NetTui.Core.Trace;

/// <summary>
/// Where a trace starts: a container (its endpoint's address and bridge) or an address
/// behind one of this host's devices (<see cref="Ingress"/>: the bridge or link it arrives
/// on; null when the address is the host's own and the packet starts here).
/// </summary>
public sealed record TraceSource(string Label, IPAddress Address, string? Ingress, Container? Container, DockerNetwork? Network);

/// <summary>
/// Everything the planner judges, gathered by the host layer: the snapshot, the firewall
/// facts, the kernel's route lookups (the container's own, the host's for the forwarded
/// packet — `ip route get TO from SRC iif BRIDGE` — and, when that is refused, a plain one
/// saying where the host would send it), the container's MTU, and the peer's lookup back to
/// the source when a peer is named.
/// </summary>
public sealed record TraceInputs(
    HostSnapshot Snapshot,
    FirewallFacts Firewall,
    TraceSource From,
    IPAddress To,
    string? Protocol,
    int? Port,
    RouteLookup HostLookup,
    RouteLookup? PlainLookup = null,
    RouteLookup? ContainerLookup = null,
    int? ContainerMtu = null,
    RouteLookup? PeerReturn = null,
    string? PeerLabel = null);
