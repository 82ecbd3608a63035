namespace NetTui.Presentation;

/// <summary>A topology node flattened into a table row, with its tree-drawing prefix.</summary>
public sealed record TopologyRow(TopologyNode Node, string Prefix, string Path);

/// <summary>Topology view: the tree as rows ("├─", "└─"), so it filters and navigates like every table.</summary>
public static class TopologyPresenter
{
    public static IReadOnlyList<TopologyRow> Flatten(IReadOnlyList<TopologyNode> roots)
    {
        var rows = new List<TopologyRow>();
        foreach (var root in roots)
            Walk(root, "", "", root.Label, rows, isRoot: true, isLast: false);
        return rows;
    }

    private static void Walk(TopologyNode node, string indent, string branch, string path, List<TopologyRow> rows, bool isRoot, bool isLast)
    {
        rows.Add(new TopologyRow(node, indent + branch, path));
        var childIndent = isRoot ? "" : indent + (isLast ? "   " : "│  ");
        for (int i = 0; i < node.Children.Count; i++)
        {
            var child = node.Children[i];
            bool last = i == node.Children.Count - 1;
            Walk(child, childIndent, last ? "└─ " : "├─ ", $"{path} → {child.Label}", rows, isRoot: false, last);
        }
    }

    public static IRowSet Rows(SnapshotIndex ix) => new RowSet<TopologyRow>(
        ViewKind.Topology,
        Flatten(TopologyBuilder.Build(ix)),
        [
            new("Topology", r => r.Prefix + r.Node.Label),
            new("Info", r => r.Node.Info),
        ],
        r => r.Node.Key,
        Detail,
        orderIsMeaningful: true,
        tone: r => r.Node.Info.StartsWith("ERROR", StringComparison.Ordinal) ? RowTone.Error : RowTone.Normal);

    public static DetailModel Detail(TopologyRow r)
    {
        var d = new DetailBuilder(r.Node.Label)
            .Add("path", r.Path)
            .Add("info", r.Node.Info)
            .Add("below", r.Node.Children.Count == 0 ? null : string.Join(", ", r.Node.Children.Select(c => c.Label)));
        if (r.Node.Target is { } t)
            d.Related(t.Label, t.View, t.Key);
        return d.Build();
    }
}
