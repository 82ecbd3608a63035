using System.Collections.Immutable;
using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Operations;

/// <summary>
/// Create an Open vSwitch bridge (`ovs-vsctl add-br`) with its datapath type set in the same
/// transaction (netdev where the kernel datapath module is missing). The init-only fields let
/// the inverse of <see cref="DeleteOvsBridge"/> recreate its ports, the addresses of its
/// internal port, its Linux bridge membership (the seed's obr0 in br0) and its up state.
/// </summary>
public sealed record CreateOvsBridge(string Name, string Datapath = "system") : Operation
{
    public const string KindName = "ovs.bridge.add";
    public override string Kind => KindName;

    public bool Equals(CreateOvsBridge? other) => SameJson(other);
    public override int GetHashCode() => HashCode.Combine(Kind, Describe());

    public ImmutableArray<AddOvsPort> Ports { get; set; } = [];
    public ImmutableArray<string> Addresses { get; set; } = [];
    public string? Master { get; init; }
    public bool? Up { get; init; }

    public override string Describe() => $"create OVS bridge {Name} (datapath {Datapath})";

    public override IReadOnlyList<ValueError> CheckFields()
    {
        var c = new FieldCheck();
        c.Need(InterfaceName.Parse(Name, "name"));
        c.NeedValue(Choice.Datapath(Datapath));
        foreach (var p in Ports) c.Errors.AddRange(p.CheckFields());
        foreach (var a in Addresses) c.Need(IpPrefix.Parse(a, "address"));
        c.Maybe(Master, InterfaceName.Parse, "master");
        return c.Errors;
    }

    protected override IEnumerable<ValueError> CheckHost(HostSnapshot host, OperationContext ctx)
    {
        if (host.OvsUnavailable() is { } why) { yield return new("ovs", why); yield break; }
        if (host.FindOvsBridge(Name) is not null) yield return new("name", $"OVS bridge {Name} already exists");
        else if (host.FindOvsPort(Name) is { } owner) yield return new("name", $"{Name} is already a port of OVS bridge {owner.Bridge.Name}");
        else if (host.LinkMustNotExist(Name, "name") is { } e) yield return e;
        if (Master is not null && !host.IsLinuxBridge(Master)) yield return new("master", $"there is no Linux bridge {Master}");
    }

    internal string DatapathWord => Choice.Datapath(Datapath).Get().Word();

    public override ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx)
    {
        RequireValid();
        var steps = ImmutableArray.CreateBuilder<PlanStep>();
        steps.Add(Steps.Run($"create OVS bridge {Name}", AddBridgeCommand(ctx, Name, DatapathWord),
            ctx.Ovs.VsctlNoWait("--if-exists", "del-br", Name), $"ovs-vsctl add-br {Name}") with { UndoAlsoIfFailed = true });
        foreach (var p in Ports) steps.Add(p.Step(ctx));
        foreach (var a in Addresses) steps.Add(AddAddress.Step(ctx, Name, IpPrefix.Parse(a).Get()));
        if (Master is not null) steps.Add(AttachToBridge.Step(ctx, Master, Name));
        if (Up == true) steps.Add(Steps.Run($"bring {Name} up", ctx.Ip("link", "set", Name, "up"), ctx.Ip("link", "set", Name, "down")));
        return steps.ToImmutable();
    }

    internal static CommandSpec AddBridgeCommand(OperationContext ctx, string name, string datapath) =>
        ctx.Vsctl("add-br", name, "--", "set", "bridge", name, $"datapath_type={datapath}");

    public override Operation Inverse(HostSnapshot before, OperationContext ctx) => new DeleteOvsBridge(Name);

    public override IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx)
    {
        if (after.OvsUnavailable() is { } why) return [$"cannot read Open vSwitch: {why}"];
        var b = after.FindOvsBridge(Name);
        if (b is null) return [$"OVS bridge {Name} does not exist"];
        var diffs = new List<string>();
        var dp = string.IsNullOrEmpty(b.DatapathType) ? "system" : b.DatapathType;
        if (dp != DatapathWord) diffs.Add($"{Name}: datapath is {dp}, expected {DatapathWord}");
        foreach (var p in Ports) diffs.AddRange(p.Verify(after, ctx));
        foreach (var a in Addresses) diffs.AddRange(AddAddress.Missing(after, Name, IpPrefix.Parse(a).Get()));
        if (Master is not null && after.FindLink(Name)?.Master != Master) diffs.Add($"{Name} is not a port of {Master}");
        if (Up is { } up && after.FindLink(Name) is { } l && l.AdminUp != up) diffs.Add($"{Name} is {(l.AdminUp ? "up" : "down")}, expected {(up ? "up" : "down")}");
        return diffs;
    }
}
