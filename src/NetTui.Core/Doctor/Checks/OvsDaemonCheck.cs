using NetTui.Core.Doctor.Facts;
using NetTui.Core.Doctor.Fixes;
using NetTui.Core.Model;

namespace NetTui.Core.Doctor.Checks;

/// <summary>
/// With the database reachable: was it initialised, does ovs-vswitchd run (without it every
/// change waits forever), and can the bridges' datapath work (kernel module present, or the
/// userspace "netdev" datapath).
/// </summary>
public static class OvsDaemonCheck
{
    public static IEnumerable<Finding> Run(DoctorFacts facts)
    {
        var ovs = facts.Ovs;
        if (ovs is null || facts.Snapshot.Source(SourceKind.Ovs) is not { Available: true }) yield break;

        if (ovs.Initialized == false)
        {
            yield return new Finding(FindingIds.OvsNotInitialized, Severity.Error,
                "the OVS database was never initialised (`ovs-vsctl --no-wait init` was not run)",
                [$"ovs-vsctl list Open_vSwitch on unix:{ovs.ClientSocket}: no record"], OvsFixes.Initialize(ovs));
        }

        if (ovs.Vswitchds.IsEmpty)
        {
            yield return new Finding(FindingIds.OvsVswitchdNotRunning, Severity.Error,
                "ovs-vswitchd is not running: bridges do not forward and ovs-vsctl changes wait forever",
                [$"no ovs-vswitchd process in this network namespace ({ovs.Paths.VswitchdPidFile}: no live pid)", $"ovsdb-server on {ovs.ClientSocket}: answers"],
                OvsFixes.StartVswitchd(ovs, facts.Systemd));
        }

        if (ovs.KernelModuleLoaded == false && facts.Snapshot.Ovs is { } state)
        {
            foreach (var bridge in state.Bridges.Where(b => b.DatapathType is "" or "system"))
            {
                yield return new Finding(FindingIds.OvsDatapathModuleMissing, Severity.Error,
                    $"OVS bridge {bridge.Name} uses the kernel datapath, but the openvswitch kernel module is not loaded",
                    ["/sys/module/openvswitch: does not exist", $"bridge {bridge.Name}: datapath_type=\"{bridge.DatapathType}\" (kernel)"],
                    new FixPlan($"switch {bridge.Name} to the userspace datapath (datapath_type=netdev)",
                        [new($"set {bridge.Name} datapath_type=netdev",
                            OvsCommands.Vsctl(ovs, "set", "bridge", bridge.Name, "datapath_type=netdev"),
                            OvsCommands.Vsctl(ovs, "set", "bridge", bridge.Name, "datapath_type=system"))],
                        Undoable: true, Note: "on a host that has the module, `modprobe openvswitch` is the other way"),
                    bridge.Name);
            }
        }
    }
}
