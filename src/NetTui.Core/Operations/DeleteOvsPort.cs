using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Operations;

/// <summary>Delete a port from an OVS bridge (`ovs-vsctl del-port B P`); its undo re-adds it with its type and options.</summary>
public sealed record DeleteOvsPort(string Bridge, string Port) : Operation
{
    public const string KindName = "ovs.port.del";
    public override string Kind => KindName;
    public override bool IsDestructive => true;

    public override string Describe() => $"delete port {Port} from OVS bridge {Bridge}";

    public override IReadOnlyList<ValueError> CheckFields()
    {
        var c = new FieldCheck();
        c.Need(InterfaceName.Parse(Bridge, "bridge"));
        c.Need(InterfaceName.Parse(Port, "port"));
        if (c.Errors.Count == 0 && Bridge == Port) c.Add("port", $"{Port} is the bridge's own port; delete the bridge instead");
        return c.Errors;
    }

    protected override IEnumerable<ValueError> CheckHost(HostSnapshot host, OperationContext ctx)
    {
        if (host.OvsUnavailable() is { } why) { yield return new("ovs", why); yield break; }
        if (host.FindOvsBridge(Bridge) is null) { yield return new("bridge", $"there is no OVS bridge {Bridge}"); yield break; }
        var found = host.FindOvsPort(Port);
        if (found is null) yield return new("port", $"there is no port {Port} on {Bridge}");
        else if (found.Value.Bridge.Name != Bridge) yield return new("port", $"{Port} is on OVS bridge {found.Value.Bridge.Name}, not {Bridge}");
    }

    public override ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx)
    {
        RequireValid();
        var back = AsPort(host);
        return [Steps.Run($"delete port {Port} from {Bridge}", ctx.Vsctl("del-port", Bridge, Port), back.Command(ctx), $"ovs-vsctl del-port {Bridge} {Port}")];
    }

    private AddOvsPort AsPort(HostSnapshot host)
    {
        var port = host.FindOvsPort(Port) ?? throw new InvalidOperationException($"port {Port} is not in the snapshot");
        var iface = port.Port.Interfaces.FirstOrDefault(i => i.Name == Port) ?? port.Port.Interfaces.FirstOrDefault();
        return new AddOvsPort(Bridge, Port, iface?.Type == "system" ? "" : iface?.Type ?? "")
        {
            Options = iface?.Options ?? ImmutableSortedDictionary<string, string>.Empty,
        };
    }

    /// <summary>A plain GRE or VXLAN port comes back as <see cref="AddOvsGrePort"/> / <see cref="AddOvsVxlanPort"/> (what the admin would have typed); anything else as <see cref="AddOvsPort"/>.</summary>
    public override Operation Inverse(HostSnapshot before, OperationContext ctx)
    {
        var p = AsPort(before);
        var o = p.Options;
        if (p.Type == "gre" && o.ContainsKey("remote_ip") && o.Keys.All(k => k is "remote_ip" or "local_ip" or "key"))
            return new AddOvsGrePort(Bridge, Port, o["remote_ip"], o.GetValueOrDefault("local_ip"), o.GetValueOrDefault("key"));
        if (p.Type == "vxlan" && o.ContainsKey("remote_ip") && IpAddress.Parse(o["remote_ip"]).Ok && o.Keys.All(k => k is "remote_ip" or "local_ip" or "key" or "dst_port")
            && (o.GetValueOrDefault("key") is null || Vni.Parse(o["key"]).Ok) && (o.GetValueOrDefault("dst_port") is null || UdpPort.Parse(o["dst_port"]).Ok))
            return new AddOvsVxlanPort(Bridge, Port, o["remote_ip"], o.GetValueOrDefault("local_ip"), o.GetValueOrDefault("key"), o.GetValueOrDefault("dst_port"));
        return p;
    }

    public override IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx)
    {
        if (after.OvsUnavailable() is { } why) return [$"cannot read Open vSwitch: {why}"];
        return after.FindOvsPort(Port) is null ? [] : [$"port {Port} still exists"];
    }
}
