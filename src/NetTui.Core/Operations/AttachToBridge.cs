using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Operations;

/// <summary>
/// Make an interface a port of a Linux bridge (`brctl addif BR IF`). Works for an OVS
/// internal port too: the seed's `brctl addif br0 obr0` joins OVS bridge obr0 to br0.
/// </summary>
public sealed record AttachToBridge(string Bridge, string Interface) : Operation
{
    public const string KindName = "bridge.attach";
    public override string Kind => KindName;

    public override string Describe() => $"attach {Interface} to bridge {Bridge}";

    public override IReadOnlyList<ValueError> CheckFields()
    {
        var c = new FieldCheck();
        c.Need(InterfaceName.Parse(Bridge, "bridge"));
        c.Need(InterfaceName.Parse(Interface, "interface"));
        if (c.Errors.Count == 0 && Bridge == Interface) c.Add("interface", $"a bridge cannot be its own port ({Bridge})");
        return c.Errors;
    }

    protected override IEnumerable<ValueError> CheckHost(HostSnapshot host, OperationContext ctx)
    {
        var br = host.FindLink(Bridge);
        if (br is null)
            yield return host.FindOvsBridge(Bridge) is not null
                ? new("bridge", $"{Bridge} is an Open vSwitch bridge; add ports to it with `nettui ovs` instead")
                : new("bridge", $"there is no bridge {Bridge}");
        else if (br.Kind != LinkKind.Bridge)
            yield return new("bridge", $"{Bridge} is a {HostQueries.KindWord(br)}, not a Linux bridge");
        var l = host.FindLink(Interface);
        if (l is null) yield return new("interface", $"there is no interface {Interface}");
        else if (l.Master == Bridge) yield return new("interface", $"{Interface} is already a port of {Bridge}");
        else if (l.Master is not null) yield return new("interface", $"{Interface} is already a port of {l.Master} (detach it first)");
        else if (l.Kind == LinkKind.Bridge) yield return new("interface", $"{Interface} is a bridge; a bridge cannot be a port of another bridge");
        else if (l.Kind == LinkKind.Loopback) yield return new("interface", "the loopback interface cannot join a bridge");
        else if (host.NotABridgePort(l) is { } why) yield return new("interface", why);
    }

    public override ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx)
    {
        RequireValid();
        return [Step(ctx, Bridge, Interface)];
    }

    internal static CommandStep Step(OperationContext ctx, string bridge, string iface) =>
        Steps.Run($"attach {iface} to {bridge}", ctx.Ip("link", "set", "dev", iface, "master", bridge),
            ctx.Ip("link", "set", "dev", iface, "nomaster"), $"brctl addif {bridge} {iface}");

    public override Operation Inverse(HostSnapshot before, OperationContext ctx) => new DetachFromBridge(Interface);

    public override IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx)
    {
        var l = after.FindLink(Interface);
        if (l is null) return [$"{Interface} does not exist"];
        return l.Master == Bridge ? [] : [$"{Interface} is {(l.Master is null ? "not a port of any bridge" : $"a port of {l.Master}")}, expected {Bridge}"];
    }
}
