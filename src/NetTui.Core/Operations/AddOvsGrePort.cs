using System.Collections.Immutable;
using System.Net;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Operations;

/// <summary>
/// Add a GRE port to an OVS bridge in ONE ovs-vsctl transaction:
/// `add-port B P -- set interface P type=gre options:remote_ip=R [options:local_ip=L] [options:key=K]`.
/// The seed's two-step form (`add-port obr0 gre0`, then `set interface gre0 type=gre`) leaves
/// a typeless row whose error reads "could not add network device gre0 to ofproto"; NetTui
/// never makes that row.
/// </summary>
public sealed record AddOvsGrePort(string Bridge, string Port, string Remote, string? Local = null, string? Key = null) : Operation
{
    public const string KindName = "ovs.gre.add";
    public override string Kind => KindName;

    public override string Describe() =>
        $"add GRE port {Port} to OVS bridge {Bridge}, remote {Remote}{(Local is null ? "" : $", local {Local}")}{(Key is null ? "" : $", key {Key}")}";

    public override IReadOnlyList<ValueError> CheckFields()
    {
        var c = new FieldCheck();
        c.Need(InterfaceName.Parse(Bridge, "bridge"));
        c.Need(InterfaceName.Parse(Port, "port"));
        var r = c.Need(IpAddress.Parse(Remote, "remote"));
        var l = c.Maybe(Local, IpAddress.Parse, "local");
        c.Maybe(Key, GreKey.Parse, "key");
        TunnelEndpoints.CheckPair(c, r, l);
        return c.Errors;
    }

    protected override IEnumerable<ValueError> CheckHost(HostSnapshot host, OperationContext ctx)
    {
        foreach (var e in AddOvsPort.OvsPortChecks(host, Bridge, Port)) yield return e;
        if (TunnelEndpoints.RemoteIsNotMine(host, Remote) is { } mine) yield return mine;
        if (TunnelEndpoints.SameTunnel(host, "gre", Options(), "remote_ip", "local_ip", "key") is { } same)
            yield return new("remote", $"GRE port {same.Port} on {same.Bridge} already tunnels to {Remote}{(Key is null ? "" : $" with key {Key}")}; give another --key");
        if (TunnelEndpoints.LocalIsMine(host, Local) is { } notMine) yield return notMine;
    }

    internal AddOvsPort AsPort() => new(Bridge, Port, "gre") { Options = Options() };

    private ImmutableSortedDictionary<string, string> Options()
    {
        var o = ImmutableSortedDictionary.CreateBuilder<string, string>();
        o["remote_ip"] = IpAddress.Parse(Remote).Get().ToString();
        if (Local is not null) o["local_ip"] = IpAddress.Parse(Local).Get().ToString();
        if (Key is not null) o["key"] = GreKey.Parse(Key).Get().ToString();
        return o.ToImmutable();
    }

    public override ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx)
    {
        RequireValid();
        var step = AsPort().Step(ctx) with { Description = $"add GRE port {Port} to {Bridge} (one transaction)" };
        return [step];
    }

    public override Operation Inverse(HostSnapshot before, OperationContext ctx) => new DeleteOvsPort(Bridge, Port);

    public override IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx) =>
        AddOvsPort.VerifyPort(after, Bridge, Port, "gre", Options());
}
