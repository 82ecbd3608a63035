using System.Collections.Immutable;
using NetTui.Core.Doctor.Checks;
using NetTui.Core.Doctor.Facts;

namespace NetTui.Core.Doctor;

/// <summary>
/// Runs every check over one set of facts. Pure: the same facts give the same findings,
/// worst first, so the first finding is the one to fix first.
/// </summary>
public static class DoctorChecks
{
    private static readonly Func<DoctorFacts, IEnumerable<Finding>>[] All =
    [
        OvsConnectionCheck.Run,
        OvsDaemonCheck.Run,
        OvsUntrustedDaemonCheck.Run,
        OvsInterfaceCheck.Run,
        BootCheck.Run,
        BridgeCheck.Run,
        SubnetOverlapCheck.Run,
        RouteGatewayCheck.Run,
        DockerBridgeCheck.Run,
        NetworkManagerCheck.Run,
        // Container connectivity (issue 17).
        ForwardingCheck.Run,
        ForwardFilterCheck.Run,
        MasqueradeCheck.Run,
        FirewallMixCheck.Run,
        ContainerMtuCheck.Run,
        PeerRouteCheck.Run,
        DockerSubnetOverlapCheck.Run,
        ResolvConfCheck.Run,
        NetworkManagerVethCheck.Run,
    ];

    public static ImmutableArray<Finding> Run(DoctorFacts facts) =>
        [.. All.SelectMany(check => check(facts)).Select((f, i) => (f, i)).OrderByDescending(x => x.f.Severity).ThenBy(x => x.i).Select(x => x.f)];

    public static bool IsHealthy(IEnumerable<Finding> findings) => !findings.Any(f => f.IsProblem);
}
