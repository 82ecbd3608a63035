using NetTui.Core.Model;

namespace NetTui.Cli.Render;

/// <summary>`nettui show bridges`: `brctl show`'s columns, with each port's STP state beside it.</summary>
public static class BridgesView
{
    /// <summary>With a BOOT column (the bridge's) and each port's persistence when the snapshot is annotated (`show all`).</summary>
    public static IReadOnlyList<string> Render(HostSnapshot s)
    {
        var boot = s.Links.Any(l => l.Persistence is not null);
        string[] Boot(string name) => boot ? [LinksView.Boot(s.FindLink(name)?.Persistence)] : [];
        string[] NoBoot() => boot ? [""] : [];
        var rows = new List<IReadOnlyList<string>>();
        foreach (var b in s.Bridges)
        {
            var first = true;
            var ports = b.Ports.IsDefaultOrEmpty ? [] : b.Ports;
            if (ports.Length == 0) rows.Add([b.Name, b.BridgeId, b.StpEnabled ? "yes" : "no", .. Boot(b.Name), "-"]);
            foreach (var p in ports)
            {
                var port = boot ? $"{p.Name} ({p.State}, {LinksView.Boot(s.FindLink(p.Name)?.Persistence)})" : $"{p.Name} ({p.State})";
                rows.Add(first ? [b.Name, b.BridgeId, b.StpEnabled ? "yes" : "no", .. Boot(b.Name), port] : ["", "", "", .. NoBoot(), port]);
                first = false;
            }
        }
        return TextTable.Format(["BRIDGE NAME", "BRIDGE ID", "STP ENABLED", .. boot ? ["BOOT"] : Array.Empty<string>(), "INTERFACES"], rows);
    }
}
