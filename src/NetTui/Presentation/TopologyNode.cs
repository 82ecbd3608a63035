namespace NetTui.Presentation;

/// <summary>
/// A node of the topology tree: bridge -> port -> what is on the other end. <see cref="Target"/>
/// is the object the node stands for in another view (for the detail pane and jumps).
/// </summary>
public sealed record TopologyNode(
    string Key,
    string Label,
    string Info,
    IReadOnlyList<TopologyNode> Children,
    RelatedRef? Target = null)
{
    public static TopologyNode Leaf(string key, string label, string info, RelatedRef? target = null) =>
        new(key, label, info, [], target);
}
