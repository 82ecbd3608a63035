using System.Collections.Immutable;
using NetTui.Core.Model;

namespace NetTui.Core.Persisting;

/// <summary>Summarises a profile's settings into the model's <see cref="NmProfile"/>.</summary>
public static class NmProfileMapper
{
    public static NmProfile Map(NmSettings s, string? filename, string? activeDevice, bool inMemory = false)
    {
        var userData = s.Get(NmKeys.User, NmKeys.UserData) as NmStringMap;
        var managed = (userData?.Values.TryGetValue(NmKeys.ManagedTag, out var tag) == true && tag == "true")
                      || s.Id.StartsWith(NmKeys.IdPrefix, StringComparison.Ordinal);
        var autoconnect = s.Get(NmKeys.Connection, NmKeys.Autoconnect) is not NmBool { Value: false };
        return new NmProfile(
            s.Id, s.Uuid, s.Type ?? "", s.InterfaceName,
            s.GetString(NmKeys.Connection, NmKeys.Master), s.GetString(NmKeys.Connection, NmKeys.SlaveType),
            managed, autoconnect, s.GetString(NmKeys.Ipv4, NmKeys.Method),
            [.. Addresses(s, NmKeys.Ipv4), .. Addresses(s, NmKeys.Ipv6)],
            [.. Routes(s, NmKeys.Ipv4), .. Routes(s, NmKeys.Ipv6)],
            activeDevice, filename)
        { Settings = s, InMemory = inMemory };
    }

    private static IEnumerable<string> Addresses(NmSettings s, string section) =>
        s.Get(section, NmKeys.AddressData) is NmDictArray a
            ? a.Items.Where(i => i.ContainsKey("address") && i.ContainsKey("prefix")).Select(i => $"{i["address"]}/{i["prefix"]}")
            : [];

    private static IEnumerable<NmProfileRoute> Routes(NmSettings s, string section) =>
        s.Get(section, NmKeys.RouteData) is NmDictArray a
            ? a.Items.Where(i => i.ContainsKey("dest") && i.ContainsKey("prefix")).Select(i => new NmProfileRoute(
                $"{i["dest"]}/{i["prefix"]}",
                i.TryGetValue("next-hop", out var nh) ? nh.ToString() : null,
                i.TryGetValue("metric", out var m) && m is NmUInt32 mu ? mu.Value : null,
                i.TryGetValue("table", out var t) && t is NmUInt32 tu ? tu.Value : null))
            : [];
}
