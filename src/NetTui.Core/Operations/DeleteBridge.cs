using System.Collections.Immutable;
using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Operations;

/// <summary>
/// Delete a Linux bridge (`brctl delbr`). The plan first removes the static routes through
/// it and detaches its ports, each as a step with its own undo, so a failure half-way puts
/// everything back; the undo of the final delete recreates the bridge with its addresses.
/// </summary>
public sealed record DeleteBridge(string Name) : Operation
{
    public const string KindName = "bridge.del";
    public override string Kind => KindName;
    public override bool IsDestructive => true;

    public override string Describe() => $"delete bridge {Name}";

    public override IReadOnlyList<ValueError> CheckFields()
    {
        var c = new FieldCheck();
        c.Need(InterfaceName.Parse(Name, "name"));
        return c.Errors;
    }

    protected override IEnumerable<ValueError> CheckHost(HostSnapshot host, OperationContext ctx)
    {
        var l = host.FindLink(Name);
        if (l is null) yield return new("name", $"there is no bridge {Name}");
        else if (l.Kind != LinkKind.Bridge) yield return new("name", $"{Name} is a {HostQueries.KindWord(l)}, not a Linux bridge");
    }

    public override IEnumerable<string> Consequences(HostSnapshot host)
    {
        foreach (var p in Ports(host)) yield return $"port {p} is detached";
        foreach (var r in StaticRoutes(host)) yield return $"route {r.Destination} via {Name} is removed";
        foreach (var c in host.Containers.Where(c => c.Bridge == Name)) yield return $"container {c.Name} loses its network";
    }

    internal IEnumerable<string> Ports(HostSnapshot host) =>
        host.FindBridge(Name)?.Ports.Select(p => p.Name)
        ?? host.Links.Where(l => l.Master == Name).Select(l => l.Name);

    /// <summary>Routes through the bridge that the kernel would not make again by itself (not proto kernel).</summary>
    internal IEnumerable<Route> StaticRoutes(HostSnapshot host) =>
        host.Routes.Where(r => r.Device == Name && r.Protocol != "kernel" && r.Type is "unicast" or "" && r.Table != "local"
                               && r.Family == Model.AddressFamily.Inet);

    public override ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx)
    {
        RequireValid();
        var link = host.FindLink(Name)!;
        var steps = ImmutableArray.CreateBuilder<PlanStep>();
        foreach (var r in StaticRoutes(host))
        {
            var add = DeleteRoute.FromModel(r);
            steps.Add(Steps.Run($"remove route {r.Destination} through {Name}", ctx.Ip(["route", "del", .. add.RouteArgs()]),
                ctx.Ip(["route", "add", .. add.RouteArgs()])));
        }
        foreach (var p in Ports(host))
            steps.Add(DetachFromBridge.Step(ctx, Name, p));
        if (link.AdminUp)
            steps.Add(Steps.Run($"bring {Name} down", ctx.Ip("link", "set", "dev", Name, "down"), ctx.Ip("link", "set", "dev", Name, "up"), $"ifconfig {Name} down"));
        var recreate = new List<CommandSpec>
        {
            ctx.Ip("link", "add", "name", Name, "type", "bridge", "stp_state", host.FindBridge(Name)?.StpEnabled == true ? "1" : "0"),
        };
        if (OwnMtu(host, link) is { } mtu) recreate.Add(ctx.Ip("link", "set", "dev", Name, "mtu", mtu));
        foreach (var a in RestorableAddresses(link))
            recreate.Add(ctx.Ip("addr", "add", a, "dev", Name));
        steps.Add(Steps.Run($"delete bridge {Name}", ctx.Ip("link", "del", "dev", Name), recreate, $"brctl delbr {Name}"));
        return steps.ToImmutable();
    }

    /// <summary>
    /// The MTU to set again, only if it was not the default and not derived from ports: an
    /// explicit MTU turns off the kernel's automatic bridge MTU (the minimum of its ports).
    /// </summary>
    private string? OwnMtu(HostSnapshot host, Link link) =>
        link.Mtu != 1500 && !Ports(host).Any() ? link.Mtu.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>Addresses to put back: all but IPv6 link-local ones, which the kernel makes itself.</summary>
    internal static IEnumerable<string> RestorableAddresses(Link link) =>
        link.Addresses.Where(a => !(a.Family == Model.AddressFamily.Inet6 && a.Scope == "link")).Select(a => a.Cidr);

    public override Operation Inverse(HostSnapshot before, OperationContext ctx)
    {
        var link = before.FindLink(Name) ?? throw new InvalidOperationException($"bridge {Name} is not in the snapshot");
        var addrs = RestorableAddresses(link).ToList();
        return new CreateBridge(Name, addrs.FirstOrDefault(), before.FindBridge(Name)?.StpEnabled ?? false)
        {
            MoreAddresses = [.. addrs.Skip(1)],
            Ports = [.. Ports(before)],
            Mtu = OwnMtu(before, link),
            Up = link.AdminUp,
            Routes = [.. StaticRoutes(before).Select(DeleteRoute.FromModel)],
        };
    }

    public override IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx) =>
        after.FindLink(Name) is null ? [] : [$"{Name} still exists"];
}
