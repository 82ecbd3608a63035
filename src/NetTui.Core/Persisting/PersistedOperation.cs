using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Values;

namespace NetTui.Core.Persisting;

/// <summary>
/// An operation made to survive reboot: its plan is NetworkManager profile steps when
/// <see cref="PersistentPlanner"/> can make them, else the inner operation's runtime commands.
/// Either way the first line of the plan says which ("persistent: ..." or "runtime only: LOST
/// AT REBOOT (why)"). Validation, verification (the kernel state NetworkManager builds must
/// be what was asked) and notes are the inner operation's. <see cref="RuntimeOnly"/>: the
/// admin asked for runtime commands (--runtime-only); the plan is labelled all the same.
/// </summary>
public sealed record PersistedOperation(Operation Inner, bool RuntimeOnly = false) : Operation
{
    public const string KindName = "persisted";
    public override string Kind => KindName;

    public override string Describe() => Inner.Describe();
    public override IReadOnlyList<ValueError> CheckFields() => Inner.CheckFields();

    protected override IEnumerable<ValueError> CheckHost(HostSnapshot host, OperationContext ctx) => Inner.Validate(host, ctx);

    /// <summary>The plan and the label together (for previews that show the label apart).</summary>
    public PersistentPlan PlanPersistence(HostSnapshot host) =>
        RuntimeOnly ? PersistentPlan.Runtime("--runtime-only was asked") : PersistentPlanner.Plan(Inner, host);

    public override ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx)
    {
        var p = PlanPersistence(host);
        return p.Persistent
            ? [new NoteStep(p.Label), .. p.Steps]
            : [new NoteStep(p.Label), .. Inner.Plan(host, ctx)];
    }

    public override Operation Inverse(HostSnapshot before, OperationContext ctx) => new PersistedOperation(Inner.Inverse(before, ctx), RuntimeOnly);
    public override IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx) => Inner.Verify(after, ctx);
    public override IEnumerable<string> FilesToRead(OperationContext ctx) => Inner.FilesToRead(ctx);
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
        if (RuntimeOnly || host.NetworkManager is not { Available: false } nm || PersistentPlanner.Plan(Inner, host).Persistent) return null;
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
    public static Operation Wrap(Operation op, bool runtimeOnly) => op is PersistedOperation or MakePersistent or ForgetProfiles ? op : new PersistedOperation(op, runtimeOnly);
}
