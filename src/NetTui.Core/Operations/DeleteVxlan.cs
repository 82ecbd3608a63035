using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Operations;

/// <summary>
/// Delete a kernel VXLAN device. Refused when the snapshot does not carry its parameters
/// (VNI, remote or group, port): without them the delete could not be undone.
/// </summary>
public sealed record DeleteVxlan(string Name) : Operation
{
    public const string KindName = "vxlan.del";
    public override string Kind => KindName;
    public override bool IsDestructive => true;

    public override string Describe() => $"delete VXLAN {Name}";

    public override IReadOnlyList<ValueError> CheckFields()
    {
        var c = new FieldCheck();
        c.Need(InterfaceName.Parse(Name, "name"));
        return c.Errors;
    }

    protected override IEnumerable<ValueError> CheckHost(HostSnapshot host, OperationContext ctx)
    {
        var l = host.FindLink(Name);
        if (l is null) yield return new("name", $"there is no VXLAN {Name}");
        else if (l.Kind != LinkKind.Vxlan) yield return new("name", $"{Name} is a {HostQueries.KindWord(l)}, not a VXLAN");
        else if (CreateVxlan.FromModel(l) is null) yield return new("name", $"the VXLAN parameters of {Name} are unknown, so deleting it could not be undone");
    }

    /// <summary>A VXLAN is usually a bridge port: deleting it cuts that bridge off from the overlay.</summary>
    public override IEnumerable<string> Consequences(HostSnapshot host) => TunnelEndpoints.DeleteConsequences(host, Name, "the overlay");

    public override ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx)
    {
        RequireValid();
        var back = (CreateVxlan)Inverse(host, ctx);
        var undo = new List<Commands.CommandSpec> { ctx.Ip(back.LinkArgs()), ctx.Ip("link", "set", "dev", Name, "mtu", back.Mtu!) };
        if (host.FindLink(Name)?.Master is { } bridge) undo.Add(ctx.Ip("link", "set", "dev", Name, "master", bridge));
        if (back.Up) undo.Add(ctx.Ip("link", "set", "dev", Name, "up"));
        return [Steps.Run($"delete VXLAN {Name}", ctx.Ip("link", "del", "dev", Name), undo)];
    }

    public override Operation Inverse(HostSnapshot before, OperationContext ctx) =>
        (before.FindLink(Name) is { } l ? CreateVxlan.FromModel(l) : null)
        ?? throw new InvalidOperationException($"the parameters of VXLAN {Name} are not in the snapshot");

    public override IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx) =>
        after.FindLink(Name) is null ? [] : [$"{Name} still exists"];
}
