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
            lines.Add($"Bridge {b.Name} (datapath {(b.DatapathType.Length > 0 ? b.DatapathType : "system")})");
            foreach (var p in b.Ports)
            {
                lines.Add($"    Port {p.Name}" + (p.Tag is { } tag ? $"  tag: {tag}" : ""));
                foreach (var i in p.Interfaces)
                    lines.Add("        " + InterfaceText(i));
            }
        }
        return lines;
    }

    public static string InterfaceText(OvsInterface i)
    {
        var parts = new List<string> { $"Interface {i.Name}", $"type: {(i.Type.Length > 0 ? i.Type : "system")}" };
        if (i.OfPort is { } ofport) parts.Add($"ofport: {ofport}");
        if (i.LinkState is { } link) parts.Add($"link: {link}");
        if (!i.Options.IsEmpty)
            parts.Add("options: {" + string.Join(", ", i.Options.Select(o => $"{o.Key}={o.Value}")) + "}");
        if (i.Error is { } error) parts.Add($"error: \"{error}\"");
        return string.Join("  ", parts);
    }
}
