using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Persisting.Backends;
using NetTui.Core.Values;

namespace NetTui.Core.Persisting;

/// <summary>
/// An operation made to survive reboot through the host's configuration system
/// (<see cref="Backend"/>; null: NetworkManager). With NetworkManager its plan is profile steps
/// when <see cref="PersistentPlanner"/> can make them; with a file backend (ifupdown) it is the
/// inner operation's runtime commands, then the files written; else the inner operation's
/// runtime commands alone. Either way the first line of the plan says which ("persistent: ..."
/// or "runtime only: LOST AT REBOOT (why)"). Validation, verification and notes are the inner
/// operation's (plus the backend's files NetTui cannot read). <see cref="RuntimeOnly"/>: the
/// admin asked for runtime commands (--runtime-only); the plan is labelled all the same.
/// <see cref="Restore"/>: set on an inverse, the files put back exactly as they were before the
/// change it undoes (so undo and rollback restore an admin's edited file byte for byte).
/// </summary>
public sealed record PersistedOperation(Operation Inner, bool RuntimeOnly = false) : Operation
{
    public const string KindName = "persisted";
    public override string Kind => KindName;

    public BackendChoice? Backend { get; init; }

    /// <summary>Wrapped only so a boot unit can hold it (no configuration system was chosen for it): losing NetworkManager mid-change is then no loss.</summary>
    public bool UnitOnly { get; set; }
    public ImmutableArray<FileRestore> Restore { get; set; } = [];

    public override string Describe() => Inner.Describe();
    public override IReadOnlyList<ValueError> CheckFields() => Inner.CheckFields();

    private IPersistenceBackend? FileBackend => Backend is null or { Kind: PersistenceBackendKind.NetworkManager } ? null : PersistenceBackends.For(Backend);

    protected override IEnumerable<ValueError> CheckHost(HostSnapshot host, OperationContext ctx)
    {
        if (RuntimeOnly || !Restore.IsDefaultOrEmpty || FileBackend is not { } b) return Inner.Validate(host, ctx);
        var errors = Inner.Validate(host, ctx).Concat(b.Problems(ctx)).ToList();
        // `persist make` that no file can hold does nothing at all: say why instead.
        if (errors.Count == 0 && Inner is KeepAtBoot keep && PlanPersistence(host, ctx) is { Persistent: false } p)
            errors.Add(new ValueError("interface", $"{keep.Interface} cannot be made persistent with {BackendChoice.Word(b.Kind)}: {p.RuntimeReason}"));
        return errors;
    }

    /// <summary>
    /// The plan and the label together (for previews that show the label apart). What no
    /// configuration system holds gets a systemd unit where systemd runs the host
    /// (<see cref="BootUnitPlanner"/>); --runtime-only never does.
    /// </summary>
    public PersistentPlan PlanPersistence(HostSnapshot host) => PlanPersistence(host, OperationContext.Default);

    public PersistentPlan PlanPersistence(HostSnapshot host, OperationContext ctx)
    {
        if (RuntimeOnly) return PersistentPlan.Runtime("--runtime-only was asked");
        if (!Restore.IsDefaultOrEmpty)
            return PersistentPlan.Files($"persistent: {BackendChoice.Word(Backend!.Kind)} files put back as they were",
                Restore.Select(r => FileWriteStep.WriteOrRemove(r.Content is null ? $"remove {r.Path}" : $"restore {r.Path}", r.Path, r.Content, r.Expected) with { OwnerOnly = Backend.Kind == PersistenceBackendKind.Netplan }));
        var p = Backend is not null && PersistenceBackends.For(Backend) is null
            ? PersistentPlan.Runtime($"NetTui cannot write {BackendChoice.Word(Backend.Kind)} files yet")
            : FileBackend is { } b ? (Inner is KeepAtBoot keep ? keep.PlanWith(b, host, ctx) : b.Plan(Inner, host, ctx)) : PersistentPlanner.Plan(Inner, host);
        if (!p.LostAtReboot || DockerOwned.Touched(Inner, host) is not null) return p;
        if (host.Systemd is { Booted: true } && BootUnitPlanner.MissingAtBoot(Inner, host) is { } missing)
            return PersistentPlan.Runtime($"{p.RuntimeReason}; a boot unit cannot hold it either: nothing makes {missing} again at boot");
        return BootUnitPlanner.UnitFor(Inner, host, Inner.Plan(host, ctx)) is { } unit
            ? PersistentPlan.InUnit(unit, p.RuntimeReason!)
            : p;
    }

