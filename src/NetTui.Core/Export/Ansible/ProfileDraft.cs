using NetTui.Core.Operations;
using NetTui.Core.Persisting;
using NetTui.Core.Values;

namespace NetTui.Core.Export.Ansible;

/// <summary>
/// A NetworkManager profile the playbook makes, while the plan is read: later operations add
/// addresses, routes or an MTU to it, and the task is printed from its final settings, so one
/// task per profile says everything (and a second run finds nothing to change). The settings
/// come from the builders `nettui apply` uses (<see cref="PersistentPlanner"/>, <see cref="ProfileBuilder"/>).
/// </summary>
internal sealed class ProfileDraft(string iface, bool carriesIp, Func<IReadOnlyList<IpPrefix>, IReadOnlyList<ProfileRouteSpec>, uint?, NmSettings> build)
{
    public string Interface { get; } = iface;

    /// <summary>Whether the module sets this profile's IP settings (bridges, GRE); a port's or VXLAN's addresses stay runtime commands.</summary>
    public bool CarriesIp { get; } = carriesIp;

    public List<IpPrefix> Addresses { get; } = [];
    public List<ProfileRouteSpec> Routes { get; } = [];
    public uint? Mtu { get; set; }

    public NmSettings Settings => build(Addresses, Routes, Mtu);

    public static ProfileDraft Bridge(CreateBridge c)
    {
        var d = new ProfileDraft(c.Name, true, (a, r, mtu) =>
            PersistentPlanner.BridgeProfile(c with { Mtu = mtu?.ToString(System.Globalization.CultureInfo.InvariantCulture) }, Guid.Empty, a, r));
        d.Addresses.AddRange(new[] { c.Address }.Concat(c.MoreAddresses).OfType<string>().Select(a => IpPrefix.Parse(a).Get()));
        d.Mtu = c.Mtu is null ? null : (uint)Values.Mtu.Parse(c.Mtu).Get().Value;
        return d;
    }

    public static ProfileDraft Port(string bridge, string iface) =>
        new(iface, false, (_, _, _) => ProfileBuilder.BridgePort(iface, Guid.Empty, ProfileBuilder.EthernetType, bridge));

    public static ProfileDraft Tunnel(CreateIpTunnel t)
    {
        var gre = Choice.Mode(t.Mode).Get() == TunnelMode.Gre;
        return new(t.Name, gre, (a, r, _) => ProfileBuilder.IpConfig(PersistentPlanner.TunnelProfile(t, Guid.Empty), a, r));
    }

    public static ProfileDraft Vxlan(CreateVxlan v) =>
        new(v.Name, false, (_, _, _) => PersistentPlanner.VxlanProfile(v, Guid.Empty));
}
