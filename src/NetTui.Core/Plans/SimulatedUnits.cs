using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Persisting;

namespace NetTui.Core.Plans;

/// <summary>
/// NetTui's boot units after a plan's file steps (a unit written, a unit removed), so a later
/// operation of the same plan orders its unit after the earlier ones and removes what they make.
/// </summary>
internal static class SimulatedUnits
{
    public static HostSnapshot After(HostSnapshot s, IEnumerable<PlanStep> steps)
    {
        if (s.Systemd is not { } systemd) return s;
        var units = systemd.Units.ToList();
        foreach (var f in steps.OfType<FileWriteStep>().Where(f => Path.GetDirectoryName(f.Path) == systemd.UnitDirectory.TrimEnd('/')))
        {
            var name = Path.GetFileName(f.Path);
            units.RemoveAll(u => u.Name == name);
            if (!f.RemoveFile && BootUnitFile.Parse(name, f.Content) is { } unit) units.Add(unit);
        }
        return s with { Systemd = systemd with { Units = [.. units] } };
    }
}
