using NetTui.Core.Model;

namespace NetTui.Cli.Render;

/// <summary>`nettui show bridges`: `brctl show`'s columns, with each port's STP state beside it.</summary>
public static class BridgesView
{
    public static IReadOnlyList<string> Render(HostSnapshot s)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var b in s.Bridges)
        {
            var first = true;
            var ports = b.Ports.IsDefaultOrEmpty ? [] : b.Ports;
            if (ports.Length == 0) rows.Add([b.Name, b.BridgeId, b.StpEnabled ? "yes" : "no", "-"]);
            foreach (var p in ports)
            {
                var port = $"{p.Name} ({p.State})";
                rows.Add(first ? [b.Name, b.BridgeId, b.StpEnabled ? "yes" : "no", port] : ["", "", "", port]);
                first = false;
            }
        }
        return TextTable.Format(["BRIDGE NAME", "BRIDGE ID", "STP ENABLED", "INTERFACES"], rows);
    }
}
