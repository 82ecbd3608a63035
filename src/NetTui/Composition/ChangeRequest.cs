using NetTui.Core.Commands;
using NetTui.Core.Operations;
using NetTui.Host.Changes;
using NetTui.Presentation;
using NetTui.Recording;

namespace NetTui.Composition;

/// <summary>
/// One change as a CLI verb, a TUI form, the wizard or a plan file asks for it: the bare
/// operations (persistence is decided by <see cref="HostChanges"/>, once, at apply), and how.
/// </summary>
public sealed record ChangeRequest(IReadOnlyList<Operation> Operations)
{
    /// <summary>--runtime-only: change the running system only, never NetworkManager's profiles.</summary>
    public bool RuntimeOnly { get; init; }

    /// <summary>--persist-with: the configuration system to write (null: the one that configures this host at boot).</summary>
    public Core.Persisting.Backends.PersistenceBackendKind? PersistWith { get; init; }

    /// <summary>Commit-confirmed: rolled back unless confirmed within this time (null: a normal change).</summary>
    public TimeSpan? ConfirmWithin { get; init; }

    /// <summary>What the change must not cut the host off from (--probe); a probe lost by the change undoes it at once.</summary>
    public Core.Reachability.ProbeKinds Probes { get; init; } = Core.Reachability.ProbeKinds.All;

    /// <summary>Plan only: nothing runs and nothing is journaled.</summary>
    public bool DryRun { get; init; }

    /// <summary>The context to check and plan in (null: the path's own, from --ovs-db).</summary>
    public OperationContext? Context { get; init; }
}

/// <summary>
/// How a change went. <see cref="Report"/> is null when it was refused before anything ran
/// (then <see cref="Refusal"/> says why, a sentence a line). <see cref="Mode"/> is the
/// persistence decision it was made with, the one the labels are worded from.
/// </summary>
public sealed record ChangeResult(
    ChangeReport? Report, PersistenceMode Mode, long? ChangeSetId, DateTimeOffset? ConfirmDeadline, int? WatchdogPid,
    IReadOnlyList<string> Notes, IReadOnlyList<string> Refusal)
{
    public bool Refused => Report is null;

    /// <summary>Each operation's persistence line ("persistent: NetworkManager profile ...", "runtime only: LOST AT REBOOT (why)").</summary>
    public IReadOnlyList<string?> Labels => Report is null ? [] : [.. Report.Operations.Select(o => PersistenceChoice.Label(o, Report, Mode.RuntimeOnly))];

    internal static ChangeResult Refuse(PersistenceMode mode, IReadOnlyList<string> notes, params string[] why) =>
        new(null, mode, null, null, null, notes, why);
}
