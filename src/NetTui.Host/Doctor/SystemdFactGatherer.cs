using System.Collections.Immutable;
using NetTui.Core.Commands;
using NetTui.Core.Doctor.Facts;
using NetTui.Host.Commands;
using NetTui.Host.Inventory;

namespace NetTui.Host.Doctor;

/// <summary>
/// Boot state of the OVS units. With systemd running, `systemctl is-enabled` answers; without
/// it (a container, a lab namespace) nothing can be asked and every unit is reported as
/// Unknown (or NotFound when no unit file exists), so the checks stay silent instead of failing.
/// </summary>
public sealed class SystemdFactGatherer(ICommandRunner runner, DoctorOptions options)
{
    private static readonly string[] UnitDirs = ["/etc/systemd/system", "/run/systemd/system", "/lib/systemd/system", "/usr/lib/systemd/system"];

    public async Task<SystemdFacts> GatherAsync(CancellationToken ct)
    {
        var running = Directory.Exists(options.SystemdRunDir);
        var units = ImmutableDictionary.CreateBuilder<string, UnitState>(StringComparer.Ordinal);
        foreach (var unit in SystemdFacts.OvsUnits)
        {
            if (!UnitDirs.Any(d => File.Exists(Path.Combine(d, unit)))) { units[unit] = UnitState.NotFound; continue; }
            units[unit] = running ? await IsEnabledAsync(unit, ct).ConfigureAwait(false) : UnitState.Unknown;
        }
        return new SystemdFacts(running, units.ToImmutable());
    }

    private async Task<UnitState> IsEnabledAsync(string unit, CancellationToken ct)
    {
        var run = await ToolRun.RunAsync(runner, new CommandSpec("systemctl", ["is-enabled", unit], TimeSpan.FromSeconds(5), InTargetNamespace: false), ct).ConfigureAwait(false);
        // is-enabled exits 1 for "disabled", so the answer may be in the failure text.
        var answer = (run.Output ?? run.Failure ?? "").Trim();
        return answer switch
        {
            "enabled" or "enabled-runtime" or "alias" => UnitState.Enabled,
            "disabled" => UnitState.Disabled,
            "static" or "indirect" or "generated" => UnitState.Static,
            "masked" or "masked-runtime" => UnitState.Masked,
            _ when answer.Contains("No such file", StringComparison.Ordinal) || answer.Contains("not found", StringComparison.Ordinal) => UnitState.NotFound,
            _ => UnitState.Unknown,
        };
    }
}
