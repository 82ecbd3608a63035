using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Host.Changes;

namespace NetTui.LabTests.Operations;

/// <summary>
/// Property: for random valid operations on a lab namespace, applying one and then its
/// inverse leaves the host as it was. A seeded generator (the seed is in the failure
/// message, so a failing sequence can be replayed) picks among the operations that make
/// sense on the current host; each applied operation is kept (the host drifts, so later
/// operations meet bridges with ports, routes through links, OVS bridges with GRE ports).
/// </summary>
public sealed class RoundTripPropertyLabTests
{
    private const int Steps = 30;

    [Theory]
    [InlineData(1)]
    [InlineData(20261128)]
    [InlineData(7)]
    public async Task Apply_then_inverse_leaves_the_snapshot_as_it_was(int seed)
    {
        await using var lab = await OpsLab.CreateAsync(ovs: true);
        for (var i = 0; i < 3; i++)
        {
            await lab.Ip("link", "add", $"pv{i}", "type", "veth", "peer", "name", $"pq{i}");
            await lab.Ip("link", "set", $"pq{i}", "up");
        }
        var rng = new Random(seed);
        var log = new List<string>();
        var applied = 0;
        for (var n = 0; n < Steps * 3 && applied < Steps; n++)
        {
            var before = await lab.ReadAsync();
            var op = Generate(before, rng, n);
            if (op is null || op.Validate(before, lab.Context).Count > 0) continue;
            log.Add(op.Describe());
            var context = $"seed {seed}, step {applied}: {op.Describe()} (after: {string.Join(" | ", log.SkipLast(1).TakeLast(5))})";

            var r = await lab.Executor().ApplyAsync(op, lab.Context, ct: TestContext.Current.CancellationToken);
            Assert.True(r.Outcome == ChangeOutcome.Applied, $"{context}: {r.Summary}");
            var inverse = r.Operations[0].Inverse;
            Assert.True(inverse is not null, $"{context}: no inverse: {r.Operations[0].InverseUnavailable}");
            var back = await lab.Executor().ApplyAsync(inverse, lab.Context, ct: TestContext.Current.CancellationToken);
            Assert.True(back.Outcome == ChangeOutcome.Applied, $"{context}: inverse {inverse.Describe()}: {back.Summary}");
            SnapshotShape.Equal(before, await lab.ReadAsync(), context);

            // Keep the change half of the time so the host grows more interesting.
            if (rng.Next(2) == 0) await lab.Executor().ApplyAsync(op, lab.Context, ct: TestContext.Current.CancellationToken);
            applied++;
        }
        Assert.True(applied >= Steps / 2, $"seed {seed}: only {applied} operations were applicable");
    }

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    /// <summary>One random operation that is likely valid on <paramref name="s"/> (the test validates it anyway).</summary>
    private static Operation? Generate(HostSnapshot s, Random rng, int n)
    {
        var veths = s.Links.Where(l => l.Name.StartsWith("pv", StringComparison.Ordinal)).ToList();
        var bridges = s.Links.Where(l => l.Kind == LinkKind.Bridge).ToList();
        var ovs = s.Ovs?.Bridges ?? [];
        var grePorts = ovs.SelectMany(b => b.Ports.Where(p => p.Name.StartsWith("gre", StringComparison.Ordinal)).Select(p => (Bridge: b.Name, Port: p.Name))).ToList();
        var staticRoutes = s.Routes.Where(r => r.Protocol != "kernel" && r.Table is "main" or "100" && r.Type == "unicast" && r.Family == AddressFamily.Inet).ToList();
        var addressed = s.Links.Where(l => l.Name.StartsWith('p') || l.Kind == LinkKind.Bridge)
            .SelectMany(l => l.Addresses.Where(a => a.Family == AddressFamily.Inet).Select(a => (l.Name, a.Cidr))).ToList();
        var upLinks = s.Links.Where(l => l.AdminUp && (l.Name.StartsWith("pv", StringComparison.Ordinal) || l.Kind == LinkKind.Bridge)).ToList();

        switch (rng.Next(14))
        {
            case 0:
                return new CreateBridge($"pb{n}", rng.Next(2) == 0 ? $"10.{60 + n % 60}.{rng.Next(250)}.1/24" : null, rng.Next(2) == 0);
            case 1 when bridges.Count > 0:
                return new DeleteBridge(Pick(rng, bridges).Name);
            case 2 when veths.Count + bridges.Count > 0:
                return new AddAddress(Pick(rng, [.. veths, .. bridges]).Name, $"10.200.{n % 250}.{1 + rng.Next(250)}/{Pick(rng, new[] { 16, 24, 28 })}");
            case 3 when addressed.Count > 0:
                var (iface, cidr) = Pick(rng, addressed);
                return new RemoveAddress(iface, cidr);
            case 4 when bridges.Count > 0 && veths.Any(v => v.Master is null):
                return new AttachToBridge(Pick(rng, bridges).Name, Pick(rng, veths.Where(v => v.Master is null).ToList()).Name);
            case 5 when veths.Any(v => v.Master is not null):
                return new DetachFromBridge(Pick(rng, veths.Where(v => v.Master is not null).ToList()).Name);
            case 6 when veths.Count + bridges.Count > 0:
                var l = Pick(rng, [.. veths, .. bridges]);
                return new SetLinkState(l.Name, !l.AdminUp);
            case 7 when veths.Count > 0:
                return new SetMtu(Pick(rng, veths).Name, (1280 + rng.Next(221)).ToString(System.Globalization.CultureInfo.InvariantCulture));
            case 8 when upLinks.Count > 0:
                return new AddRoute($"10.{100 + rng.Next(100)}.{rng.Next(256)}.0/24", Dev: Pick(rng, upLinks).Name,
                    Metric: rng.Next(2) == 0 ? null : rng.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Table: rng.Next(3) == 0 ? "100" : null);
            case 9 when staticRoutes.Count > 0:
                var r = Pick(rng, staticRoutes);
                return new DeleteRoute(r.Destination, r.Gateway, r.Device, r.Metric?.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Table == "main" ? null : r.Table);
            case 10:
                return new CreateOvsBridge($"ob{n}", "netdev");
            case 11 when ovs.Length > 0:
                return new DeleteOvsBridge(Pick(rng, ovs).Name);
            case 12 when ovs.Length > 0:
                return new AddOvsGrePort(Pick(rng, ovs).Name, $"gre{n}", $"10.99.{rng.Next(256)}.{1 + rng.Next(250)}",
                    Key: rng.Next(2) == 0 ? null : ((uint)rng.NextInt64(0, uint.MaxValue)).ToString(System.Globalization.CultureInfo.InvariantCulture));
            case 13 when grePorts.Count > 0:
                var (bridge, port) = Pick(rng, grePorts);
                return new DeleteOvsPort(bridge, port);
        }
        return null;
    }
}
