using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Operations;

/// <summary>
/// Create a kernel GRE tunnel (`ip link add NAME type gre|gretap remote R [local L] [key K]
/// [ttl T]`) and bring it up. Needs the ip_gre module; where it is missing the kernel's error
/// is reported and the step rolled back.
/// </summary>
public sealed record CreateIpTunnel(string Name, string Mode, string Remote, string? Local = null, string? Key = null, string? Ttl = null) : Operation
{
    public const string KindName = "tunnel.add";
    public override string Kind => KindName;

    public bool Up { get; set; } = true;

    public override string Describe() =>
        $"create {Mode} tunnel {Name} to {Remote}{(Local is null ? "" : $" from {Local}")}{(Key is null ? "" : $", key {Key}")}{(Ttl is null ? "" : $", ttl {Ttl}")}";

    public override IReadOnlyList<ValueError> CheckFields()
    {
        var c = new FieldCheck();
        c.Need(InterfaceName.Parse(Name, "name"));
        c.NeedValue(Choice.Mode(Mode));
        var r = c.Need(IpAddress.Parse(Remote, "remote"));
        var l = c.Maybe(Local, IpAddress.Parse, "local");
        c.Maybe(Key, GreKey.Parse, "key");
        c.Maybe(Ttl, Values.Ttl.Parse, "ttl");
        // gre/gretap are IPv4 tunnels; IPv6 endpoints need ip6gre/ip6gretap, which NetTui does not make.
        if (r is not null && !r.IsV4) c.Add("remote", $"{r} is IPv6; gre and gretap tunnels need IPv4 endpoints");
        if (l is not null && !l.IsV4) c.Add("local", $"{l} is IPv6; gre and gretap tunnels need IPv4 endpoints");
        if (r is not null && l is not null && r.Value.Equals(l.Value)) c.Add("remote", $"remote and local are the same address ({r})");
        if (r is not null && (IPAddress.IsLoopback(r.Value) || r.Value.Equals(IPAddress.Any) || r.Value.Equals(IPAddress.Broadcast)))
            c.Add("remote", $"{r} cannot be a tunnel endpoint");
        return c.Errors;
    }

    protected override IEnumerable<ValueError> CheckHost(HostSnapshot host, OperationContext ctx)
    {
        if (host.LinkMustNotExist(Name, "name") is { } e) yield return e;
        if (TunnelEndpoints.RemoteIsNotMine(host, Remote) is { } mine) yield return mine;
        if (TunnelEndpoints.LocalIsMine(host, Local) is { } notMine) yield return notMine;
    }

    internal string[] LinkArgs()
    {
        var mode = Choice.Mode(Mode).Get().Word();
        return ["link", "add", "name", Name, "type", mode, "remote", IpAddress.Parse(Remote).Get().ToString(),
            .. Steps.Pair("local", Local is null ? null : IpAddress.Parse(Local).Get()),
            .. Steps.Pair("key", Key is null ? null : GreKey.Parse(Key).Get()),
            .. Steps.Pair("ttl", Ttl is null ? null : Values.Ttl.Parse(Ttl).Get())];
    }

    public override ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx)
    {
        RequireValid();
        var gre = Choice.Mode(Mode).Get() == TunnelMode.Gre;
        var classic = gre ? $"ip tunnel add {Name} mode gre remote {Remote}{(Local is null ? "" : $" local {Local}")}{(Key is null ? "" : $" key {Key}")}{(Ttl is null ? "" : $" ttl {Ttl}")}" : null;
        var steps = ImmutableArray.CreateBuilder<PlanStep>();
        steps.Add(Steps.Run($"create {Mode} tunnel {Name}", ctx.Ip(LinkArgs()), ctx.Ip("link", "del", "dev", Name), classic));
        if (Up) steps.Add(Steps.Run($"bring {Name} up", ctx.Ip("link", "set", "dev", Name, "up"), ctx.Ip("link", "set", "dev", Name, "down")));
        return steps.ToImmutable();
    }

    public override Operation Inverse(HostSnapshot before, OperationContext ctx) => new DeleteIpTunnel(Name);

    public override IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx)
    {
        var l = after.FindLink(Name);
        if (l is null) return [$"tunnel {Name} does not exist"];
        var diffs = new List<string>();
        var want = Choice.Mode(Mode).Get() == TunnelMode.Gretap ? LinkKind.Gretap : LinkKind.Gre;
        if (l.Kind != want) diffs.Add($"{Name} is a {HostQueries.KindWord(l)}, expected {Mode}");
        if (l.Tunnel is { } t)
        {
            if (t.Remote != IpAddress.Parse(Remote).Get().ToString()) diffs.Add($"{Name}: remote is {t.Remote}, expected {Remote}");
            if (Local is not null && t.Local != IpAddress.Parse(Local).Get().ToString()) diffs.Add($"{Name}: local is {t.Local}, expected {Local}");
            if (Key is not null && t.Key != GreKey.Parse(Key).Get().Value) diffs.Add($"{Name}: key is {t.Key}, expected {Key}");
            if (Ttl is not null && t.Ttl != Values.Ttl.Parse(Ttl).Get().Value) diffs.Add($"{Name}: ttl is {t.Ttl}, expected {Ttl}");
        }
        if (Up && !l.AdminUp) diffs.Add($"{Name} is down, expected up");
        return diffs;
    }

    /// <summary>The tunnel as it is on the host, for undoing its deletion; null if the snapshot lacks its parameters.</summary>
    internal static CreateIpTunnel? FromModel(Link l)
    {
        if (l.Tunnel?.Remote is null || l.Kind is not (LinkKind.Gre or LinkKind.Gretap)) return null;
        var t = l.Tunnel;
        return new CreateIpTunnel(l.Name, l.Kind == LinkKind.Gretap ? "gretap" : "gre", t.Remote, t.Local,
            t.Key?.ToString(CultureInfo.InvariantCulture), t.Ttl is null or 0 ? null : t.Ttl.Value.ToString(CultureInfo.InvariantCulture))
        { Up = l.AdminUp };
    }
}
