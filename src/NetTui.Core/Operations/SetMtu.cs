using System.Collections.Immutable;
using System.Globalization;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Operations;

/// <summary>Set a link's MTU (`ip link set IF mtu N`), e.g. to leave room for GRE's 24 bytes.</summary>
public sealed record SetMtu(string Interface, string Mtu) : Operation
{
    public const string KindName = "link.mtu";
    public override string Kind => KindName;

    public override string Describe() => $"set MTU of {Interface} to {Mtu}";

    public override IReadOnlyList<ValueError> CheckFields()
    {
        var c = new FieldCheck();
        c.Need(InterfaceName.Parse(Interface, "interface"));
        c.Need(Values.Mtu.Parse(Mtu, "mtu"));
        return c.Errors;
    }

    protected override IEnumerable<ValueError> CheckHost(HostSnapshot host, OperationContext ctx)
    {
        var l = host.FindLink(Interface);
        if (l is null) yield return new("interface", $"there is no interface {Interface}");
        else if (l.Mtu == Value) yield return new("mtu", $"{Interface} already has MTU {l.Mtu}");
    }

    private int Value => Values.Mtu.Parse(Mtu).Get().Value;

    public override ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx)
    {
        RequireValid();
        var old = host.FindLink(Interface)!.Mtu.ToString(CultureInfo.InvariantCulture);
        return [Steps.Run($"set MTU {Value} on {Interface}", ctx.Ip("link", "set", "dev", Interface, "mtu", Value.ToString(CultureInfo.InvariantCulture)),
            ctx.Ip("link", "set", "dev", Interface, "mtu", old), $"ifconfig {Interface} mtu {Value}")];
    }

    public override Operation Inverse(HostSnapshot before, OperationContext ctx) =>
        new SetMtu(Interface, (before.FindLink(Interface)?.Mtu ?? throw new InvalidOperationException($"{Interface} is not in the snapshot")).ToString(CultureInfo.InvariantCulture));

    public override IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx)
    {
        var l = after.FindLink(Interface);
        if (l is null) return [$"{Interface} does not exist"];
        return l.Mtu == Value ? [] : [$"{Interface}: MTU is {l.Mtu}, expected {Value}"];
    }
}
