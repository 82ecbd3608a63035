using System.Globalization;
using NetTui.Core.Operations;
using NetTui.Core.Values;

namespace NetTui.Core.Persisting.Ifupdown;

/// <summary>
/// The text NetTui writes for ifupdown: whole stanzas for its own files and the option lines
/// it adds to any stanza. ifupdown 0.8 takes one "address" per stanza, so further addresses
/// and routes are "up ip ..." lines (they go with the interface when it goes down).
/// </summary>
public static class StanzaText
{
    public const string Header = Backends.PersistenceBackends.WrittenByNetTui;

    public static string Bridge(CreateBridge c)
    {
        var addresses = Addresses(c.Address is null ? c.MoreAddresses : [c.Address, .. c.MoreAddresses]);
        var v4 = addresses.FirstOrDefault(a => a.IsV4);
        var lines = new List<string> { Header, $"auto {c.Name}", $"iface {c.Name} inet {(v4 is null ? "manual" : "static")}" };
        if (v4 is not null) lines.Add($"    address {v4}");
        lines.Add($"    bridge_ports {(c.Ports.IsEmpty ? "none" : string.Join(' ', c.Ports))}");
        lines.Add($"    bridge_stp {(c.Stp ? "on" : "off")}");
        // bridge-utils waits up to 30 s for the ports to forward; NetTui's runtime bridge does not wait either.
        lines.Add("    bridge_maxwait 0");
        if (c.Mtu is not null) lines.Add($"    mtu {Mtu.Parse(c.Mtu).Get().Value}");
        lines.AddRange(addresses.Where(a => a != v4).Select(a => "    " + AddressUp(c.Name, a)));
        lines.AddRange(c.Routes.Select(r => "    " + RouteUp(r, c.Name)));
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>A stanza for an interface NetTui does not create (a NIC, a veth): it only gets addresses.</summary>
    public static string Plain(string name, IEnumerable<string> options) =>
        string.Join('\n', new[] { Header, $"auto {name}", $"iface {name} inet manual" }.Concat(options.Select(o => "    " + o))) + "\n";

    public static string Tunnel(CreateIpTunnel t)
    {
        var type = Choice.Mode(t.Mode).Get() == TunnelMode.Gretap ? "gretap" : "gre";
        var create = $"ip link add {t.Name} type {type} remote {IpAddress.Parse(t.Remote).Get()}";
        if (t.Local is not null) create += $" local {IpAddress.Parse(t.Local).Get()}";
        if (t.Key is not null) create += $" key {GreKey.Parse(t.Key).Get().Value}";
        if (t.Ttl is not null) create += $" ttl {Ttl.Parse(t.Ttl).Get().Value}";
        return Plain(t.Name, [$"pre-up {create}", $"post-down ip link del {t.Name}"]);
    }

    /// <summary>ifupdown 0.8 has no VXLAN method: the device is made in pre-up with the same `ip link add` NetTui runs, removed in post-down.</summary>
    public static string Vxlan(CreateVxlan v)
    {
        var options = new List<string> { $"pre-up ip {string.Join(' ', v.LinkArgs())}", $"post-down ip link del {v.Name}" };
        if (v.Mtu is not null) options.Insert(0, $"mtu {Mtu.Parse(v.Mtu).Get().Value}");
        return Plain(v.Name, options);
    }

    public static string AddressUp(string dev, IpPrefix a) => $"up ip addr add {a} dev {dev}";

    public static string RouteUp(AddRoute r, string dev)
    {
        var f = RouteText.Parse(r.Destination, r.Via, r.Dev, r.Metric, r.Table);
        var s = $"up ip route add {f.Destination}";
        if (f.Via is not null) s += $" via {f.Via}";
        s += $" dev {dev}";
        if (f.Metric is { } metric) s += $" metric {metric.Value.ToString(CultureInfo.InvariantCulture)}";
        if (f.Table is { IsMain: false } table) s += $" table {table.Name}";
        return s;
    }

    private static List<IpPrefix> Addresses(IEnumerable<string> texts) => [.. texts.Select(a => IpPrefix.Parse(a).Get())];

    /// <summary>The destination and gateway of an "up ip route add ..." option (null: not such a line).</summary>
    public static (IpPrefix Destination, string? Via)? RouteOf(StanzaOption o)
    {
        if (o.Key != "up") return null;
        var w = o.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (w.Length < 4 || w[0] != "ip" || w[1] != "route" || w[2] is not ("add" or "replace")) return null;
        var dest = HostQueries.ParseDestination(w[3]);
        if (dest is null) return null;
        var via = Array.IndexOf(w, "via") is var i and >= 0 && i + 1 < w.Length ? w[i + 1] : null;
        return (dest, via);
    }

    /// <summary>The address an option gives the stanza's interface: "address CIDR" or "up ip addr add CIDR ...".</summary>
    public static IpPrefix? AddressOf(StanzaOption o)
    {
        var text = o.Key switch
        {
            "address" => o.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(),
            "up" when o.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [ "ip", "addr" or "address" or "a", "add", var cidr, ..] => cidr,
            _ => null,
        };
        return text is not null && IpPrefix.Parse(text) is { Ok: true } p ? p.Get() : null;
    }
}
