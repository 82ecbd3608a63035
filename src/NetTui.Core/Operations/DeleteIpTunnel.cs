using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Operations;

/// <summary>
/// Delete a kernel GRE/GRETAP tunnel. Refused when the snapshot does not carry the tunnel's
/// parameters (remote, local, key, ttl): without them the delete could not be undone.
/// </summary>
public sealed record DeleteIpTunnel(string Name) : Operation
{
    public const string KindName = "tunnel.del";
    public override string Kind => KindName;
    public override bool IsDestructive => true;

    public override string Describe() => $"delete tunnel {Name}";

    public override IReadOnlyList<ValueError> CheckFields()
    {
        var c = new FieldCheck();
        c.Need(InterfaceName.Parse(Name, "name"));
        return c.Errors;
    }

    protected override IEnumerable<ValueError> CheckHost(HostSnapshot host, OperationContext ctx)
    {
        var l = host.FindLink(Name);
        if (l is null) yield return new("name", $"there is no tunnel {Name}");
        else if (l.Kind is not (LinkKind.Gre or LinkKind.Gretap)) yield return new("name", $"{Name} is a {HostQueries.KindWord(l)}, not a gre/gretap tunnel");
        else if (CreateIpTunnel.FromModel(l) is null) yield return new("name", $"the tunnel parameters of {Name} are unknown, so deleting it could not be undone");
    }

    /// <summary>A gretap is often a bridge port: deleting it cuts that bridge off from the peer.</summary>
    public override IEnumerable<string> Consequences(HostSnapshot host) => TunnelEndpoints.DeleteConsequences(host, Name, "the peer");

    public override ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx)
    {
        RequireValid();
        var back = (CreateIpTunnel)Inverse(host, ctx);
        var undo = new List<Commands.CommandSpec> { ctx.Ip(back.LinkArgs()) };
        if (back.Up) undo.Add(ctx.Ip("link", "set", "dev", Name, "up"));
        return [Steps.Run($"delete tunnel {Name}", ctx.Ip("link", "del", "dev", Name), undo, $"ip tunnel del {Name}")];
    }

    public override Operation Inverse(HostSnapshot before, OperationContext ctx) =>
        (before.FindLink(Name) is { } l ? CreateIpTunnel.FromModel(l) : null)
        ?? throw new InvalidOperationException($"the parameters of tunnel {Name} are not in the snapshot");

    public override IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx) =>
        after.FindLink(Name) is null ? [] : [$"{Name} still exists"];
}
