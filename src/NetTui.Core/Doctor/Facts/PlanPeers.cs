using System.Collections.Immutable;
using NetTui.Core.Operations;
using NetTui.Core.Plans;

namespace NetTui.Core.Doctor.Facts;

/// <summary>
/// The peer container subnets a plan of this host names: each `route.add` with a device (the
/// tunnel wizard routes the peer's subnet "dev br0", or "dev gre1" for kernel GRE).
/// </summary>
public static class PlanPeers
{
    public static ImmutableArray<PeerSubnetFact> Of(PlanFile plan, string source) =>
    [
        .. plan.Operations.OfType<AddRoute>()
            .Where(r => r.Dev is not null && r.Via is null && HostQueries.IsMainTable(r.Table))
            .Select(r => new PeerSubnetFact(r.Destination, r.Dev!, $"plan {source}")),
    ];
}
