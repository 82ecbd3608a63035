using System.Collections.Immutable;
using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.Core.Persisting;

/// <summary>
/// Persistence for what no configuration system holds (attaching an OVS internal port to a
/// Linux bridge, bringing it up, anything NetworkManager is not there for): the operation's
/// own runtime commands, run again at boot by a generated systemd unit. Only where systemd
/// manages the host (<see cref="SystemdState.Booted"/>). The unit is written through the
/// executor's file step (the one safe writer, undone by removing it) and enabled with
/// systemctl (undone by disabling it). Pure: everything comes from the snapshot.
/// </summary>
public static class BootUnitPlanner
{
    /// <summary>The unit that would hold <paramref name="op"/> (null: no systemd, or nothing to make at boot).</summary>
    public static BootUnit? UnitFor(Operation op, HostSnapshot host, IEnumerable<PlanStep> runtimeSteps)
    {
        if (host.Systemd is not { Booted: true }) return null;
        var makes = UnitObjects.Made(op);
        if (makes.IsEmpty) return null;
        var commands = Commands(runtimeSteps);
        if (commands.Count == 0) return null;
        return new BootUnit(BootUnitFile.NameFor(makes[0]), makes, [.. commands.Select(BootUnitFile.ExecLine)]);
    }

    /// <summary>
    /// A device the operation's boot commands need that nothing makes again at boot (null: all
    /// are): a unit attaching a port to a runtime-only bridge would only fail at every boot.
    /// </summary>
    public static string? MissingAtBoot(Operation op, HostSnapshot host) =>
        UnitObjects.Needs(op).FirstOrDefault(d => !SurvivesReboot(d, host));

    private static bool SurvivesReboot(string device, HostSnapshot host)
    {
        var link = host.FindLink(device);
        // A network card is made by the kernel at boot, whatever the Boot column says of its configuration.
        if (link is { Kind: LinkKind.Ethernet }) return true;
        if (link?.Persistence is { } p) return p.SurvivesReboot;
        // A device an earlier operation of the same plan made (not annotated yet): a profile, a unit, or who recreates it.
        return host.NetworkManager?.ProfileFor(device) is { InMemory: false }
            || host.Systemd?.Making(new(UnitObjectKind.Link, device)) is not null
            || link is not null && BootOwners.Of(host).ForDevice(link).SurvivesReboot;
    }

    /// <summary>Steps that write and enable <paramref name="unit"/> (from <see cref="UnitFor"/>) for <paramref name="op"/>, after the runtime steps.</summary>
    public static IEnumerable<PlanStep> Install(BootUnit unit, Operation op, HostSnapshot host)
    {
        var systemd = host.Systemd!;
        var existing = systemd.Units.FirstOrDefault(u => u.Name == unit.Name);
        var after = systemd.Units.Where(u => u.Name != unit.Name).Select(u => u.Name).Order(StringComparer.Ordinal);
        var text = BootUnitFile.Render(op.Describe(), unit.Makes, unit.Commands, after);
        if (existing?.Text == text) yield break;
        yield return new FileWriteStep($"write systemd unit {unit.Name} (runs these commands at boot)", systemd.PathOf(unit.Name), text, existing?.Text, null);
        if (existing is null)
            yield return new CommandStep($"enable {unit.Name} at boot", Systemctl(systemd, "enable", unit.Name), [Systemctl(systemd, "disable", unit.Name)]);
    }

    /// <summary>Steps that disable and remove the units making what <paramref name="op"/> takes away (undone by putting them back).</summary>
    public static IEnumerable<PlanStep> Remove(Operation op, HostSnapshot host)
    {
        if (host.Systemd is not { } systemd) yield break;
        foreach (var unit in systemd.Units.Where(u => UnitObjects.Removes(op, u.Primary)))
        {
            yield return new CommandStep($"disable {unit.Name}", Systemctl(systemd, "disable", unit.Name), [Systemctl(systemd, "enable", unit.Name)]);
            yield return FileWriteStep.WriteOrRemove($"remove systemd unit {unit.Name} ({unit.Primary.Describe()} at boot)", systemd.PathOf(unit.Name), null, unit.Text);
        }
    }

    /// <summary>The label a unit-held operation's preview starts with.</summary>
    public static string Label(BootUnit unit, string why) => $"persistent: systemd unit {unit.Name} runs it at boot ({why})";

    /// <summary>The changing commands of a runtime plan, in order (notes and files are not run at boot).</summary>
    private static List<CommandSpec> Commands(IEnumerable<PlanStep> steps) => [.. steps.OfType<CommandStep>().Select(c => c.Do).Where(c => c.InTargetNamespace)];

    /// <summary>systemctl for the host, or offline under a test's root (--root: files only, no running systemd asked).</summary>
    private static CommandSpec Systemctl(SystemdState s, string verb, string unit) =>
        (s.Root == "/" ? CommandSpec.Of("systemctl", verb, unit) : CommandSpec.Of("systemctl", "--root=" + s.Root, verb, unit)).OutsideNamespace();
}
