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

    /// <summary>The pane's text, one line per attribute; jump targets are numbered.</summary>
    public IEnumerable<string> Lines()
    {
        yield return Title;
        int width = Attributes.Count == 0 ? 0 : Attributes.Max(a => a.Key.Length);
        foreach (var (k, v) in Attributes)
            yield return $"  {k.PadRight(width)}  {v}";
        foreach (var c in ReadCommands)
            yield return $"  $ {c}";
        for (int i = 0; i < Related.Count; i++)
            yield return i == 0
                ? $"  ⏎ {Related[i].Label}"
                : $"  → {Related[i].Label}";
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
