using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Operations;

/// <summary>Bring a link administratively up or down (`ip link set IF up|down`).</summary>
public sealed record SetLinkState(string Interface, bool Up) : Operation
{
    public const string KindName = "link.state";
    public override string Kind => KindName;
    public override bool IsDestructive => !Up;

    private string Word => Up ? "up" : "down";

    public override string Describe() => $"bring {Interface} {Word}";

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
        else if (l.AdminUp == Up) yield return new("interface", $"{Interface} is already {Word}");
    }

    public override IEnumerable<string> Consequences(HostSnapshot host) =>
        Up ? [] : host.Routes.Where(r => r.Device == Interface && r.Protocol != "kernel").Select(r => $"route {r.Destination} through {Interface} goes away");

    public override ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx)
    {
        RequireValid();
        return [Steps.Run($"bring {Interface} {Word}", ctx.Ip("link", "set", Interface, Word),
            ctx.Ip("link", "set", Interface, Up ? "down" : "up"), $"ifconfig {Interface} {Word}")];
    }

    public override Operation Inverse(HostSnapshot before, OperationContext ctx) =>
        new SetLinkState(Interface, before.FindLink(Interface)?.AdminUp ?? !Up);

    public override IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx)
    {
        var l = after.FindLink(Interface);
        if (l is null) return [$"{Interface} does not exist"];
        return l.AdminUp == Up ? [] : [$"{Interface} is {(l.AdminUp ? "up" : "down")}, expected {Word}"];
    }
}
