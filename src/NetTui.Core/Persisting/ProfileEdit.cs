using System.Collections.Immutable;
using System.Text.Json.Serialization;
using NetTui.Core.Values;

namespace NetTui.Core.Persisting;

/// <summary>
/// One change to an existing profile, applied to the settings NetworkManager returns
/// (GetSettings) before they are sent back with Update2. Each edit knows its reverse, so an
/// update is undone by editing back rather than by overwriting what someone else changed since.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "edit")]
[JsonDerivedType(typeof(AddAddressEdit), "address.add")]
[JsonDerivedType(typeof(RemoveAddressEdit), "address.remove")]
[JsonDerivedType(typeof(AddRouteEdit), "route.add")]
[JsonDerivedType(typeof(RemoveRouteEdit), "route.remove")]
[JsonDerivedType(typeof(SetValueEdit), "set")]
public abstract record ProfileEdit
{
    public abstract NmSettings Apply(NmSettings s);
    public abstract ProfileEdit Reverse();
    public abstract string Describe();

    /// <summary>
    /// The list property (address-data/route-data) with NetworkManager's deprecated twin removed:
    /// if `addresses`/`routes` were sent back too, NetworkManager would ignore the new list.
    /// </summary>
    protected static (NmSettings Settings, ImmutableArray<ImmutableSortedDictionary<string, NmValue>> Items) List(NmSettings s, string section, string key)
    {
        s = s.Remove(section, key == NmKeys.AddressData ? NmKeys.LegacyAddresses : NmKeys.LegacyRoutes);
        return (s, s.Get(section, key) is NmDictArray a ? a.Items : []);
    }

    protected static NmSettings WithList(NmSettings s, string section, string key, IEnumerable<ImmutableSortedDictionary<string, NmValue>> items)
    {
        var list = items.ToImmutableArray();
        return list.Length == 0 ? s.Remove(section, key) : s.Set(section, key, new NmDictArray(list));
    }

    protected static bool SameItem(ImmutableSortedDictionary<string, NmValue> a, ImmutableSortedDictionary<string, NmValue> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && Equals(v, kv.Value));
}

/// <summary>Adds an address; <see cref="MethodAfter"/> (e.g. "manual" when the method was "disabled") is set with it.</summary>
public sealed record AddAddressEdit(string Cidr, string? MethodAfter = null, string? MethodBefore = null) : ProfileEdit
{
    public override NmSettings Apply(NmSettings s)
    {
        var p = IpPrefix.Parse(Cidr).Get();
        var section = NmKeys.IpSection(p.IsV4);
        var (t, items) = List(s, section, NmKeys.AddressData);
        var item = ProfileBuilder.AddressItem(p);
        if (!items.Any(i => SameItem(i, item))) items = items.Add(item);
        t = WithList(t, section, NmKeys.AddressData, items);
        return MethodAfter is null ? t : t.Set(section, NmKeys.Method, MethodAfter);
    }

    public override ProfileEdit Reverse() => new RemoveAddressEdit(Cidr, MethodBefore, MethodAfter);
    public override string Describe() => $"add address {Cidr}{(MethodAfter is null ? "" : $" (method {MethodAfter})")}";
}

public sealed record RemoveAddressEdit(string Cidr, string? MethodAfter = null, string? MethodBefore = null) : ProfileEdit
{
    public override NmSettings Apply(NmSettings s)
    {
        var p = IpPrefix.Parse(Cidr).Get();
        var section = NmKeys.IpSection(p.IsV4);
        var (t, items) = List(s, section, NmKeys.AddressData);
        var item = ProfileBuilder.AddressItem(p);
        t = WithList(t, section, NmKeys.AddressData, items.Where(i => !SameItem(i, item)));
        return MethodAfter is null ? t : t.Set(section, NmKeys.Method, MethodAfter);
    }

    public override ProfileEdit Reverse() => new AddAddressEdit(Cidr, MethodBefore, MethodAfter);
    public override string Describe() => $"remove address {Cidr}{(MethodAfter is null ? "" : $" (method {MethodAfter})")}";
}

/// <summary>A route for route-data, as text so plans and the journal store it as is.</summary>
public sealed record AddRouteEdit(string Destination, string? NextHop, uint? Metric, uint? Table) : ProfileEdit
{
    internal ProfileRouteSpec Spec => new(IpPrefix.Parse(Destination).Get(), NextHop, Metric, Table);

    public override NmSettings Apply(NmSettings s)
    {
        var section = NmKeys.IpSection(Spec.Destination.IsV4);
        var (t, items) = List(s, section, NmKeys.RouteData);
        var item = ProfileBuilder.RouteItem(Spec);
        if (!items.Any(i => SameItem(i, item))) items = items.Add(item);
        return WithList(t, section, NmKeys.RouteData, items);
    }

    public override ProfileEdit Reverse() => new RemoveRouteEdit(Destination, NextHop, Metric, Table);
    public override string Describe() => $"add route {Destination}{(NextHop is null ? "" : $" via {NextHop}")}";
}

public sealed record RemoveRouteEdit(string Destination, string? NextHop, uint? Metric, uint? Table) : ProfileEdit
{
    public override NmSettings Apply(NmSettings s)
    {
        var spec = new AddRouteEdit(Destination, NextHop, Metric, Table).Spec;
        var section = NmKeys.IpSection(spec.Destination.IsV4);
        var (t, items) = List(s, section, NmKeys.RouteData);
        var item = ProfileBuilder.RouteItem(spec);
        return WithList(t, section, NmKeys.RouteData, items.Where(i => !SameItem(i, item)));
    }

    public override ProfileEdit Reverse() => new AddRouteEdit(Destination, NextHop, Metric, Table);
    public override string Describe() => $"remove route {Destination}{(NextHop is null ? "" : $" via {NextHop}")}";
}

/// <summary>Sets (or with <see cref="New"/> null removes) one property; <see cref="Old"/> is what the reverse puts back.</summary>
public sealed record SetValueEdit(string Section, string Key, NmValue? New, NmValue? Old) : ProfileEdit
{
    public override NmSettings Apply(NmSettings s) => New is null ? s.Remove(Section, Key) : s.Set(Section, Key, New);
    public override ProfileEdit Reverse() => new SetValueEdit(Section, Key, Old, New);
    public override string Describe() => New is null ? $"unset {Section}.{Key}" : $"set {Section}.{Key}={New}";
}
