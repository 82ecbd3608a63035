using NetTui.Core.Model;

namespace NetTui.Cli.Render;

/// <summary>`nettui show containers`: one row per container network, with the host-side veth, its bridge and link aliases.</summary>
public static class ContainersView
{
    public static IReadOnlyList<string> Render(HostSnapshot s)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var c in s.Containers)
        {
            var links = c.Links.IsDefaultOrEmpty ? "-" : string.Join(", ", c.Links.Select(l => $"{l.Alias}->{l.Target}"));
            var veth = c.HostVeth ?? (c.HostVethIndex is { } i ? $"if{i}" : "-");
            var networks = c.Networks.IsDefaultOrEmpty ? [new ContainerNetwork("-", null, null, null, null, null)] : c.Networks;
            var first = true;
            foreach (var n in networks)
            {
                var address = n.IpAddress is { } ip ? $"{ip}/{n.PrefixLength}" : "-";
                if (n.Ipv6Address is { } v6) address += $", {v6}";
                rows.Add(first
                    ? [c.Name, c.State, c.Image, n.Name, address, n.Gateway ?? "-", veth, c.Bridge ?? "-", links]
                    : ["", "", "", n.Name, address, n.Gateway ?? "-", "", "", ""]);
                first = false;
            }
        }
        return TextTable.Format(["NAME", "STATE", "IMAGE", "NETWORK", "ADDRESS", "GATEWAY", "HOST VETH", "BRIDGE", "LINKS"], rows);
    }
}
