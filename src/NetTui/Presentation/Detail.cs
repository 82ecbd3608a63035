namespace NetTui.Presentation;

/// <summary>Another object the admin can jump to from a detail pane (Enter / g).</summary>
public sealed record RelatedRef(string Label, ViewKind View, string Key);

/// <summary>
/// Everything the detail pane shows for one selected object: every attribute, the read
/// command an admin would type to see the same thing, and related objects to jump to.
/// </summary>
public sealed record DetailModel(
    string Title,
    IReadOnlyList<KeyValuePair<string, string>> Attributes,
    IReadOnlyList<string> ReadCommands,
    IReadOnlyList<RelatedRef> Related)
{
    public static readonly DetailModel None = new("(nothing selected)", [], [], []);

    /// <summary>The full detail, one attribute per line (the `d` screen).</summary>
    public IEnumerable<string> Lines()
    {
        int width = Attributes.Count == 0 ? 0 : Attributes.Max(a => a.Key.Length);
        foreach (var (k, v) in Attributes)
            yield return $"{k.PadRight(width)}  {v}";
        if (ReadCommands.Count > 0) yield return "";
        foreach (var c in ReadCommands)
            yield return $"$ {c}";
        if (Related.Count > 0) yield return "";
        for (int i = 0; i < Related.Count; i++)
            yield return $"{(i == 0 ? "⏎" : "→")} {Related[i].Label}";
    }

    /// <summary>
    /// The pane under the table, for small screens: what Enter jumps to and the read
    /// command first (they matter most), then the attributes packed into flowing text.
    /// </summary>
    public IEnumerable<string> CompactLines()
    {
        if (Related.Count > 0)
            yield return $"⏎ {Related[0].Label}" +
                (Related.Count > 1 ? "   also: " + string.Join(", ", Related.Skip(1).Select(r => r.Label)) : "");
        if (ReadCommands.Count > 0)
            yield return "$ " + string.Join("  ·  $ ", ReadCommands);
        if (Attributes.Count > 0)
            yield return string.Join("  ", Attributes.Select(a => $"{a.Key}: {a.Value}"));
    }
}

/// <summary>Builds a detail's attribute list with little ceremony; empty values are skipped.</summary>
public sealed class DetailBuilder(string title)
{
    private readonly List<KeyValuePair<string, string>> _attrs = [];
    private readonly List<string> _commands = [];
    private readonly List<RelatedRef> _related = [];

    public DetailBuilder Add(string name, object? value)
    {
        var text = value switch
        {
            null => null,
            bool b => b ? "yes" : "no",
            _ => value.ToString(),
        };
        if (!string.IsNullOrEmpty(text)) _attrs.Add(new(name, text));
        return this;
    }

    public DetailBuilder Command(string command)
    {
        _commands.Add(command);
        return this;
    }

    public DetailBuilder Related(string label, ViewKind view, string? key)
    {
        if (!string.IsNullOrEmpty(key) && !_related.Any(r => r.View == view && r.Key == key))
            _related.Add(new RelatedRef(label, view, key));
        return this;
    }

    public DetailModel Build() => new(title, _attrs, _commands, _related);
}
