using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Operations;

/// <summary>
/// Remove one address (address and prefix length must match) from an interface. When it is
/// the link's last IPv4 address the kernel also flushes every IPv4 route through the link,
/// so the undo and the inverse put those routes back too. With <see cref="KeepRoutes"/>
/// (how the inverse of <see cref="AddAddress"/> removes an address) the plan adds those
/// routes back right away, leaving the routing as it was before the address was added.
/// </summary>
public sealed record RemoveAddress(string Interface, string Address) : Operation
{
    public const string KindName = "address.del";
    public override string Kind => KindName;

    public bool KeepRoutes { get; init; }
    public override bool IsDestructive => true;

    public override string Describe() => $"remove address {Address} from {Interface}";

    public override IReadOnlyList<ValueError> CheckFields()
    {
        var c = new FieldCheck();
        c.Need(InterfaceName.Parse(Interface, "interface"));
        c.Need(IpPrefix.Parse(Address, "address"));
        return c.Errors;
    }

    protected override IEnumerable<ValueError> CheckHost(HostSnapshot host, OperationContext ctx)
    {
        var link = host.FindLink(Interface);
        if (link is null) { yield return new("interface", $"there is no interface {Interface}"); yield break; }
        var p = IpPrefix.Parse(Address).Get();
        if (!AddAddress.Has(link, p)) yield return new("address", $"{Interface} does not have {p}");
    }

    /// <summary>The static routes the kernel flushes with the link's last IPv4 address.</summary>
    internal IEnumerable<AddRoute> FlushedRoutes(HostSnapshot host)
    {
        var p = IpPrefix.Parse(Address);
        var link = host.FindLink(Interface);
        if (!p.Ok || !p.Get().IsV4 || link is null) return [];
        if (link.Addresses.Count(a => a.Family == Model.AddressFamily.Inet) != 1) return [];
        return host.Routes.Where(r => r.Device == Interface && r.Protocol != "kernel" && r.Type is "unicast" or "" && r.Family == Model.AddressFamily.Inet && r.Table != "local")
            .Select(DeleteRoute.FromModel);
    }

    public override IEnumerable<string> Consequences(HostSnapshot host)
    {
        foreach (var r in FlushedRoutes(host)) yield return $"route {r.Destination} through {Interface} is removed by the kernel (last IPv4 address)";
        var p = IpPrefix.Parse(Address);
        if (!p.Ok) yield break;
        foreach (var r in host.Routes)
            if (r.Device == Interface && r.Gateway is not null && System.Net.IPAddress.TryParse(r.Gateway, out var gw) && p.Get().Contains(gw))
                yield return $"route {r.Destination} via {r.Gateway} stops working";
    }

    public override ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx)
    {
        RequireValid();
        var p = IpPrefix.Parse(Address).Get();
        var undo = new List<Commands.CommandSpec> { ctx.Ip("addr", "add", p.ToString(), "dev", Interface) };
        undo.AddRange(FlushedRoutes(host).Select(r => ctx.Ip(["route", "add", .. r.RouteArgs()])));
        PlanStep remove = Steps.Run($"remove {p} from {Interface}", ctx.Ip("addr", "del", p.ToString(), "dev", Interface),
            undo, p.IsV4 ? $"ifconfig {Interface} 0.0.0.0 (removes all IPv4 addresses)" : null);
        return KeepRoutes ? [remove, .. FlushedRoutes(host).SelectMany(r => r.Plan(host, ctx))] : [remove];
    }

    public override Operation Inverse(HostSnapshot before, OperationContext ctx) =>
        new AddAddress(Interface, IpPrefix.Parse(Address).Get().ToString()) { Routes = KeepRoutes ? [] : [.. FlushedRoutes(before)] };

    public override IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx)
    {
        var link = after.FindLink(Interface);
        var p = IpPrefix.Parse(Address).Get();
        return link is not null && AddAddress.Has(link, p) ? [$"{Interface} still has {p}"] : [];
    }
}
