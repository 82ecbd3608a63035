using System.Globalization;
using NetTui.Core.Doctor.Facts;
using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.Core.Doctor.Checks;

/// <summary>
/// Containers whose MTU is bigger than the tunnel their bridge forwards into (Docker's 1500
/// over a 1462-byte GRE path): their full-size packets are dropped silently, so small
/// requests work and a big TCP transfer stalls. The container's MTU is its host-side veth's
/// (Docker sets both ends alike). The fix is a change through the one change path: each
/// running container's MTU now (both veth ends), the bridge's MTU, and daemon.json's "mtu"
/// so containers started later get it too.
/// </summary>
public static class ContainerMtuCheck
{
    public static IEnumerable<Finding> Run(DoctorFacts facts)
    {
        var host = facts.Snapshot;
        foreach (var group in host.Containers.Where(c => c.Bridge is not null && c.HostVeth is not null).GroupBy(c => c.Bridge!))
        {
            var path = TunnelPaths.Of(host, group.Key).OrderBy(p => p.PathMtu).FirstOrDefault();
            if (path is null) continue;
            var tooBig = group.Select(c => (Container: c, Veth: host.FindLink(c.HostVeth!)))
                .Where(x => x.Veth is not null && x.Veth.Mtu > path.PathMtu).ToList();
            if (tooBig.Count == 0) continue;
            var mtu = path.PathMtu.ToString(CultureInfo.InvariantCulture);
            List<string> evidence =
            [
                $"{group.Key} forwards into tunnel {path.Tunnel}: the biggest packet that fits is {path.PathMtu} ({path.Why})",
                .. tooBig.Select(x => $"container {x.Container.Name.TrimStart('/')}: MTU {x.Veth!.Mtu} (host-side veth {x.Veth.Name})"),
            ];
            if (facts.Docker is { Mtu: { } dockerMtu }) evidence.Add($"{facts.Docker.Path}: \"mtu\": {dockerMtu}");
            yield return new Finding(FindingIds.ContainerMtuOverTunnel, Severity.Error,
                $"containers on {group.Key} have MTU {tooBig.Max(x => x.Veth!.Mtu)}, but tunnel {path.Tunnel} carries only {path.PathMtu}: big transfers stall",
                [.. evidence], Fix(facts, group.Key, mtu, tooBig.Select(x => x.Container)), group.Key);
        }
    }

    private static FixPlan? Fix(DoctorFacts facts, string bridge, string mtu, IEnumerable<Container> containers)
    {
        var ops = new List<Operation>();
        var multi = new List<string>();
        foreach (var c in containers)
        {
            if (c.Networks.Length == 1 && c.Pid is > 0) ops.Add(new SetContainerMtu(c.Name.TrimStart('/'), mtu));
            else multi.Add(c.Name.TrimStart('/'));
        }
        if (facts.Snapshot.FindLink(bridge) is { } br && br.Mtu > int.Parse(mtu, CultureInfo.InvariantCulture)) ops.Add(new SetMtu(bridge, mtu));
        // Only where Docker puts its default-bridge containers on this bridge: elsewhere "mtu" would change docker0's containers.
        var dockerUsesBridge = facts.Docker is { Exists: true, ParseError: null } d && d.Bridge == bridge;
        if (dockerUsesBridge && facts.Docker!.Mtu?.ToString(CultureInfo.InvariantCulture) != mtu) ops.Add(new SetDockerMtu(mtu, facts.Docker.Path));
        var note = (dockerUsesBridge ? "dockerd reads daemon.json when it restarts; the running containers are fixed now" :
                   $"containers started later on {bridge} get Docker's MTU again: give their network com.docker.network.driver.mtu={mtu}")
                   + (multi.Count > 0 ? $"; not changed (several networks, set by hand): {string.Join(", ", multi)}" : "");
        if (ops.Count == 0) return null;
        return new FixPlan($"give the containers on {bridge} MTU {mtu}", [], Undoable: true, Note: note) { Operations = [.. ops] };
    }
}
