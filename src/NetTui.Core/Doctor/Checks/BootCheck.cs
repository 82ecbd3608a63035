using System.Text.RegularExpressions;
using NetTui.Core.Doctor.Facts;
using NetTui.Core.Doctor.Fixes;

namespace NetTui.Core.Doctor.Checks;

/// <summary>
/// Will OVS come back after a reboot? An OVS start pasted into rc.local (the seed's advice)
/// is fragile: no ordering, no restart, and a path that breaks on the next upgrade. Where
/// systemd manages the host and ships an OVS unit, that unit should be enabled instead.
/// When systemd cannot be asked (a container, a lab namespace), the check stays silent.
/// </summary>
public static partial class BootCheck
{
    [GeneratedRegex(@"^\s*[^#\n]*\b(ovsdb-server|ovs-vswitchd|ovs-ctl)\b", RegexOptions.Multiline)]
    private static partial Regex OvsStart();

    public static IEnumerable<Finding> Run(DoctorFacts facts)
    {
        var starters = facts.BootScripts.Where(s => OvsStart().IsMatch(s.Content)).ToList();
        var unit = facts.Systemd.OvsMainUnit;
        var serviceUsable = facts.Systemd.Running == true && unit is not null && facts.Ovs?.Install != OvsInstall.SourceBuild;
        if (starters.Count > 0)
        {
            var evidence = starters.Select(s =>
                $"{s.Path}{(s.IncludedFrom is null ? "" : $" (run from {s.IncludedFrom})")}: {OvsStart().Match(s.Content).Value.Trim()}").ToList();
            var fix = serviceUsable && facts.Systemd.State(unit!) != UnitState.Enabled
                ? OvsFixes.EnableService(unit!, $"start OVS at boot through {unit} (then remove the lines from rc.local by hand)")
                : null;
            yield return new Finding(FindingIds.OvsBootRcLocal, Severity.Warning,
                "Open vSwitch is started from rc.local, a fragile way to start it at boot", [.. evidence], fix);
        }
        else if (serviceUsable && facts.Systemd.State(unit!) is UnitState.Disabled)
        {
            yield return new Finding(FindingIds.OvsBootUnitDisabled, Severity.Warning,
                $"{unit} is disabled: Open vSwitch will not start after a reboot",
                [$"systemctl is-enabled {unit}: disabled"],
                OvsFixes.EnableService(unit!, $"enable {unit} at boot (and start it now)"));
        }
    }
}
