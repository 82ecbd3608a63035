using NetTui.Core.Model;

namespace NetTui.Cli.Render;

/// <summary>`nettui show ovs`: a compact `ovs-vsctl show` with each interface's type, options, ofport and error.</summary>
public static class OvsView
{
    public static IReadOnlyList<string> Render(HostSnapshot s)
    {
        var lines = new List<string>();
        if (s.Ovs is not { } ovs) return lines;
        if (ovs.Version is { } v) lines.Add($"ovs_version: {v}");
        if (ovs.Bridges.IsDefaultOrEmpty) lines.Add("(no OVS bridges)");
        foreach (var b in ovs.Bridges)
        {
            lines.Add($"Bridge {b.Name} (datapath {(b.DatapathType.Length > 0 ? b.DatapathType : "system")})"
                + (Presentation.OvsDetailText.Bridge(b) is { Length: > 0 } more ? $"  {more}" : ""));
            foreach (var p in b.Ports)
            {
                lines.Add($"    Port {p.Name}" + (p.Tag is { } tag ? $"  tag: {tag}" : "") + PortExtras(p));
                foreach (var i in p.Interfaces)
                    lines.Add("        " + InterfaceText(i));
            }
        }
        return lines;
    }

    /// <summary>Trunks, vlan_mode, fake bridge, bond and LACP, as ovs-vsctl show lists them.</summary>
    private static string PortExtras(OvsPort p)
    {
        var w = new List<string>();
        if (!p.Trunks.IsDefaultOrEmpty) w.Add($"trunks: [{string.Join(", ", p.Trunks)}]");
        if (p.VlanMode is { } mode) w.Add($"vlan_mode: {mode}");
        if (p.FakeBridge) w.Add("fake_bridge: true");
        if (p.IsBond) w.Add($"bond_mode: {p.BondMode ?? "active-backup"}");
        if (p.Lacp is { } lacp) w.Add($"lacp: {lacp}");
        return w.Count == 0 ? "" : "  " + string.Join("  ", w);
    }

    public static string InterfaceText(OvsInterface i)
    {
        var parts = new List<string> { $"Interface {i.Name}", $"type: {(i.Type.Length > 0 ? i.Type : "system")}" };
        if (i.OfPort is { } ofport) parts.Add($"ofport: {ofport}");
        if (i.LinkState is { } link) parts.Add($"link: {link}");
        if (!i.Options.IsEmpty)
            parts.Add("options: {" + string.Join(", ", i.Options.Select(o => $"{o.Key}={o.Value}")) + "}");
        if (i.MtuRequest is { } req) parts.Add($"mtu_request: {req}");
        if (i.Error is { } error) parts.Add($"error: \"{error}\"");
        return string.Join("  ", parts);
    }
}
