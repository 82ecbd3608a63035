using System.Collections.Immutable;
using NetTui.Core.Values;

namespace NetTui.Core.Persisting;

/// <summary>A route to put in a profile's route-data; the device is the profile's interface.</summary>
public sealed record ProfileRouteSpec(IpPrefix Destination, string? NextHop, uint? Metric, uint? Table);

/// <summary>
/// Builds the a{sa{sv}} of the profiles NetTui creates. Every profile: id "nettui-IFACE",
/// the given uuid, interface-name, autoconnect, and user.data nettui.managed=true, so both
/// NetTui and an admin running nmcli can tell NetTui's profiles from their own.
/// Pure: the uuid is passed in.
/// </summary>
public static class ProfileBuilder
{
    public const string BridgeType = "bridge";
    public const string EthernetType = "802-3-ethernet";
    public const string TunType = "tun";
    public const string IpTunnelType = "ip-tunnel";
    public const string VxlanType = "vxlan";

    /// <summary>NetworkManager's ip-tunnel.mode numbers (NMIPTunnelMode).</summary>
    public const uint ModeGre = 2, ModeGretap = 10;

    public static string ProfileId(string iface) => NmKeys.IdPrefix + iface;

    /// <summary>A Linux bridge with STP on/off, its addresses and routes.</summary>
    /// <summary>A Linux bridge; <paramref name="mtu"/> goes in 802-3-ethernet.mtu, where NetworkManager takes a bridge's MTU from.</summary>
    public static NmSettings Bridge(string name, Guid uuid, bool stp, IEnumerable<IpPrefix> addresses, IEnumerable<ProfileRouteSpec> routes, uint? mtu = null)
    {
        var s = Base(name, uuid, BridgeType).Set(NmKeys.Bridge, NmKeys.Stp, stp);
        if (mtu is not null) s = s.Set(NmKeys.Ethernet, NmKeys.Mtu, mtu.Value);
        return IpConfig(s, addresses, routes);
    }

    /// <summary>
    /// A port of a bridge: connection.master (the bridge's interface name or its profile's
    /// uuid) + connection.slave-type=bridge, and no IP settings (a port has none).
    /// <paramref name="type"/> is the port's own type: 802-3-ethernet for NICs and veths, tun for taps.
    /// </summary>
    public static NmSettings BridgePort(string iface, Guid uuid, string type, string master)
    {
        var s = Base(iface, uuid, type)
            .Set(NmKeys.Connection, NmKeys.Master, master)
            .Set(NmKeys.Connection, NmKeys.SlaveType, "bridge");
        return type == TunType ? s.Set(NmKeys.Tun, "mode", (uint)2) : s;
    }

    /// <summary>An interface that only carries addresses and routes (ethernet, veth end, tap).</summary>
    public static NmSettings Addresses(string iface, Guid uuid, string type, IEnumerable<IpPrefix> addresses, IEnumerable<ProfileRouteSpec> routes)
    {
        var s = Base(iface, uuid, type);
        if (type == TunType) s = s.Set(NmKeys.Tun, "mode", (uint)2);
        return IpConfig(s, addresses, routes);
    }

    /// <summary>A kernel GRE/GRETAP tunnel (ip-tunnel); keys as strings, as NetworkManager stores them.</summary>
    public static NmSettings IpTunnel(string name, Guid uuid, uint mode, string remote, string? local, uint? key, uint? ttl)
    {
        var s = Base(name, uuid, IpTunnelType)
            .Set(NmKeys.IpTunnel, "mode", mode)
            .Set(NmKeys.IpTunnel, "remote", remote);
        if (local is not null) s = s.Set(NmKeys.IpTunnel, "local", local);
        if (key is not null)
            s = s.Set(NmKeys.IpTunnel, "input-key", key.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))
                 .Set(NmKeys.IpTunnel, "output-key", key.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (ttl is not null) s = s.Set(NmKeys.IpTunnel, "ttl", ttl.Value);
        return IpConfig(s, [], []);
    }

