using System.Globalization;
using NetTui.Core.Operations;
using NetTui.Core.Values;

namespace NetTui.Core.Persisting.Networkd;

/// <summary>The text NetTui writes for systemd-networkd: whole units for its own files and the lines it adds to any .network.</summary>
public static class NetworkdUnits
{
    public const string Header = Backends.PersistenceBackends.WrittenByNetTui;

    public static string BridgeNetdev(CreateBridge c)
    {
        var lines = new List<string> { Header, "[NetDev]", $"Name={c.Name}", "Kind=bridge" };
        if (c.Mtu is not null) lines.Add($"MTUBytes={Mtu.Parse(c.Mtu).Get().Value}");
        lines.AddRange(["", "[Bridge]", $"STP={(c.Stp ? "yes" : "no")}"]);
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>The .network of an interface NetTui persists: its addresses, routes and (for a port) its bridge.</summary>
    public static string Network(string name, IEnumerable<IpPrefix> addresses, IEnumerable<AddRoute> routes, string? bridge = null)
    {
        var lines = new List<string> { Header, "[Match]", $"Name={name}", "", "[Network]" };
        if (bridge is not null) lines.Add($"Bridge={bridge}");
        else
        {
            // A bridge without ports has no carrier: keep its addresses all the same (as the runtime bridge does).
            lines.Add("ConfigureWithoutCarrier=yes");
            lines.Add("LinkLocalAddressing=no");
        }
        lines.AddRange(addresses.Select(a => $"Address={a}"));
        foreach (var r in routes) lines.AddRange(["", .. Route(r)]);
        return string.Join('\n', lines) + "\n";
    }

    public static IEnumerable<string> Route(AddRoute r)
    {
        var f = RouteText.Parse(r.Destination, r.Via, r.Dev, r.Metric, r.Table);
        yield return "[Route]";
        yield return $"Destination={(f.Destination.IsDefault ? (f.Destination.Prefix.IsV4 ? "0.0.0.0/0" : "::/0") : f.Destination.ToString())}";
        if (f.Via is not null) yield return $"Gateway={f.Via}";
        if (f.Metric is { } m) yield return $"Metric={m.Value.ToString(CultureInfo.InvariantCulture)}";
        if (f.Table is { IsMain: false } t) yield return $"Table={t.Id.ToString(CultureInfo.InvariantCulture)}";
    }
}
