using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Values;

namespace NetTui.Core.Operations;

/// <summary>
/// Add an address to an interface (the seed's `ifconfig docker0 192.168.40.100 netmask
/// 255.255.255.0`; the address may be given with a prefix length or a netmask).
/// </summary>
public sealed record AddAddress(string Interface, string Address) : Operation
{
    public const string KindName = "address.add";
    public override string Kind => KindName;

    public bool Equals(AddAddress? other) => SameJson(other);
    public override int GetHashCode() => HashCode.Combine(Kind, Describe());

    /// <summary>Routes to add once the address is there (set by the inverse of <see cref="RemoveAddress"/>).</summary>
    public ImmutableArray<AddRoute> Routes { get; set; } = [];

    public override string Describe() => $"add address {Address} to {Interface}";

    public override IReadOnlyList<ValueError> CheckFields()
    {
        var c = new FieldCheck();
        c.Need(InterfaceName.Parse(Interface, "interface"));
        c.Need(IpPrefix.Parse(Address, "address"));
        foreach (var r in Routes) c.Errors.AddRange(r.CheckFields());
        return c.Errors;
    }

    protected override IEnumerable<ValueError> CheckHost(HostSnapshot host, OperationContext ctx)
    {
        if (host.LinkMustExist(Interface, "interface") is { } missing) { yield return missing; yield break; }
        foreach (var e in host.AddressClashes(IpPrefix.Parse(Address).Get(), Interface, host.IsLinuxBridge(Interface), "address"))
            yield return e;
    }

    public override ImmutableArray<PlanStep> Plan(HostSnapshot host, OperationContext ctx)
    {
        RequireValid();
        return [Step(ctx, Interface, IpPrefix.Parse(Address).Get()), .. Routes.SelectMany(r => r.Plan(host, ctx))];
    }

    internal static CommandStep Step(OperationContext ctx, string iface, IpPrefix p) =>
        Steps.Run($"add {p} to {iface}", ctx.Ip("addr", "add", p.ToString(), "dev", iface),
            ctx.Ip("addr", "del", p.ToString(), "dev", iface), Classic(iface, p));

    internal static string? Classic(string iface, IpPrefix p) =>
        p.IsV4 ? $"ifconfig {iface} {p.Address} netmask {NetmaskOf(p.PrefixLength)}" : null;

    internal static string NetmaskOf(int len)
    {
        var m = len == 0 ? 0u : uint.MaxValue << (32 - len);
        return $"{m >> 24}.{(m >> 16) & 255}.{(m >> 8) & 255}.{m & 255}";
    }

    /// <summary>Removes the address again, keeping the routes the kernel would flush with a last IPv4 address.</summary>
    public override Operation Inverse(HostSnapshot before, OperationContext ctx) =>
        new RemoveAddress(Interface, IpPrefix.Parse(Address).Get().ToString()) { KeepRoutes = true };

    public override IReadOnlyList<string> Verify(HostSnapshot after, OperationContext ctx) =>
        [.. Missing(after, Interface, IpPrefix.Parse(Address).Get()), .. Routes.SelectMany(r => r.Verify(after, ctx))];

    internal static IEnumerable<string> Missing(HostSnapshot after, string iface, IpPrefix p)
    {
        var link = after.FindLink(iface);
        if (link is null) { yield return $"{iface} does not exist"; yield break; }
        if (!Has(link, p)) yield return $"{iface} does not have {p}";
    }

    internal static bool Has(Link link, IpPrefix p) =>
        link.Addresses.Any(a => IpPrefix.Parse(a.Cidr) is { Ok: true } q && q.Get().SameAs(p));
}
