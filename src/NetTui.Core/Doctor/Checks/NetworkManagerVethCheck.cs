using NetTui.Core.Commands;
using NetTui.Core.Doctor.Facts;

namespace NetTui.Core.Doctor.Checks;

/// <summary>
/// NetworkManager manages the host-side veths of containers: it then makes a profile and
/// runs DHCP/IPv6 autoconf on each, its memory and CPU grow with every container, and it
/// may take addresses or routes Docker set. The fix tells it to leave the veths alone (`nmcli
/// device set VETH managed no`, undone with `managed yes`); a keyfile rule
/// (unmanaged-devices=interface-name:veth*) keeps that for containers started later.
/// </summary>
public static class NetworkManagerVethCheck
{
    public static IEnumerable<Finding> Run(DoctorFacts facts)
    {
        var veths = facts.Snapshot.Containers.Select(c => c.HostVeth).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var managed = facts.NmDevices.Where(d => d.Managed && veths.Contains(d.Interface)).ToList();
        if (managed.Count == 0) yield break;
        var fix = new FixPlan($"tell NetworkManager to leave {managed.Count} container veth(s) alone",
            [.. managed.Select(d => new FixStep($"{d.Interface}: unmanaged", Nmcli("device", "set", d.Interface, "managed", "no"), Nmcli("device", "set", d.Interface, "managed", "yes")))],
            Undoable: true, Note: "for containers started later: unmanaged-devices=interface-name:veth* in /etc/NetworkManager/conf.d/");
        yield return new Finding(FindingIds.NetworkManagerManagesVeths, Severity.Warning,
            $"NetworkManager manages {managed.Count} container veth(s)",
            [.. managed.Select(d => $"NetworkManager device {d.Interface}: state {d.State} (10 = unmanaged)")], fix);
    }

    private static CommandSpec Nmcli(params string[] args) => new("nmcli", [.. args], CommandSpec.DefaultTimeout, InTargetNamespace: false);
}
