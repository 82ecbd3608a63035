using NetTui.Core.Doctor.Facts;
using NetTui.Core.Model;

namespace NetTui.Core.Doctor.Checks;

/// <summary>
/// Two bridges whose IPv4 subnets overlap: the kernel then has two connected routes for
/// the same addresses and sends traffic for one bridge's hosts out of the other. A common
/// result of copying a seed's 192.168.1.0/24 onto a host that already uses it.
/// </summary>
public static class SubnetOverlapCheck
{
    public static IEnumerable<Finding> Run(DoctorFacts facts)
    {
        var bridged = facts.Snapshot.Links
            .Where(l => l.Kind is LinkKind.Bridge or LinkKind.OvsInternal)
            .SelectMany(l => l.Addresses.Where(a => a.Family == AddressFamily.Inet && a.Scope != "host")
                .Select(a => (Link: l, Cidr: a.Cidr, Ok: Subnets.TryParse(a.Cidr, out var p), Prefix: p)))
            .Where(x => x.Ok)
            .ToList();
        for (var i = 0; i < bridged.Count; i++)
            for (var j = i + 1; j < bridged.Count; j++)
            {
                var (a, b) = (bridged[i], bridged[j]);
                if (a.Link.Name == b.Link.Name || !a.Prefix.Overlaps(b.Prefix)) continue;
                yield return new Finding(FindingIds.BridgeSubnetsOverlap, Severity.Warning,
                    $"bridges {a.Link.Name} and {b.Link.Name} have overlapping subnets",
                    [$"{a.Link.Name}: {a.Cidr}", $"{b.Link.Name}: {b.Cidr}"], null, $"{a.Link.Name}+{b.Link.Name}");
            }
    }
}
