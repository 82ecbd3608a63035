using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Operations;

/// <summary>
/// Add a VXLAN port to an OVS bridge in ONE ovs-vsctl transaction:
/// `add-port B P -- set interface P type=vxlan options:remote_ip=R [options:local_ip=L]
/// [options:key=VNI] [options:dst_port=N]`. Without a key OVS sends VNI 0; without dst_port, 4789.
/// </summary>
public sealed record AddOvsVxlanPort(string Bridge, string Port, string Remote, string? Local = null, string? Key = null, string? DstPort = null) : Operation
{
    public const string KindName = "ovs.vxlan.add";
    public override string Kind => KindName;

    public override string Describe() =>
        $"add VXLAN port {Port} to OVS bridge {Bridge}, remote {Remote}{(Local is null ? "" : $", local {Local}")}{(Key is null ? "" : $", VNI {Key}")}{(DstPort is null ? "" : $", port {DstPort}")}";

    public override IReadOnlyList<ValueError> CheckFields()
    {
        var c = new FieldCheck();
        c.Need(InterfaceName.Parse(Bridge, "bridge"));
        c.Need(InterfaceName.Parse(Port, "port"));
        var r = c.Need(IpAddress.Parse(Remote, "remote"));
        var l = c.Maybe(Local, IpAddress.Parse, "local");
        c.Maybe(Key, Vni.Parse, "vni");
        c.Maybe(DstPort, UdpPort.Parse, "dstport");
        TunnelEndpoints.CheckPair(c, r, l);
        if (r is not null && !TunnelEndpoints.Unusable(r) && MulticastGroup.Parse(Remote).Ok) c.Add("remote", $"{r} is a multicast address; OVS VXLAN ports need the peer's unicast address");
        return c.Errors;
    }

    protected override IEnumerable<ValueError> CheckHost(HostSnapshot host, OperationContext ctx)
    {
        foreach (var e in AddOvsPort.OvsPortChecks(host, Bridge, Port)) yield return e;
        if (TunnelEndpoints.RemoteIsNotMine(host, Remote) is { } r) yield return r;
        if (TunnelEndpoints.LocalIsMine(host, Local) is { } l) yield return l;
        if (TunnelEndpoints.SameTunnel(host, "vxlan", Options(), "remote_ip", "local_ip", "key", "dst_port") is { } same)
            yield return new("remote", $"VXLAN port {same.Port} on {same.Bridge} already tunnels to {Remote}{(Key is null ? "" : $" with VNI {Key}")}; give another --vni");
    }

    internal AddOvsPort AsPort() => new(Bridge, Port, "vxlan") { Options = Options() };

    private ImmutableSortedDictionary<string, string> Options()
    {
        var o = ImmutableSortedDictionary.CreateBuilder<string, string>();
        o["remote_ip"] = IpAddress.Parse(Remote).Get().ToString();
        if (Local is not null) o["local_ip"] = IpAddress.Parse(Local).Get().ToString();
        if (Key is not null) o["key"] = Vni.Parse(Key).Get().ToString();
        if (DstPort is not null) o["dst_port"] = UdpPort.Parse(DstPort).Get().ToString();
        return o.ToImmutable();
    }

    public override ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx)
    {
        RequireValid();
        return [AsPort().Step(ctx) with { Description = $"add VXLAN port {Port} to {Bridge} (one transaction)" }];
    }

    public override Operation Inverse(HostSnapshot before, OperationContext ctx) => new DeleteOvsPort(Bridge, Port);

    /// <summary>The row's type and options, then what ovs-vswitchd made of it (ofport, error column).</summary>
    public override IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx) =>
        AddOvsPort.VerifyPort(after, Bridge, Port, "vxlan", Options());
}