    public override ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx)
    {
        var p = PlanPersistence(host, ctx);
        // Units making what this takes away go with it (detach obr0 removes the unit attaching it at boot).
        var removals = RuntimeOnly ? [] : BootUnitPlanner.Remove(Inner, host);
        if (p.Persistent && !p.AfterRuntime) return [new NoteStep(p.Label), .. p.Steps, .. removals];
        var runtime = Inner.Plan(host, ctx);
        var unit = p.Unit is { } u ? BootUnitPlanner.Install(u, Inner, host) : [];
        return [new NoteStep(p.Label), .. p.Checks, .. runtime, .. p.Steps, .. removals, .. unit];
    }

    public override Operation Inverse(HostSnapshot before, OperationContext ctx) => new PersistedOperation(Inner.Inverse(before, ctx), RuntimeOnly)
    {
        Backend = Backend,
        UnitOnly = UnitOnly,
        // A file backend's inverse puts back every file this one writes, as it was read.
        Restore = FileBackend is null || RuntimeOnly ? [] : [.. PlanPersistence(before, ctx).Steps.OfType<FileWriteStep>().Select(f => new FileRestore(f.Path, f.RemoveFile ? null : f.Content, f.Previous))],
    };

    public override IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx) => Inner.Verify(after, ctx);

    public override IEnumerable<string> FilesToRead(OperationContext ctx) => FileBackend is { } b
        ? [.. Inner.FilesToRead(ctx), .. Backend!.Files, .. b.FilesToRead(Inner is KeepAtBoot keep ? new DeleteBridge(keep.Interface) : Inner), .. Restore.Select(r => r.Path)]
        : Inner.FilesToRead(ctx);

    public override IEnumerable<string> Notes(OperationContext ctx) => Inner.Notes(ctx);
    public override IEnumerable<string> Consequences(HostSnapshot host) => Inner.Consequences(host);
    public override bool IsDestructive => Inner.IsDestructive;

    /// <summary>
    /// Null, or why this operation must not run now: it was decided persisted (wrapped while
    /// NetworkManager ran) and NetworkManager is down, so its plan would silently become runtime
    /// commands, leaving (or missing) the profile that decides the object at boot. A change decided
    /// persisted stays persisted or fails as a whole; --runtime-only is the admin's way round.
    /// </summary>
    public string? PersistenceLost(HostSnapshot host)
    {
        if (RuntimeOnly || UnitOnly || FileBackend is not null || host.NetworkManager is not { Available: false } nm || PersistentPlanner.Plan(Inner, host).Persistent) return null;
        var profile = Interface is { } iface ? $"the NetworkManager profile of {iface} (NetTui names it {ProfileBuilder.ProfileId(iface)})" : "its NetworkManager profile";
        return $"NetworkManager is not running ({nm.Reason}): \"{Inner.Describe()}\" was decided persisted and would leave {profile} as it is, deciding it at boot; " +
            "start NetworkManager and try again, or use --runtime-only to change only the runtime side (the profile stays)";
    }

    /// <summary>The interface whose profile holds this operation (null: a route without a device).</summary>
    private string? Interface => Inner switch
    {
        Operations.CreateBridge c => c.Name,
        DeleteBridge d => d.Name,
        AttachToBridge a => a.Interface,
        DetachFromBridge d => d.Interface,
        Operations.AddAddress a => a.Interface,
        Operations.RemoveAddress r => r.Interface,
        Operations.AddRoute r => r.Dev,
        Operations.DeleteRoute r => r.Dev,
        CreateIpTunnel t => t.Name,
        DeleteIpTunnel t => t.Name,
        _ => null,
    };

    /// <summary>Wraps every operation of a change; already wrapped ones stay as they are.</summary>
    public static Operation Wrap(Operation op, bool runtimeOnly, BackendChoice? backend = null) =>
        op is PersistedOperation or MakePersistent or ForgetProfiles ? op : new PersistedOperation(op, runtimeOnly) { Backend = backend };
}
