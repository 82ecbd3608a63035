using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Operations;

/// <summary>
/// Bring a link administratively up or down (`ip link set IF up|down`). The kernel drops the
/// IPv4 routes through a link that goes down, so the undo of "down" brings them back, and
/// the inverse of "down" is "up" with those <see cref="Routes"/>.
/// </summary>
public sealed record SetLinkState(string Interface, bool Up) : Operation
{
    public const string KindName = "link.state";
    public override string Kind => KindName;

    public bool Equals(SetLinkState? other) => SameJson(other);
    public override int GetHashCode() => HashCode.Combine(Kind, Describe());

    /// <summary>Routes to add after bringing the link up (set by the inverse of "down").</summary>
    public ImmutableArray<AddRoute> Routes { get; set; } = [];
    public override bool IsDestructive => !Up;

    private string Word => Up ? "up" : "down";

    public override string Describe() => $"bring {Interface} {Word}";

    public override IReadOnlyList<ValueError> CheckFields()
    {
        var c = new FieldCheck();
        c.Need(InterfaceName.Parse(Interface, "interface"));
        foreach (var r in Routes) c.Errors.AddRange(r.CheckFields());
        return c.Errors;
    }

    protected override IEnumerable<ValueError> CheckHost(HostSnapshot host, OperationContext ctx)
    {
        var l = host.FindLink(Interface);
        if (l is null) yield return new("interface", $"there is no interface {Interface}");
        else if (l.AdminUp == Up) yield return new("interface", $"{Interface} is already {Word}");
    }

    public override IEnumerable<string> Consequences(HostSnapshot host) =>
        Up ? [] : StaticRoutes(host).Select(r => $"route {r.Destination} through {Interface} goes away");

    private IEnumerable<AddRoute> StaticRoutes(HostSnapshot host) =>
        host.Routes.Where(r => r.Device == Interface && r.Protocol != "kernel" && r.Type is "unicast" or "" && r.Family == Model.AddressFamily.Inet && r.Table != "local")
            .Select(DeleteRoute.FromModel);

    public override ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx)
    {
        RequireValid();
        var undo = Up
            ? [ctx.Ip("link", "set", Interface, "down")]
            : new List<Commands.CommandSpec> { ctx.Ip("link", "set", Interface, "up") }.Concat(StaticRoutes(host).Select(r => ctx.Ip(["route", "add", .. r.RouteArgs()])));
        var steps = ImmutableArray.CreateBuilder<PlanStep>();
        steps.Add(Steps.Run($"bring {Interface} {Word}", ctx.Ip("link", "set", Interface, Word), undo, $"ifconfig {Interface} {Word}"));
        if (Up) foreach (var r in Routes) steps.AddRange(r.Plan(host, ctx));
        return steps.ToImmutable();
    }

    public override Operation Inverse(HostSnapshot before, OperationContext ctx)
    {
        var wasUp = before.FindLink(Interface)?.AdminUp ?? !Up;
        return new SetLinkState(Interface, wasUp) { Routes = wasUp && !Up ? [.. StaticRoutes(before)] : [] };
    }

    public override IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx)
    {
        var l = after.FindLink(Interface);
        if (l is null) return [$"{Interface} does not exist"];
        if (l.AdminUp != Up) return [$"{Interface} is {(l.AdminUp ? "up" : "down")}, expected {Word}"];
        return [.. Routes.SelectMany(r => r.Verify(after, ctx))];
    }
}
