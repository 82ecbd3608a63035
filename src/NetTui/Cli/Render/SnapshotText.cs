using NetTui.Core.Model;
using NetTui.Cli.Show;

namespace NetTui.Cli.Render;

/// <summary>The human form of `nettui show`: a titled section per requested part, then Sources.</summary>
public static class SnapshotText
{
    public static IReadOnlyList<string> Render(HostSnapshot s, ShowPart part)
    {
        var lines = new List<string> { $"Host {s.HostName}" + (s.Namespace is { } ns ? $", network namespace {ns}" : "") };
        void Section(string title, Func<HostSnapshot, IReadOnlyList<string>> render, int count, SourceKind source)
        {
            lines.Add("");
            // A part whose source is down says so where the reader looks, not only under Sources.
            if (s.Source(source) is { Available: false } down)
            {
                lines.Add($"{title}: not available ({down.Reason})");
                return;
            }
            lines.Add($"{title} ({count})");
            lines.AddRange(render(s));
        }
        var all = part == ShowPart.All;
        if (all || part == ShowPart.Links) Section("Links", LinksView.Render, s.Links.Length, SourceKind.IpRoute2);
        if (all || part == ShowPart.Bridges) Section("Linux bridges", BridgesView.Render, s.Bridges.Length, SourceKind.IpRoute2);
        if (all || part == ShowPart.Ovs) Section("Open vSwitch", OvsView.Render, s.Ovs?.Bridges.Length ?? 0, SourceKind.Ovs);
        if (all || part == ShowPart.Routes)
        {
            Section("Routes", RoutesView.Render, s.Routes.Length, SourceKind.IpRoute2);
            // Only when read (a snapshot from before rules were read, or a fixture, has none).
            if (s.Rules.Length > 0) Section("Policy rules", RulesView.Render, s.Rules.Length, SourceKind.IpRoute2);
            if (s.Nexthops.Length > 0) Section("Nexthop objects", RulesView.RenderNexthops, s.Nexthops.Length, SourceKind.IpRoute2);
        }
        if (all || part == ShowPart.Containers) Section("Containers", ContainersView.Render, s.Containers.Length, SourceKind.Docker);
        lines.Add("");
        lines.Add("Sources");
        lines.AddRange(SourcesView.Render(s));
        return lines;
    }
}
