using System.Collections.Immutable;
using System.Globalization;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Operations;

/// <summary>
/// Create a kernel VXLAN device (`ip link add NAME type vxlan id VNI remote R|group G [local L]
/// dstport P [dev U] [nolearning]`), optionally set its MTU, and bring it up. The dstport is
/// always given: the kernel's own default is the pre-IANA 8472, which no peer of a 4789
/// overlay (Docker, Flannel, OVS) listens on.
/// </summary>
public sealed record CreateVxlan(string Name, string Vni, string? Remote = null, string? Group = null, string? Local = null,
    string? DstPort = null, string? Underlay = null, string? Mtu = null) : Operation
{
    public const string KindName = "vxlan.add";
    public override string Kind => KindName;

    public bool Up { get; set; } = true;
    /// <summary>Learn remote MACs from received packets (the kernel default); off for a control-plane-filled FDB.</summary>
    public bool Learning { get; set; } = true;

    internal int Port => DstPort is null ? UdpPort.Vxlan : UdpPort.Parse(DstPort).Get().Value;

    public override string Describe() =>
        $"create VXLAN {Name}, VNI {Vni}, {(Group is null ? $"to {Remote}" : $"group {Group}")}{(Local is null ? "" : $" from {Local}")}, port {DstPort ?? "4789"}"
        + $"{(Underlay is null ? "" : $" over {Underlay}")}{(Learning ? "" : ", no learning")}{(Mtu is null ? "" : $", MTU {Mtu}")}";

    public override IReadOnlyList<ValueError> CheckFields()
    {
        var c = new FieldCheck();
        c.Need(InterfaceName.Parse(Name, "name"));
        c.Need(Values.Vni.Parse(Vni, "vni"));
        c.Maybe(DstPort, UdpPort.Parse, "dstport");
        c.Maybe(Underlay, InterfaceName.Parse, "underlay");
        c.Maybe(Mtu, Values.Mtu.Parse, "mtu");
        var l = c.Maybe(Local, IpAddress.Parse, "local");
        if ((Remote is null) == (Group is null)) c.Add("remote", "give either a remote (unicast peer) or a group (multicast), not both or neither");
        var r = c.Maybe(Remote, IpAddress.Parse, "remote");
        var g = c.Maybe(Group, MulticastGroup.Parse, "group");
        TunnelEndpoints.CheckPair(c, r, l);
        if (r is not null && IsMulticast(r)) c.Add("remote", $"{r} is a multicast address; give it as the group");
        if (g is not null && l is not null && g.IsV4 != l.IsV4) c.Add("local", $"{l} and group {g} are not the same IP version");
        // The kernel refuses a multicast VXLAN without the device to join the group on.
        if (g is not null && Underlay is null) c.Add("underlay", $"a multicast group needs the underlay device to join {g} on");
        return c.Errors;
    }

    private static bool IsMulticast(IpAddress a) => MulticastGroup.Parse(a.ToString()).Ok;

    protected override IEnumerable<ValueError> CheckHost(HostSnapshot host, OperationContext ctx)
    {
        if (host.LinkMustNotExist(Name, "name") is { } e) yield return e;
        if (Remote is not null && TunnelEndpoints.RemoteIsNotMine(host, Remote) is { } r) yield return r;
        if (TunnelEndpoints.LocalIsMine(host, Local) is { } l) yield return l;
        if (Underlay is not null && host.FindLink(Underlay) is null) yield return new("underlay", $"there is no interface {Underlay}");
        // The kernel keeps one VXLAN per (VNI, port, local): a second one fails with "already exists".
        var vni = (uint)Values.Vni.Parse(Vni).Get().Value;
        var local = Local is null ? null : IpAddress.Parse(Local).Get().ToString();
        foreach (var other in host.Links.Where(x => x.Kind == LinkKind.Vxlan && x.Tunnel is { } t && t.Key == vni && (t.DstPort ?? Port) == Port && t.Local == local))
            yield return new("vni", $"VXLAN {other.Name} already uses VNI {vni} on port {Port}");
    }

    internal string[] LinkArgs()
    {
        string[] far = Group is null ? ["remote", IpAddress.Parse(Remote).Get().ToString()] : ["group", IpAddress.Parse(Group).Get().ToString()];
        return ["link", "add", "name", Name, "type", "vxlan", "id", Values.Vni.Parse(Vni).Get().ToString(), .. far,
            .. Steps.Pair("local", Local is null ? null : IpAddress.Parse(Local).Get()),
            "dstport", Port.ToString(CultureInfo.InvariantCulture),
            .. Steps.Pair("dev", Underlay),
            .. (Learning ? Array.Empty<string>() : ["nolearning"])];
    }

    public override ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx)
    {
        RequireValid();
        var steps = ImmutableArray.CreateBuilder<PlanStep>();
        steps.Add(Steps.Run($"create VXLAN {Name} (VNI {Vni})", ctx.Ip(LinkArgs()), ctx.Ip("link", "del", "dev", Name)));
        // The undo of the whole device is the delete above; an MTU on a device about to be deleted needs none.
        if (Mtu is not null) steps.Add(Steps.Run($"set MTU of {Name} to {Mtu}", ctx.Ip("link", "set", "dev", Name, "mtu", Values.Mtu.Parse(Mtu).Get().ToString()), (Commands.CommandSpec?)null));
        if (Up) steps.Add(Steps.Run($"bring {Name} up", ctx.Ip("link", "set", "dev", Name, "up"), ctx.Ip("link", "set", "dev", Name, "down")));
        return steps.ToImmutable();
    }

    public override Operation Inverse(HostSnapshot before, OperationContext ctx) => new DeleteVxlan(Name);

    public override IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx)
    {
        var l = after.FindLink(Name);
        if (l is null) return [$"VXLAN {Name} does not exist"];
        if (l.Kind != LinkKind.Vxlan) return [$"{Name} is a {HostQueries.KindWord(l)}, expected vxlan"];
        if (l.Tunnel is not { } t) return [$"{Name}: the kernel did not report its VXLAN parameters"];
        var diffs = new List<string>();
        void Expect<T>(string what, T? got, T want) { if (!Equals(got, want)) diffs.Add($"{Name}: {what} is {got?.ToString() ?? "unset"}, expected {want}"); }
        Expect("VNI", t.Key, (uint?)(uint)Values.Vni.Parse(Vni).Get().Value);
        if (Remote is not null) Expect("remote", t.Remote, IpAddress.Parse(Remote).Get().ToString());
        if (Group is not null) Expect("group", t.Group, IpAddress.Parse(Group).Get().ToString());
        if (Local is not null) Expect("local", t.Local, IpAddress.Parse(Local).Get().ToString());
        Expect("dstport", t.DstPort, (int?)Port);
        if (Underlay is not null) Expect("underlay", t.Underlay, Underlay);
        if (t.Learning is { } learning) Expect("learning", learning, Learning);
        if (Mtu is not null) Expect("MTU", l.Mtu, Values.Mtu.Parse(Mtu).Get().Value);
        if (Up && !l.AdminUp) diffs.Add($"{Name} is down, expected up");
        return diffs;
    }

    /// <summary>The VXLAN as it is on the host, for undoing its deletion; null if the snapshot lacks its parameters.</summary>
    internal static CreateVxlan? FromModel(Link l)
    {
        if (l.Kind != LinkKind.Vxlan || l.Tunnel is not { Key: { } vni and > 0 } t || (t.Remote ?? t.Group) is null) return null;
        return new CreateVxlan(l.Name, vni.ToString(CultureInfo.InvariantCulture), t.Group is null ? t.Remote : null, t.Group, t.Local,
            (t.DstPort ?? UdpPort.Vxlan).ToString(CultureInfo.InvariantCulture), t.Underlay, l.Mtu.ToString(CultureInfo.InvariantCulture))
        { Up = l.AdminUp, Learning = t.Learning ?? true };
    }
}
