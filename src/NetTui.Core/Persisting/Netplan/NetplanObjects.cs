using System.Globalization;
using NetTui.Core.Operations;
using NetTui.Core.Values;

namespace NetTui.Core.Persisting.Netplan;

/// <summary>The netplan definitions NetTui writes (netplan 0.106's keys), as YAML trees.</summary>
public static class NetplanObjects
{
    public static YamlMapping Bridge(CreateBridge c, IEnumerable<string> portIds)
    {
        var b = new YamlMapping();
        var ports = new YamlSequence();
        ports.Items.AddRange(portIds.Select(p => new YamlScalar(p)));
        b.Set("interfaces", ports);
        foreach (var a in (c.Address is null ? c.MoreAddresses : [c.Address, .. c.MoreAddresses]).Select(a => IpPrefix.Parse(a).Get()))
            AddAddress(b, a);
        if (c.Mtu is not null) b.Set("mtu", Mtu.Parse(c.Mtu).Get().Value.ToString(CultureInfo.InvariantCulture), plain: true);
        foreach (var r in c.Routes) b.SeqOrNew("routes").Items.Add(Route(r));
        b.Set("parameters", new YamlMapping().Set("stp", c.Stp ? "true" : "false", plain: true));
        return b;
    }

    public static void AddAddress(YamlMapping device, IpPrefix a)
    {
        var list = device.SeqOrNew("addresses");
        if (!Addresses(device).Any(x => x.SameAs(a))) list.Items.Add(new YamlScalar(a.ToString()));
    }

    /// <summary>The addresses a definition gives (scalars; netplan's per-address option mappings are skipped).</summary>
    public static IEnumerable<IpPrefix> Addresses(YamlMapping device) =>
        (device.Seq("addresses")?.Scalars ?? []).Select(s => IpPrefix.Parse(s)).Where(p => p.Ok).Select(p => p.Get());

    /// <summary>Removes <paramref name="a"/> from the definition's addresses; false when it is not there.</summary>
    public static bool RemoveAddress(YamlMapping device, IpPrefix a)
    {
        if (device.Seq("addresses") is not { } list) return false;
        var removed = list.Items.RemoveAll(i => i is YamlScalar s && IpPrefix.Parse(s.Value) is { Ok: true } p && p.Get().SameAs(a)) > 0;
        if (list.Items.Count == 0) device.Remove("addresses");
        return removed;
    }

    public static YamlMapping Route(AddRoute r)
    {
        var f = RouteText.Parse(r.Destination, r.Via, r.Dev, r.Metric, r.Table);
        var m = new YamlMapping().Set("to", f.Destination.IsDefault ? "default" : f.Destination.ToString());
        if (f.Via is not null) m.Set("via", f.Via.ToString());
        if (f.Metric is { } metric) m.Set("metric", metric.Value.ToString(CultureInfo.InvariantCulture), plain: true);
        if (f.Table is { IsMain: false } t) m.Set("table", t.Id.ToString(CultureInfo.InvariantCulture), plain: true);
        return m;
    }

    /// <summary>The routes of a definition: destination ("default" or a prefix) and gateway.</summary>
    public static IEnumerable<(YamlMapping Route, IpPrefix? To, string? Via)> Routes(YamlMapping device) =>
        (device.Seq("routes")?.Items ?? []).OfType<YamlMapping>().Select(m => (m, To(m.Text("to")), m.Text("via")));

    private static IpPrefix? To(string? to) => to switch
    {
        null => null,
        "default" or "0.0.0.0/0" => IpPrefix.Parse("0.0.0.0/0").Get(),
        "::/0" => IpPrefix.Parse("::/0").Get(),
        _ => HostQueries.ParseDestination(to),
    };

    public static YamlMapping Tunnel(CreateIpTunnel t)
    {
        var m = new YamlMapping()
            .Set("mode", Choice.Mode(t.Mode).Get() == TunnelMode.Gretap ? "gretap" : "gre")
            .Set("local", IpAddress.Parse(t.Local!).Get().ToString())
            .Set("remote", IpAddress.Parse(t.Remote).Get().ToString());
        if (t.Key is not null)
        {
            var key = GreKey.Parse(t.Key).Get().Value.ToString(CultureInfo.InvariantCulture);
            m.Set("keys", new YamlMapping().Set("input", key, plain: true).Set("output", key, plain: true));
        }
        if (t.Ttl is not null) m.Set("ttl", Ttl.Parse(t.Ttl).Get().Value.ToString(CultureInfo.InvariantCulture), plain: true);
        return m;
    }

    /// <summary>A VXLAN (netplan 0.105+); <paramref name="linkId"/>: the netplan ID of its underlay (null: none in netplan's files).</summary>
    public static YamlMapping Vxlan(CreateVxlan v, string? linkId)
    {
        var m = new YamlMapping()
            .Set("mode", "vxlan")
            .Set("id", Vni.Parse(v.Vni).Get().Value.ToString(CultureInfo.InvariantCulture), plain: true)
            // netplan's "remote" is the multicast group too (rendered as networkd's Group=).
            .Set("remote", IpAddress.Parse(v.Remote ?? v.Group!).Get().ToString());
        if (v.Local is not null) m.Set("local", IpAddress.Parse(v.Local).Get().ToString());
        m.Set("port", v.Port.ToString(CultureInfo.InvariantCulture), plain: true);
        if (linkId is not null) m.Set("link", linkId);
        if (!v.Learning) m.Set("mac-learning", "false", plain: true);
        if (v.Mtu is not null) m.Set("mtu", Mtu.Parse(v.Mtu).Get().Value.ToString(CultureInfo.InvariantCulture), plain: true);
        return m;
    }
}
