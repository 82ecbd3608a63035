using System.Collections.Immutable;
using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Operations;

/// <summary>
/// Delete an Open vSwitch bridge with all its ports (`ovs-vsctl del-br`). If its internal
/// port is in a Linux bridge, it is detached first as its own step. The undo of the delete
/// recreates the bridge, its ports with their types and options, and its addresses.
/// </summary>
public sealed record DeleteOvsBridge(string Name) : Operation
{
    public const string KindName = "ovs.bridge.del";
    public override string Kind => KindName;
    public override bool IsDestructive => true;

    public override string Describe() => $"delete OVS bridge {Name}";

    public override IReadOnlyList<ValueError> CheckFields()
    {
        var c = new FieldCheck();
        c.Need(InterfaceName.Parse(Name, "name"));
        return c.Errors;
    }

    protected override IEnumerable<ValueError> CheckHost(HostSnapshot host, OperationContext ctx)
    {
        if (host.OvsUnavailable() is { } why) { yield return new("ovs", why); yield break; }
        if (host.FindOvsBridge(Name) is null) yield return new("name", $"there is no OVS bridge {Name}");
    }

    public override IEnumerable<string> Consequences(HostSnapshot host)
    {
        foreach (var p in OtherPorts(host)) yield return $"port {p.Port} ({(p.Type.Length == 0 ? "system" : p.Type)}) is deleted";
        if (host.FindLink(Name)?.Master is { } m) yield return $"{Name} leaves Linux bridge {m}";
        foreach (var r in host.Routes.Where(r => r.Device == Name && r.Protocol != "kernel")) yield return $"route {r.Destination} through {Name} is removed";
    }

    /// <summary>The bridge's ports except its own local port, as ports to add back.</summary>
    internal IEnumerable<AddOvsPort> OtherPorts(HostSnapshot host)
    {
        var b = host.FindOvsBridge(Name);
        if (b is null) yield break;
        foreach (var p in b.Ports)
        {
            if (p.Name == Name) continue;
            var iface = p.Interfaces.FirstOrDefault(i => i.Name == p.Name) ?? p.Interfaces.FirstOrDefault();
            yield return new AddOvsPort(Name, p.Name, iface?.Type ?? "") { Options = iface?.Options ?? ImmutableSortedDictionary<string, string>.Empty };
        }
    }

    public override ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx)
    {
        RequireValid();
        var inverse = (CreateOvsBridge)Inverse(host, ctx);
        var steps = ImmutableArray.CreateBuilder<PlanStep>();
        if (inverse.Master is not null) steps.Add(DetachFromBridge.Step(ctx, inverse.Master, Name));
        var recreate = new List<CommandSpec> { CreateOvsBridge.AddBridgeCommand(ctx, Name, inverse.DatapathWord) };
        recreate.AddRange(inverse.Ports.Select(p => p.Command(ctx)));
        recreate.AddRange(inverse.Addresses.Select(a => ctx.Ip("addr", "add", a, "dev", Name)));
        if (inverse.Up == true) recreate.Add(ctx.Ip("link", "set", "dev", Name, "up"));
        steps.Add(Steps.Run($"delete OVS bridge {Name}", ctx.Vsctl("del-br", Name), recreate));
        return steps.ToImmutable();
    }

    public override Operation Inverse(HostSnapshot before, OperationContext ctx)
    {
        var b = before.FindOvsBridge(Name) ?? throw new InvalidOperationException($"OVS bridge {Name} is not in the snapshot");
        var link = before.FindLink(Name);
        return new CreateOvsBridge(Name, string.IsNullOrEmpty(b.DatapathType) ? "system" : b.DatapathType)
        {
            Ports = [.. OtherPorts(before)],
            Addresses = link is null ? [] : [.. DeleteBridge.RestorableAddresses(link)],
            Master = link?.Master,
            Up = link?.AdminUp,
        };
    }

    public override IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx)
    {
        if (after.OvsUnavailable() is { } why) return [$"cannot read Open vSwitch: {why}"];
        return after.FindOvsBridge(Name) is null ? [] : [$"OVS bridge {Name} still exists"];
    }
}
