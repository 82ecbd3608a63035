using NetTui.Core.Doctor.Facts;
using NetTui.Core.Model;

namespace NetTui.Core.Doctor.Checks;

/// <summary>
/// daemon.json's "bridge" (the seed's `{"bridge": "br0"}`) must name a bridge that exists
/// and has an IPv4 address: dockerd takes the containers' subnet and gateway from it and
/// refuses to start without it.
/// </summary>
public static class DockerBridgeCheck
{
    public static IEnumerable<Finding> Run(DoctorFacts facts)
    {
        if (facts.Docker is not { Exists: true } docker) yield break;
        if (docker.ParseError is not null)
        {
            yield return new Finding(FindingIds.DockerConfigUnreadable, Severity.Error, $"{docker.Path} is not valid JSON; dockerd will not start",
                [$"{docker.Path}: {docker.ParseError}"]);
            yield break;
        }
        if (docker.Bridge is not { Length: > 0 } name || name == "none") yield break;

        var link = facts.Snapshot.FindLink(name);
        if (link is null)
        {
            yield return new Finding(FindingIds.DockerBridgeMissing, Severity.Error,
                $"Docker is configured to use bridge {name}, which does not exist",
                [$"{docker.Path}: \"bridge\": \"{name}\"", $"no link named {name}"],
                new FixPlan($"create bridge {name} and bring it up",
                    [
                        new($"create bridge {name}", BridgeCheck.Ip("link", "add", "name", name, "type", "bridge"), BridgeCheck.Ip("link", "del", "dev", name)),
                        new($"set {name} up", BridgeCheck.Ip("link", "set", "dev", name, "up")),
                    ], Undoable: true, Note: "it still needs an address (the Doctor asks for it next)"),
                name);
        }
        else if (!link.Addresses.Any(a => a.Family == AddressFamily.Inet))
        {
            yield return new Finding(FindingIds.DockerBridgeNoAddress, Severity.Error,
                $"Docker's bridge {name} has no IPv4 address",
                [$"{docker.Path}: \"bridge\": \"{name}\"", $"{name}: no IPv4 address"],
                new FixPlan($"give {name} the address {{address}}",
                    [new($"add {{address}} to {name}", BridgeCheck.Ip("addr", "add", "{address}", "dev", name), BridgeCheck.Ip("addr", "del", "{address}", "dev", name))],
                    Undoable: true,
                    Inputs: [new FixInput("address", $"the gateway address and subnet for containers on {name}, like 192.168.1.1/24", FixInputKind.IPv4Prefix)]),
                name);
        }
    }
}
