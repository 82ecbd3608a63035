using System.Collections.Immutable;
using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Operations;

/// <summary>
/// Add a port of any type to an OVS bridge, its interface type and options set in the same
/// ovs-vsctl transaction. Mostly the inverse of <see cref="DeleteOvsPort"/> for ports that
/// are not plain GRE (<see cref="AddOvsGrePort"/> is the form admins use).
/// </summary>
public sealed record AddOvsPort(string Bridge, string Port, string Type = "") : Operation
{
    public const string KindName = "ovs.port.add";
    public override string Kind => KindName;

    public bool Equals(AddOvsPort? other) => SameJson(other);
    public override int GetHashCode() => HashCode.Combine(Kind, Describe());

    public ImmutableSortedDictionary<string, string> Options { get; set; } = ImmutableSortedDictionary<string, string>.Empty;

    public override string Describe() => $"add {(Type.Length == 0 ? "" : Type + " ")}port {Port} to OVS bridge {Bridge}";

    public override IReadOnlyList<ValueError> CheckFields()
    {
        var c = new FieldCheck();
        c.Need(InterfaceName.Parse(Bridge, "bridge"));
        c.Need(InterfaceName.Parse(Port, "port"));
        c.Need(OvsToken.PortType(Type));
        foreach (var (k, v) in Options)
        {
            c.Need(OvsToken.Parse(k, "option"));
            c.Need(OvsToken.Parse(v, $"option {k}"));
        }
        return c.Errors;
    }

    protected override IEnumerable<ValueError> CheckHost(HostSnapshot host, OperationContext ctx) => OvsPortChecks(host, Bridge, Port);

    internal static IEnumerable<ValueError> OvsPortChecks(HostSnapshot host, string bridge, string port)
    {
        if (host.OvsUnavailable() is { } why) { yield return new("ovs", why); yield break; }
        if (host.FindOvsBridge(bridge) is null)
            yield return host.IsLinuxBridge(bridge)
                ? new("bridge", $"{bridge} is a Linux bridge, not an Open vSwitch bridge")
                : new("bridge", $"there is no OVS bridge {bridge}");
        if (host.FindOvsPort(port) is { } owner) yield return new("port", $"port {port} already exists on OVS bridge {owner.Bridge.Name}");
        else if (host.FindOvsBridge(port) is not null) yield return new("port", $"{port} is an OVS bridge");
    }

    /// <summary>`add-port B P -- set interface P type=T options:k=v ...`: one transaction, so no typeless row is ever left behind.</summary>
    internal CommandSpec Command(OperationContext ctx)
    {
        var type = OvsToken.PortType(Type).Get();
        if (type.Length == 0 && Options.Count == 0) return ctx.Vsctl("add-port", Bridge, Port);
        var args = new List<string> { "add-port", Bridge, Port, "--", "set", "interface", Port };
        if (type.Length > 0) args.Add($"type={type}");
        args.AddRange(Options.Select(o => $"options:{o.Key}={o.Value}"));
        return ctx.Vsctl([.. args]);
    }

    internal CommandStep Step(OperationContext ctx) =>
        Steps.Run($"add port {Port} to {Bridge}", Command(ctx), ctx.Ovs.VsctlNoWait("--if-exists", "del-port", Bridge, Port)) with { UndoAlsoIfFailed = true };

    public override ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx)
    {
        RequireValid();
        return [Step(ctx)];
    }

    public override Operation Inverse(HostSnapshot before, OperationContext ctx) => new DeleteOvsPort(Bridge, Port);

    public override IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx) =>
        VerifyPort(after, Bridge, Port, OvsToken.PortType(Type).Get(), Options);

    internal static IReadOnlyList<string> VerifyPort(HostSnapshot after, string bridge, string port, string type, IEnumerable<KeyValuePair<string, string>> options)
    {
        if (after.OvsUnavailable() is { } why) return [$"cannot read Open vSwitch: {why}"];
        var found = after.FindOvsPort(port);
        if (found is null || found.Value.Bridge.Name != bridge) return [$"port {port} is not on OVS bridge {bridge}"];
        var iface = found.Value.Port.Interfaces.FirstOrDefault(i => i.Name == port);
        if (iface is null) return [$"port {port} has no interface {port}"];
        var diffs = new List<string>();
        var actualType = iface.Type == "system" ? "" : iface.Type;
        if (actualType != type) diffs.Add($"{port}: type is '{iface.Type}', expected '{type}'");
        foreach (var (k, v) in options)
            if (!iface.Options.TryGetValue(k, out var got) || got != v) diffs.Add($"{port}: options:{k} is '{got}', expected '{v}'");
        if (!string.IsNullOrEmpty(iface.Error)) diffs.Add($"{port}: Open vSwitch reports an error: {iface.Error}");
        return diffs;
    }
}
