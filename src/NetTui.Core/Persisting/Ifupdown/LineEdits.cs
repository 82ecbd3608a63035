namespace NetTui.Core.Persisting.Ifupdown;

/// <summary>
/// Line edits on one file's lines (an <see cref="InterfacesFile"/>, a networkd unit), applied
/// together: every line not named keeps its exact bytes. New lines get the file's line ending.
/// </summary>
public sealed class LineEdits(System.Collections.Immutable.ImmutableArray<string> lines)
{
    public LineEdits(InterfacesFile file) : this(file.Lines) { }

    private string Content(int i) => lines[i].TrimEnd('\n').TrimEnd('\r');

    private readonly Dictionary<int, string?> _replace = [];
    private readonly Dictionary<int, List<string>> _after = [];
    private readonly List<string> _append = [];

    private string Ending => lines.FirstOrDefault(l => l.EndsWith('\n')) is { } l && l.EndsWith("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";

    /// <summary>The indentation of the stanza's options (four spaces when it has none).</summary>
    public string Indent(Stanza s) => s.Options.IsEmpty ? "    " : new string(lines[s.Options[0].Line].TakeWhile(char.IsWhiteSpace).ToArray());

    public LineEdits InsertAfter(int line, string text)
    {
        if (!_after.TryGetValue(line, out var list)) _after[line] = list = [];
        list.Add(text);
        return this;
    }

    public LineEdits AddOption(Stanza s, string option) => InsertAfter(s.Last, Indent(s) + option);

    public LineEdits Remove(int line) { _replace[line] = null; return this; }

    /// <summary>Replaces the line's text, keeping its ending.</summary>
    public LineEdits Replace(int line, string text) { _replace[line] = text; return this; }

    public LineEdits Append(string text) { _append.Add(text); return this; }

    public string Build()
    {
        var sb = new System.Text.StringBuilder();
        var ending = Ending;
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i];
            var kept = true;
            if (_replace.TryGetValue(i, out var replaced))
            {
                kept = replaced is not null;
                if (kept) sb.Append(replaced).Append(raw[Content(i).Length..]);
            }
            else sb.Append(raw);
            if (_after.TryGetValue(i, out var inserted))
            {
                if (kept && !raw.EndsWith('\n')) sb.Append(ending);
                foreach (var t in inserted) sb.Append(t).Append(ending);
            }
        }
        if (_append.Count > 0)
        {
            if (sb.Length > 0 && sb[^1] != '\n') sb.Append(ending);
            foreach (var t in _append) sb.Append(t).Append(ending);
        }
        return sb.ToString();
    }
}
