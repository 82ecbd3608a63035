using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Operations;

/// <summary>
/// Create a Linux bridge (`brctl addbr` + `ifconfig BR ADDR netmask M` in the seed), with an
/// optional address and STP, brought up. The init-only fields let the inverse of
/// <see cref="DeleteBridge"/> bring back everything the bridge had: all its addresses, MTU,
/// ports and the static routes through it.
/// </summary>
public sealed record CreateBridge(string Name, string? Address = null, bool Stp = false) : Operation
{
    public const string KindName = "bridge.add";
    public override string Kind => KindName;

    public bool Equals(CreateBridge? other) => SameJson(other);
    public override int GetHashCode() => HashCode.Combine(Kind, Describe());

    public ImmutableArray<string> MoreAddresses { get; set; } = [];
    public ImmutableArray<string> Ports { get; set; } = [];
    public string? Mtu { get; init; }
    public bool Up { get; set; } = true;
    public ImmutableArray<AddRoute> Routes { get; set; } = [];

    private IEnumerable<string> AllAddresses => Address is null ? MoreAddresses : [Address, .. MoreAddresses];

    public override string Describe()
    {
        var s = $"create bridge {Name}";
        var addrs = AllAddresses.ToList();
        if (addrs.Count > 0) s += " with " + string.Join(", ", addrs);
        if (Stp) s += ", STP on";
        if (Ports.Length > 0) s += ", ports " + string.Join(" ", Ports);
        return s;
    }

    public override IReadOnlyList<ValueError> CheckFields()
    {
        var c = new FieldCheck();
        c.Need(InterfaceName.Parse(Name, "name"));
        if (Address is not null) c.Need(IpPrefix.Parse(Address, "address"));
        foreach (var a in MoreAddresses) c.Need(IpPrefix.Parse(a, "address"));
        foreach (var p in Ports)
        {
            c.Need(InterfaceName.Parse(p, "port"));
            if (p == Name) c.Add("port", $"a bridge cannot be its own port ({p})");
        }
        c.Maybe(Mtu, Values.Mtu.Parse, "mtu");
        foreach (var r in Routes) c.Errors.AddRange(r.CheckFields());
        return c.Errors;
    }

    protected override IEnumerable<ValueError> CheckHost(HostSnapshot host, OperationContext ctx)
    {
        if (host.LinkMustNotExist(Name, "name") is { } exists) yield return exists;
        if (host.FindOvsBridge(Name) is not null) yield return new("name", $"{Name} is already an Open vSwitch bridge");
        var seen = new List<IpPrefix>();
        foreach (var a in AllAddresses)
        {
            var p = IpPrefix.Parse(a).Get();
            foreach (var e in host.AddressClashes(p, Name, ifaceIsBridge: true, "address")) yield return e;
            if (seen.Any(s => s.Address.Equals(p.Address))) yield return new("address", $"{p.Address} is given twice");
            seen.Add(p);
        }
        foreach (var port in Ports)
        {
            var l = host.FindLink(port);
            if (l is null) yield return new("port", $"there is no interface {port}");
            else if (l.Master is not null) yield return new("port", $"{port} is already a port of {l.Master}");
            else if (l.Kind == LinkKind.Bridge) yield return new("port", $"{port} is a bridge; a bridge cannot be a port of another bridge");
        }
    }

    public override ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx)
    {
        RequireValid();
        var stp = Stp ? "1" : "0";
        var steps = ImmutableArray.CreateBuilder<PlanStep>();
        steps.Add(Steps.Run($"create bridge {Name}", ctx.Ip("link", "add", Name, "type", "bridge", "stp_state", stp),
            ctx.Ip("link", "del", Name), $"brctl addbr {Name}{(Stp ? $"; brctl stp {Name} on" : "")}"));
        if (Mtu is not null)
            steps.Add(Steps.Run($"set MTU {Mtu} on {Name}", ctx.Ip("link", "set", Name, "mtu", Mtu), (Commands.CommandSpec?)null, $"ifconfig {Name} mtu {Mtu}"));
        foreach (var a in AllAddresses)
        {
            var p = IpPrefix.Parse(a).Get();
            steps.Add(AddAddress.Step(ctx, Name, p));
        }
        foreach (var port in Ports)
            steps.Add(AttachToBridge.Step(ctx, Name, port));
        if (Up)
            steps.Add(Steps.Run($"bring {Name} up", ctx.Ip("link", "set", Name, "up"), ctx.Ip("link", "set", Name, "down"), $"ifconfig {Name} up"));
        foreach (var r in Routes)
            steps.AddRange(r.Plan(host, ctx));
        return steps.ToImmutable();
    }

    public override Operation Inverse(HostSnapshot before, OperationContext ctx) => new DeleteBridge(Name);

    public override IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx)
    {
        var diffs = new List<string>();
        var link = after.FindLink(Name);
        if (link is null || link.Kind != LinkKind.Bridge)
        {
            diffs.Add(link is null ? $"bridge {Name} does not exist" : $"{Name} is a {HostQueries.KindWord(link)}, not a bridge");
            return diffs;
        }
        foreach (var a in AllAddresses)
            diffs.AddRange(AddAddress.Missing(after, Name, IpPrefix.Parse(a).Get()));
        if (after.FindBridge(Name) is { } br && br.StpEnabled != Stp)
            diffs.Add($"{Name}: STP is {(br.StpEnabled ? "on" : "off")}, expected {(Stp ? "on" : "off")}");
        if (Up && !link.AdminUp) diffs.Add($"{Name} is down, expected up");
        if (Mtu is not null && link.Mtu != Values.Mtu.Parse(Mtu).Get().Value) diffs.Add($"{Name}: MTU is {link.Mtu}, expected {Mtu}");
        foreach (var port in Ports)
            if (after.FindLink(port)?.Master != Name) diffs.Add($"{port} is not a port of {Name}");
        foreach (var r in Routes) diffs.AddRange(r.Verify(after, ctx));
        return diffs;
    }
}
