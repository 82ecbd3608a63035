using System.Collections.Immutable;
using System.Text.Json.Serialization;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Operations;

/// <summary>
/// One change to the host, as a record of the fields the admin typed (plain text, so a form
/// can hold half-typed values and JSON plan files and the history journal store them as is).
/// Do/Undo in the TerminalGuiDesigner sense: <see cref="Validate"/> says whether it may run,
/// <see cref="Plan"/> gives the exact commands with their undo, <see cref="Verify"/> checks
/// the host afterwards and <see cref="Inverse"/> is the operation that takes it back.
/// The "op" discriminator is the stable <see cref="Kind"/> used by plan files and the journal.
/// Optional fields with a default other than the type's (`Up = true`, `Ports = []`) are
/// `{ get; set; }`, not `init`: the source-generated reader passes every init-only member to
/// the object initializer, so one missing from the JSON would get default(T) (false, a
/// default ImmutableArray) instead of its initializer; a setter is called only when present.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "op", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(CreateBridge), CreateBridge.KindName)]
[JsonDerivedType(typeof(DeleteBridge), DeleteBridge.KindName)]
[JsonDerivedType(typeof(AddAddress), AddAddress.KindName)]
[JsonDerivedType(typeof(RemoveAddress), RemoveAddress.KindName)]
[JsonDerivedType(typeof(AttachToBridge), AttachToBridge.KindName)]
[JsonDerivedType(typeof(DetachFromBridge), DetachFromBridge.KindName)]
[JsonDerivedType(typeof(SetLinkState), SetLinkState.KindName)]
[JsonDerivedType(typeof(SetMtu), SetMtu.KindName)]
[JsonDerivedType(typeof(CreateOvsBridge), CreateOvsBridge.KindName)]
[JsonDerivedType(typeof(DeleteOvsBridge), DeleteOvsBridge.KindName)]
[JsonDerivedType(typeof(AddOvsGrePort), AddOvsGrePort.KindName)]
[JsonDerivedType(typeof(AddOvsPort), AddOvsPort.KindName)]
[JsonDerivedType(typeof(DeleteOvsPort), DeleteOvsPort.KindName)]
[JsonDerivedType(typeof(CreateIpTunnel), CreateIpTunnel.KindName)]
[JsonDerivedType(typeof(DeleteIpTunnel), DeleteIpTunnel.KindName)]
[JsonDerivedType(typeof(CreateVxlan), CreateVxlan.KindName)]
[JsonDerivedType(typeof(DeleteVxlan), DeleteVxlan.KindName)]
[JsonDerivedType(typeof(AddOvsVxlanPort), AddOvsVxlanPort.KindName)]
[JsonDerivedType(typeof(AddRoute), AddRoute.KindName)]
[JsonDerivedType(typeof(DeleteRoute), DeleteRoute.KindName)]
[JsonDerivedType(typeof(SetDockerDefaultBridge), SetDockerDefaultBridge.KindName)]
[JsonDerivedType(typeof(SetDockerMtu), SetDockerMtu.KindName)]
[JsonDerivedType(typeof(SetContainerMtu), SetContainerMtu.KindName)]
// Persistence (NetworkManager profiles): src/NetTui.Core/Persisting.
[JsonDerivedType(typeof(Persisting.PersistedOperation), Persisting.PersistedOperation.KindName)]
[JsonDerivedType(typeof(Persisting.MakePersistent), Persisting.MakePersistent.KindName)]
[JsonDerivedType(typeof(Persisting.ForgetProfiles), Persisting.ForgetProfiles.KindName)]
[JsonDerivedType(typeof(Persisting.Backends.KeepAtBoot), Persisting.Backends.KeepAtBoot.KindName)]
public abstract record Operation
{
    /// <summary>Stable name, equal to the JSON "op" discriminator.</summary>
    [JsonIgnore] public abstract string Kind { get; }

    /// <summary>One line for humans: "create bridge br0 with 192.168.100.1/24".</summary>
    public abstract string Describe();

    /// <summary>Field checks that need no host: names, addresses, numbers. Empty = all fields valid.</summary>
    public abstract IReadOnlyList<ValueError> CheckFields();

    /// <summary>Checks against the host: the objects it needs exist, the ones it makes do not, no clashes.</summary>
    protected abstract IEnumerable<ValueError> CheckHost(HostSnapshot host, OperationContext ctx);

    /// <summary>Everything that stops this operation from running on <paramref name="host"/>; empty = it may run.</summary>
    public IReadOnlyList<ValueError> Validate(HostSnapshot host, OperationContext ctx)
    {
        var fields = CheckFields();
        return fields.Count > 0 ? fields : [.. CheckHost(host, ctx)];
    }

    /// <summary>The ordered steps. Only valid after <see cref="Validate"/> returned nothing.</summary>
    public abstract ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx);

    /// <summary>The operation that takes this one back, computed from the host as it was before.</summary>
    public abstract Operation Inverse(HostSnapshot before, OperationContext ctx);

    /// <summary>How the host read after applying differs from what this operation promised; empty = verified.</summary>
    public abstract IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx);

    /// <summary>Files whose current text the host layer must put in <see cref="OperationContext.Files"/> before validating.</summary>
    public virtual IEnumerable<string> FilesToRead(OperationContext ctx) => [];

    /// <summary>What the admin must know after applying (e.g. "restart dockerd").</summary>
    public virtual IEnumerable<string> Notes(OperationContext ctx) => [];

    /// <summary>What else goes away with this change (routes through a bridge, its ports...), for a confirmation.</summary>
    public virtual IEnumerable<string> Consequences(HostSnapshot host) => [];

    public virtual bool IsDestructive => false;

    /// <summary>
    /// Value equality for operations that hold lists (ImmutableArray compares by reference):
    /// two operations are equal when they serialize the same.
    /// </summary>
    protected bool SameJson(Operation? other) =>
        other is not null && other.GetType() == GetType() && OperationJson.Serialize(this) == OperationJson.Serialize(other);

    /// <summary>Throws if fields are invalid; Plan and Inverse use this so they never build commands from bad input.</summary>
    protected void RequireValid()
    {
        var errors = CheckFields();
        if (errors.Count > 0) throw new InvalidOperationException($"{Kind}: {errors[0]}");
    }
}
