using NetTui.Core.Doctor.Facts;

namespace NetTui.Core.Doctor.Checks;

/// <summary>
/// A process named ovsdb-server or ovs-vswitchd that another user runs (or whose socket
/// another user owns) is an impostor as far as root is concerned: it is reported, with no
/// fix, and no other check looks at it (the gatherer keeps it out of Servers/Vswitchds).
/// </summary>
public static class OvsUntrustedDaemonCheck
{
    public static IEnumerable<Finding> Run(DoctorFacts facts)
    {
        if (facts.Ovs is not { } ovs) yield break;
        foreach (var d in ovs.Untrusted)
        {
            yield return new Finding(FindingIds.OvsUntrustedDaemon, Severity.Error,
                $"{d.Program} pid {d.Pid} is not trusted: {d.Distrust}; NetTui ignores it and offers no fix",
                [$"pid {d.Pid} uid {d.OwnerUid}: {string.Join(' ', d.CommandLine)}", .. d.ListenSockets.Select(s => $"listens on {s}")],
                Fix: null, Subject: d.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