    /// <summary>
    /// A kernel VXLAN: vxlan.id, remote (a unicast peer or the multicast group: NetworkManager
    /// has one property for both), local, destination-port, parent (the underlay), learning;
    /// its MTU lives in 802-3-ethernet.mtu, where NetworkManager takes a VXLAN's MTU from.
    /// </summary>
    public static NmSettings Vxlan(string name, Guid uuid, uint vni, string remote, string? local, uint port, string? parent, bool learning, uint? mtu)
    {
        var s = Base(name, uuid, VxlanType)
            .Set(NmKeys.Vxlan, "id", vni)
            .Set(NmKeys.Vxlan, "remote", remote)
            .Set(NmKeys.Vxlan, "destination-port", port)
            .Set(NmKeys.Vxlan, "learning", learning);
        if (local is not null) s = s.Set(NmKeys.Vxlan, "local", local);
        if (parent is not null) s = s.Set(NmKeys.Vxlan, "parent", parent);
        if (mtu is not null) s = s.Set(NmKeys.Ethernet, NmKeys.Mtu, mtu.Value);
        return IpConfig(s, [], []);
    }

    private static NmSettings Base(string iface, Guid uuid, string type) => NmSettings.Empty
        .Set(NmKeys.Connection, NmKeys.Id, ProfileId(iface))
        .Set(NmKeys.Connection, NmKeys.Uuid, uuid.ToString())
        .Set(NmKeys.Connection, NmKeys.Type, type)
        .Set(NmKeys.Connection, NmKeys.InterfaceName, iface)
        .Set(NmKeys.Connection, NmKeys.Autoconnect, true)
        .Set(NmKeys.User, NmKeys.UserData, new NmStringMap(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
            [new KeyValuePair<string, string>(NmKeys.ManagedTag, "true")])));

    /// <summary>
    /// ipv4/ipv6 with static addresses ("manual") or none ("disabled" for IPv4; "ignore" for
    /// IPv6 so the kernel keeps making the link-local address, as it did at runtime).
    /// </summary>
    public static NmSettings IpConfig(NmSettings s, IEnumerable<IpPrefix> addresses, IEnumerable<ProfileRouteSpec> routes)
    {
        var all = addresses.ToList();
        var allRoutes = routes.ToList();
        foreach (var v4 in new[] { true, false })
        {
            var section = NmKeys.IpSection(v4);
            var mine = all.Where(a => a.IsV4 == v4).ToList();
            var myRoutes = allRoutes.Where(r => r.Destination.IsV4 == v4).ToList();
            s = s.Set(section, NmKeys.Method, mine.Count > 0 ? "manual" : v4 ? "disabled" : "ignore");
            if (mine.Count > 0) s = s.Set(section, NmKeys.AddressData, AddressData(mine));
            if (myRoutes.Count > 0) s = s.Set(section, NmKeys.RouteData, RouteData(myRoutes));
        }
        return s;
    }

    /// <summary>address-data: aa{sv} of {address: s, prefix: u}.</summary>
    public static NmDictArray AddressData(IEnumerable<IpPrefix> addresses) =>
        new([.. addresses.Select(AddressItem)]);

    public static ImmutableSortedDictionary<string, NmValue> AddressItem(IpPrefix a) => Dict(
        ("address", a.Address.ToString()),
        ("prefix", (uint)a.PrefixLength));

    /// <summary>route-data: aa{sv} of {dest: s, prefix: u, next-hop: s?, metric: u?, table: u?}.</summary>
    public static NmDictArray RouteData(IEnumerable<ProfileRouteSpec> routes) => new([.. routes.Select(RouteItem)]);

    public static ImmutableSortedDictionary<string, NmValue> RouteItem(ProfileRouteSpec r)
    {
        var items = new List<(string, NmValue)>
        {
            ("dest", r.Destination.Network.BaseAddress.ToString()),
            ("prefix", (uint)r.Destination.PrefixLength),
        };
        if (r.NextHop is not null) items.Add(("next-hop", r.NextHop));
        if (r.Metric is not null) items.Add(("metric", r.Metric.Value));
        if (r.Table is not null) items.Add(("table", r.Table.Value));
        return Dict([.. items]);
    }

    public static ImmutableSortedDictionary<string, NmValue> Dict(params (string Key, NmValue Value)[] items) =>
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, items.Select(i => new KeyValuePair<string, NmValue>(i.Key, i.Value)));
}
