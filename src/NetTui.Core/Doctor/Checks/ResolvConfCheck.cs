using System.Net;
using NetTui.Core.Doctor.Facts;

namespace NetTui.Core.Doctor.Checks;

/// <summary>
/// The host's resolv.conf names only loopback resolvers (systemd-resolved's 127.0.0.53): Docker
/// copies the file into containers on the default bridge without them (a container's 127.0.0.53
/// is itself), and falls back to Google's 8.8.8.8, which many networks block: no DNS. No
/// automatic fix: the right upstream is the admin's (the explanation shows how: daemon.json "dns",
/// or pointing /etc/resolv.conf at /run/systemd/resolve/resolv.conf). Only when Docker is here.
/// </summary>
public static class ResolvConfCheck
{
    public static IEnumerable<Finding> Run(DoctorFacts facts)
    {
        if (facts.ResolvConf is not { } rc || rc.Nameservers.IsEmpty) yield break;
        var host = facts.Snapshot;
        var docker = !host.Containers.IsEmpty || !host.DockerNetworks.IsEmpty || host.FindLink("docker0") is not null;
        if (!docker || !rc.Nameservers.All(IsLoopback)) yield break;
        yield return new Finding(FindingIds.DockerDnsLoopbackOnly, Severity.Warning,
            $"{rc.Path} names only {string.Join(", ", rc.Nameservers)}: containers on Docker's default bridge get no working DNS",
            [.. rc.Nameservers.Select(n => $"{rc.Path}: nameserver {n}"), "a loopback resolver is unreachable from a container's own network namespace"]);
    }

    private static bool IsLoopback(string ns) => IPAddress.TryParse(ns, out var a) && IPAddress.IsLoopback(a);
}
