using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Operations;

namespace NetTui.Core.Persisting;

/// <summary>
/// How one operation will be made: as persistent steps (<see cref="Steps"/>: NetworkManager
/// profiles that also make the runtime change, or files written after the operation's own
/// runtime commands when <see cref="AfterRuntime"/>), or at runtime because
/// <see cref="RuntimeReason"/>. <see cref="Label"/> is the line the preview shows first, so
/// the admin sees before Apply whether the change survives a reboot.
/// </summary>
public sealed record PersistentPlan(ImmutableArray<PlanStep> Steps, string? RuntimeReason, string Label)
{
    public bool Persistent => RuntimeReason is null;

    /// <summary>Runtime commands that a generated systemd unit runs again at boot (null: none).</summary>
    public BootUnit? Unit { get; init; }

    /// <summary>Lost at a reboot: runtime commands that nothing (no profile, OVSDB, daemon.json or unit) makes again.</summary>
    public bool LostAtReboot => RuntimeReason is { Length: > 0 } && Unit is null;

    /// <summary>The runtime commands, and a unit that runs them again at boot.</summary>
    public static PersistentPlan InUnit(BootUnit unit, string why) => new([], why, BootUnitPlanner.Label(unit, why)) { Unit = unit };
    /// <summary>Checks of the files to be written (netplan generate) that run before anything else of the operation.</summary>
    public ImmutableArray<PlanStep> Checks { get; init; } = [];

    /// <summary>The steps only write configuration: the operation's runtime commands run first.</summary>
    public bool AfterRuntime { get; init; }

    public static PersistentPlan Nm(string label, IEnumerable<PlanStep> steps) => new([.. steps], null, label);
    /// <summary>Configuration files that bring the change back at boot, written after its runtime commands.</summary>
    public static PersistentPlan Files(string label, IEnumerable<PlanStep> steps) => new([.. steps], null, label) { AfterRuntime = true };
    public static PersistentPlan Runtime(string reason) => new([], reason, $"runtime only: LOST AT REBOOT ({reason})");
    /// <summary>Runtime commands, but something else (OVSDB, daemon.json) keeps them; or a delete of something never persisted.</summary>
    public static PersistentPlan Elsewhere(string label) => new([], "", label);
}
