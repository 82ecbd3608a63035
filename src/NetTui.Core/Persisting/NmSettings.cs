using System.Collections.Immutable;

namespace NetTui.Core.Persisting;

/// <summary>
/// A connection profile as NetworkManager's D-Bus API takes it (a{sa{sv}}): setting name →
/// property name → value. Immutable and sorted, so two builds compare equal and print the same.
/// </summary>
public sealed record NmSettings(ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, NmValue>> Sections)
{
    public static readonly NmSettings Empty = new(ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, NmValue>>.Empty.WithComparers(StringComparer.Ordinal));

    public NmValue? Get(string section, string key) =>
        Sections.TryGetValue(section, out var s) && s.TryGetValue(key, out var v) ? v : null;

    public string? GetString(string section, string key) => Get(section, key) is NmString s ? s.Value : null;

    public NmSettings Set(string section, string key, NmValue value)
    {
        var s = Sections.TryGetValue(section, out var existing) ? existing : ImmutableSortedDictionary<string, NmValue>.Empty.WithComparers(StringComparer.Ordinal);
        return new(Sections.SetItem(section, s.SetItem(key, value)));
    }

    public NmSettings Remove(string section, string key) =>
        Sections.TryGetValue(section, out var s) ? new(Sections.SetItem(section, s.Remove(key))) : this;

    public NmSettings RemoveSection(string section) => new(Sections.Remove(section));

    public bool Equals(NmSettings? other) =>
        other is not null && Sections.Count == other.Sections.Count
        && Sections.All(kv => other.Sections.TryGetValue(kv.Key, out var o) && o.SequenceEqual(kv.Value));

    public override int GetHashCode() => Sections.Count;

    public string Id => GetString(NmKeys.Connection, NmKeys.Id) ?? "";
    public string Uuid => GetString(NmKeys.Connection, NmKeys.Uuid) ?? "";
    public string? InterfaceName => GetString(NmKeys.Connection, NmKeys.InterfaceName);
    public string? Type => GetString(NmKeys.Connection, NmKeys.Type);

    /// <summary>One line per property, "section.key=value", for previews and messages.</summary>
    public IEnumerable<string> Lines() =>
        Sections.SelectMany(s => s.Value.Select(kv => $"{s.Key}.{kv.Key}={kv.Value}"));
}

/// <summary>The setting and property names NetTui uses, spelled as NetworkManager's D-Bus API wants them.</summary>
public static class NmKeys
{
    public const string Connection = "connection";
    public const string Id = "id";
    public const string Uuid = "uuid";
    public const string Type = "type";
    public const string InterfaceName = "interface-name";
    public const string Autoconnect = "autoconnect";
    // The D-Bus names: nmcli's controller/port-type are aliases that D-Bus does not take on 1.42.
    public const string Master = "master";
    public const string SlaveType = "slave-type";

    public const string Bridge = "bridge";
    public const string Stp = "stp";

    public const string Ethernet = "802-3-ethernet";
    public const string Mtu = "mtu";
    public const string Tun = "tun";
    public const string IpTunnel = "ip-tunnel";
    public const string Vxlan = "vxlan";

    public const string Ipv4 = "ipv4";
    public const string Ipv6 = "ipv6";
    public const string Method = "method";
    public const string AddressData = "address-data";
    public const string RouteData = "route-data";
    /// <summary>Deprecated forms: if sent, NetworkManager ignores address-data/route-data. Never send them.</summary>
    public const string LegacyAddresses = "addresses";
    public const string LegacyRoutes = "routes";

    public const string User = "user";
    public const string UserData = "data";
    /// <summary>
    /// NetTui's tag in user.data. NetworkManager's rules for user-data keys: ASCII letters,
    /// digits, '-', '_' and '.', at least one '.', not at the start or end, no "..".
    /// </summary>
    public const string ManagedTag = "nettui.managed";
    public const string IdPrefix = "nettui-";

    public static string IpSection(bool v4) => v4 ? Ipv4 : Ipv6;
}
