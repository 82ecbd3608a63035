using NetTui.Core.Model;
using NetTui.Cli.Show;

namespace NetTui.Cli.Render;

/// <summary>The human form of `nettui show`: a titled section per requested part, then Sources.</summary>
public static class SnapshotText
{
    public static IReadOnlyList<string> Render(HostSnapshot s, ShowPart part)
    {
        var lines = new List<string> { $"Host {s.HostName}" + (s.Namespace is { } ns ? $", network namespace {ns}" : "") };
        void Section(string title, IReadOnlyList<string> body, int count)
        {
            lines.Add("");
            lines.Add($"{title} ({count})");
            lines.AddRange(body);
        }
        var all = part == ShowPart.All;
        if (all || part == ShowPart.Links) Section("Links", LinksView.Render(s), s.Links.Length);
        if (all || part == ShowPart.Bridges) Section("Linux bridges", BridgesView.Render(s), s.Bridges.Length);
        if (all || part == ShowPart.Ovs) Section("Open vSwitch", OvsView.Render(s), s.Ovs?.Bridges.Length ?? 0);
        if (all || part == ShowPart.Routes) Section("Routes", RoutesView.Render(s), s.Routes.Length);
        if (all || part == ShowPart.Containers) Section("Containers", ContainersView.Render(s), s.Containers.Length);
        lines.Add("");
        lines.Add("Sources");
        lines.AddRange(SourcesView.Render(s));
        return lines;
    }
}
