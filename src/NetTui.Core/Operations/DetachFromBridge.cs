using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Operations;

/// <summary>Take an interface out of its Linux bridge (`brctl delif BR IF`).</summary>
public sealed record DetachFromBridge(string Interface) : Operation
{
    public const string KindName = "bridge.detach";
    public override string Kind => KindName;
    public override bool IsDestructive => true;

    public override string Describe() => $"detach {Interface} from its bridge";

    public override IReadOnlyList<ValueError> CheckFields()
    {
        var c = new FieldCheck();
        c.Need(InterfaceName.Parse(Interface, "interface"));
        return c.Errors;
    }

    protected override IEnumerable<ValueError> CheckHost(HostSnapshot host, OperationContext ctx)
    {
        var l = host.FindLink(Interface);
        if (l is null) yield return new("interface", $"there is no interface {Interface}");
        else if (l.Master is null) yield return new("interface", $"{Interface} is not a port of any bridge");
        else if (!host.IsLinuxBridge(l.Master)) yield return new("interface", $"{Interface} belongs to {l.Master}, which is not a Linux bridge");
    }

    public override ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx)
    {
        RequireValid();
        return [Step(ctx, host.FindLink(Interface)!.Master!, Interface)];
    }

    internal static CommandStep Step(OperationContext ctx, string bridge, string iface) =>
        Steps.Run($"detach {iface} from {bridge}", ctx.Ip("link", "set", "dev", iface, "nomaster"),
            ctx.Ip("link", "set", "dev", iface, "master", bridge), $"brctl delif {bridge} {iface}");

    public override Operation Inverse(HostSnapshot before, OperationContext ctx) =>
        new AttachToBridge(before.FindLink(Interface)?.Master ?? throw new InvalidOperationException($"{Interface} had no bridge"), Interface);

    public override IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx)
    {
        var l = after.FindLink(Interface);
        if (l is null) return [$"{Interface} does not exist"];
        return l.Master is null ? [] : [$"{Interface} is still a port of {l.Master}"];
    }
}
