using System.Text.RegularExpressions;
using NetTui.Core.Commands;
using NetTui.Core.Doctor.Facts;
using NetTui.Core.Model;

namespace NetTui.Core.Doctor.Checks;

/// <summary>
/// Linux bridges that cannot carry traffic: administratively down, or with no port at all.
/// Docker's own bridges (docker0, br-&lt;id&gt;) have no ports while no container runs; that
/// is normal, so they are left out of the "no ports" check.
/// </summary>
public static partial class BridgeCheck
{
    [GeneratedRegex("^(docker0|br-[0-9a-f]{12})$")]
    private static partial Regex DockerOwned();

    public static IEnumerable<Finding> Run(DoctorFacts facts)
    {
        var s = facts.Snapshot;
        foreach (var bridge in s.Bridges)
        {
            var link = s.FindLink(bridge.Name);
            if (link is { AdminUp: false })
            {
                yield return new Finding(FindingIds.BridgeDown, Severity.Warning, $"bridge {bridge.Name} is down",
                    [$"{bridge.Name}: state {link.OperState}, not administratively up", $"{bridge.Ports.Length} port(s)"],
                    new FixPlan($"bring {bridge.Name} up",
                        [new($"set {bridge.Name} up", Ip("link", "set", "dev", bridge.Name, "up"), Ip("link", "set", "dev", bridge.Name, "down"))], Undoable: true),
                    bridge.Name);
            }
            if (bridge.Ports.IsEmpty && !DockerOwned().IsMatch(bridge.Name))
            {
                var addresses = link?.Addresses.Select(a => a.Cidr).ToList() ?? [];
                yield return new Finding(FindingIds.BridgeNoPorts, Severity.Warning, $"bridge {bridge.Name} has no ports",
                    [$"{bridge.Name}: no interface has it as master", addresses.Count > 0 ? $"addresses: {string.Join(", ", addresses)}" : "no addresses"],
                    null, bridge.Name);
            }
        }
    }

    internal static CommandSpec Ip(params string[] args) => new("ip", [.. args], CommandSpec.DefaultTimeout);
}
