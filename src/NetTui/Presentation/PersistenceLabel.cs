using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Persisting;
using NetTui.Core.Persisting.Backends;

namespace NetTui.Presentation;

/// <summary>
/// How changes are to be made in this session: <see cref="RuntimeOnly"/> when the admin asked
/// for it (--runtime-only); <see cref="Unavailable"/> says why NetworkManager cannot save them
/// (null: it answered, or it was not probed and the snapshot tells).
/// </summary>
public sealed record PersistenceMode(bool RuntimeOnly, string? Unavailable)
{
    public bool Persists => !RuntimeOnly && Unavailable is null;

    /// <summary>systemd manages the host: what no configuration system holds can get a boot unit.</summary>
    public bool BootUnits { get; init; }
    /// <summary>The file backend changes are written with (null: NetworkManager profiles, when <see cref="Persists"/>).</summary>
    public BackendChoice? Backend { get; init; }

    /// <summary>What the header says: "persist: ifupdown", "persist: nm", "runtime only".</summary>
    public string HeaderText => RuntimeOnly || !Persists ? "runtime only" : "persist: " + BackendChoice.Word(Backend?.Kind ?? PersistenceBackendKind.NetworkManager);
}

/// <summary>
/// The one decision the CLI verbs and the TUI forms share (pure; the probe that fills
/// <see cref="PersistenceMode"/> is Recording/PersistenceChoice): which operations go through
/// NetworkManager profiles, and the line a preview shows first ("persistent: NetworkManager
/// profile ...", "persistent: Open vSwitch keeps this in OVSDB", "runtime only: LOST AT REBOOT (why)").
/// </summary>
public static class PersistenceLabel
{
    public const string RuntimeOnlyAsked = "--runtime-only was asked";

    /// <summary>The operation to apply: wrapped in <see cref="PersistedOperation"/> when NetworkManager (or, on a systemd host, a boot unit) can hold it and the mode allows.</summary>
    public static Operation Choose(Operation op, PersistenceMode mode) =>
        // `persist make` on a host configured by files: the backend's files for the interface as it is.
        op is MakePersistent make && mode.Persists && mode.Backend is { Kind: not PersistenceBackendKind.NetworkManager } files
            ? PersistedOperation.Wrap(new KeepAtBoot(make.Interface), runtimeOnly: false, files)
        : mode.Persists && PersistenceBackends.CanPersist(mode.Backend, op) ? PersistedOperation.Wrap(op, runtimeOnly: false, mode.Backend)
        : mode.BootUnits && !mode.RuntimeOnly && !UnitObjects.Made(op).IsEmpty && op is not (PersistedOperation or MakePersistent or ForgetProfiles)
            ? new PersistedOperation(op) { Backend = mode.Backend, UnitOnly = true }
            : op;

    /// <summary>
    /// The persistence line of an operation whose plan is <paramref name="plan"/>. A wrapped
    /// operation carries it as its first plan step (a note); for the others it is worked out
    /// from <paramref name="host"/> (null: not known).
    /// </summary>
    public static string? For(Operation op, IReadOnlyList<PlanStep> plan, HostSnapshot? host, PersistenceMode mode)
    {
        if (op is PersistedOperation or MakePersistent or ForgetProfiles)
            return plan.OfType<NoteStep>().FirstOrDefault()?.Description;
        if (host is null) return null;
        if (mode.Backend is { } backend)
            return PersistentPlanner.KeptByItsDaemon(op)?.Label
                   ?? PersistentPlan.Runtime(mode.RuntimeOnly ? RuntimeOnlyAsked : $"NetTui does not persist \"{op.Describe()}\" with {BackendChoice.Word(backend.Kind)}").Label;
        var planned = PersistentPlanner.Plan(op, host);
        // OVSDB and daemon.json keep what they keep whatever was asked.
        if (planned.RuntimeReason == "") return planned.Label;
        if (mode.RuntimeOnly) return PersistentPlan.Runtime(RuntimeOnlyAsked).Label;
        if (mode.Unavailable is { } why && PersistentPlanner.CanPersist(op)) return PersistentPlan.Runtime($"NetworkManager is not available: {why}").Label;
        return planned.Label;
    }

    /// <summary>The plan to list under the label: without its first step when that is the label note already shown.</summary>
    public static IEnumerable<PlanStep> WithoutLabel(IEnumerable<PlanStep> plan, string? label) =>
        plan.Select((s, i) => (s, i)).Where(x => !(x.i == 0 && x.s is NoteStep n && n.Description == label)).Select(x => x.s);
}
