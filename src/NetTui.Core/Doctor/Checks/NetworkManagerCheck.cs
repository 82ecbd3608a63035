using NetTui.Core.Doctor.Facts;
using NetTui.Core.Model;

namespace NetTui.Core.Doctor.Checks;

/// <summary>
/// Without NetworkManager, bridges, addresses and routes made now are gone after a reboot
/// (OVS objects persist in OVSDB itself). Info, not a problem: many hosts persist their
/// network another way (ifupdown, systemd-networkd); the admin should just know.
/// </summary>
public static class NetworkManagerCheck
{
    public static IEnumerable<Finding> Run(DoctorFacts facts)
    {
        if (facts.Snapshot.Source(SourceKind.NetworkManager) is { Available: false } nm)
            yield return new Finding(FindingIds.NetworkManagerNotRunning, Severity.Info,
                "NetworkManager is not running: changes to bridges, addresses and routes will not persist through it",
                [nm.Reason ?? "NetworkManager did not answer"]);
    }
}
