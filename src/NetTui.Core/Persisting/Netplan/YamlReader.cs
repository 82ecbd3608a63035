using System.Text;

namespace NetTui.Core.Persisting.Netplan;

/// <summary>
/// Reads the YAML netplan files are written in: block mappings and sequences, flow
/// sequences and mappings ([a, b], {}), plain and quoted scalars, comments. What NetTui does
/// not read (anchors, aliases, tags, multi-line strings, several documents) is an error
/// naming the file and line, so a change is refused rather than planned on a guess.
/// Pure: text in, tree or error out.
/// </summary>
public static class YamlReader
{
    private sealed record Line(int No, int Indent, string Text);

    private sealed class Failure(string message) : Exception(message);

    /// <summary>The document's root (null for an empty file) or the error "PATH:LINE: why".</summary>
    public static (YamlNode? Root, string? Error) Parse(string path, string text)
    {
        try
        {
            var lines = Lines(text);
            if (lines.Count == 0) return (null, null);
            var pos = 0;
            var root = Node(lines, ref pos, lines[0].Indent);
            if (pos < lines.Count) throw Fail(lines[pos].No, "unexpected indentation");
            return (root, null);
        }
        catch (Failure f)
        {
            return (null, $"{path}:{f.Message}");
        }
    }

    private static Failure Fail(int line, string why) => new($"{line}: {why}");

    private static List<Line> Lines(string text)
    {
        var result = new List<Line>();
        var raw = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < raw.Length; i++)
        {
            var content = StripComment(raw[i]).TrimEnd();
            if (content.Trim().Length == 0) continue;
            var indent = content.Length - content.TrimStart(' ').Length;
            if (content[indent] == '\t') throw Fail(i + 1, "a tab in the indentation (YAML indents with spaces)");
            var t = content[indent..];
            if (indent == 0 && t == "---" && result.Count == 0) continue;
            if (indent == 0 && (t == "---" || t == "...")) throw Fail(i + 1, "several YAML documents in one file");
            if (t.StartsWith('%')) throw Fail(i + 1, "a YAML directive");
            result.Add(new Line(i + 1, indent, t));
        }
        return result;
    }

    /// <summary>The line without its comment: a # at the start or after a blank, outside quotes.</summary>
    private static string StripComment(string line)
    {
        char quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; else if (c == '\\' && quote == '"') i++; continue; }
            if (c is '"' or '\'' && (i == 0 || line[i - 1] is ' ' or '[' or '{' or ',' or ':' or '-')) quote = c;
            else if (c == '#' && (i == 0 || line[i - 1] is ' ' or '\t')) return line[..i];
        }
        return line;
    }

    private static bool IsItem(string t) => t == "-" || t.StartsWith("- ", StringComparison.Ordinal);

    private static YamlNode Node(List<Line> lines, ref int pos, int indent) =>
        IsItem(lines[pos].Text) ? Sequence(lines, ref pos, indent) : Mapping(lines, ref pos, indent);

    private static YamlSequence Sequence(List<Line> lines, ref int pos, int indent)
    {
        var seq = new YamlSequence { Line = lines[pos].No };
        while (pos < lines.Count && lines[pos].Indent == indent && IsItem(lines[pos].Text))
        {
            var line = lines[pos];
            var rest = line.Text[1..].TrimStart(' ');
            if (rest.Length == 0)
            {
                pos++;
                seq.Items.Add(pos < lines.Count && lines[pos].Indent > indent ? Node(lines, ref pos, lines[pos].Indent) : new YamlScalar("") { Line = line.No });
            }
            else if (KeyOf(rest, line.No) is not null || IsItem(rest))
            {
                // "- key: value": a mapping (or nested sequence) whose first line starts after the dash.
                var inner = indent + (line.Text.Length - rest.Length);
                lines[pos] = new Line(line.No, inner, rest);
                seq.Items.Add(Node(lines, ref pos, inner));
            }
            else
            {
                seq.Items.Add(Inline(rest, line.No));
                pos++;
            }
        }
        if (pos < lines.Count && lines[pos].Indent > indent) throw Fail(lines[pos].No, "unexpected indentation");
        return seq;
    }

    private static YamlMapping Mapping(List<Line> lines, ref int pos, int indent)
    {
        var map = new YamlMapping { Line = lines[pos].No };
        while (pos < lines.Count && lines[pos].Indent == indent && !IsItem(lines[pos].Text))
        {
            var line = lines[pos];
            var (key, value) = KeyOf(line.Text, line.No) ?? throw Fail(line.No, "expected \"key: value\"");
            pos++;
            YamlNode node;
            if (value.Length > 0) node = Inline(value, line.No);
            else if (pos < lines.Count && (lines[pos].Indent > indent || (lines[pos].Indent == indent && IsItem(lines[pos].Text))))
                node = Node(lines, ref pos, lines[pos].Indent);
            else node = new YamlScalar("") { Line = line.No };
            if (pos < lines.Count && lines[pos].Indent > indent) throw Fail(lines[pos].No, "unexpected indentation");
            map.Entries.Add(new YamlEntry(key, line.No, node));
        }
        return map;
    }

    /// <summary>"key: value" split at the first ": " (or a final ":") outside quotes and brackets; null when the text is not an entry.</summary>
    private static (string Key, string Value)? KeyOf(string t, int no)
    {
        if (t.StartsWith('"') || t.StartsWith('\''))
        {
            var i = 0;
            var key = Quoted(t, ref i, no);
            var after = t[i..].TrimStart(' ');
            return after.StartsWith(':') && (after.Length == 1 || after[1] == ' ') ? (key, after[1..].Trim()) : null;
        }
        if (t[0] is '[' or '{') return null;
        if (t[0] is '&' or '*' or '!' or '|' or '>' or '?') throw Fail(no, $"YAML's \"{t[0]}\" (anchors, tags, multi-line strings) is not read by NetTui");
        for (var i = 0; i < t.Length; i++)
            if (t[i] == ':' && (i + 1 == t.Length || t[i + 1] == ' ')) return (t[..i].TrimEnd(), t[(i + 1)..].Trim());
        return null;
    }

    private static YamlNode Inline(string text, int no)
    {
        var i = 0;
        var node = Flow(text, ref i, no, inFlow: false);
        SkipBlanks(text, ref i);
        if (i < text.Length) throw Fail(no, $"unexpected \"{text[i..]}\"");
        return node;
    }

    private static void SkipBlanks(string t, ref int i)
    {
        while (i < t.Length && t[i] == ' ') i++;
    }

    private static YamlNode Flow(string t, ref int i, int no, bool inFlow)
    {
        SkipBlanks(t, ref i);
        if (i >= t.Length) return new YamlScalar("") { Line = no };
        switch (t[i])
        {
            case '[':
                var seq = new YamlSequence { Line = no };
                i++;
                while (true)
                {
                    SkipBlanks(t, ref i);
                    if (i < t.Length && t[i] == ']') { i++; return seq; }
                    seq.Items.Add(Flow(t, ref i, no, inFlow: true));
                    SkipBlanks(t, ref i);
                    if (i < t.Length && t[i] == ',') { i++; continue; }
                    if (i < t.Length && t[i] == ']') { i++; return seq; }
                    throw Fail(no, "a [ list without its ] on the same line");
                }
            case '{':
                var map = new YamlMapping { Line = no };
                i++;
                while (true)
                {
                    SkipBlanks(t, ref i);
                    if (i < t.Length && t[i] == '}') { i++; return map; }
                    var key = Flow(t, ref i, no, inFlow: true) as YamlScalar ?? throw Fail(no, "a { mapping with a non-scalar key");
                    SkipBlanks(t, ref i);
                    if (i >= t.Length || t[i] != ':') throw Fail(no, "a { mapping entry without \":\"");
                    i++;
                    map.Entries.Add(new YamlEntry(key.Value, no, Flow(t, ref i, no, inFlow: true)));
                    SkipBlanks(t, ref i);
                    if (i < t.Length && t[i] == ',') { i++; continue; }
                    if (i < t.Length && t[i] == '}') { i++; return map; }
                    throw Fail(no, "a { mapping without its } on the same line");
                }
            case '"' or '\'':
                return new YamlScalar(Quoted(t, ref i, no)) { Line = no };
            case '&' or '*' or '!' or '|' or '>':
                throw Fail(no, $"YAML's \"{t[i]}\" (anchors, tags, multi-line strings) is not read by NetTui");
            default:
                var start = i;
                // A plain scalar ends at the line's end, or in a flow at , ] } and at ": ".
                while (i < t.Length && !(inFlow && (t[i] is ',' or ']' or '}' || (t[i] == ':' && (i + 1 == t.Length || t[i + 1] is ' ' or ',' or '}' or ']'))))) i++;
                var value = t[start..i].TrimEnd();
                return new YamlScalar(value == "~" || value == "null" ? "" : value, plain: true) { Line = no };
        }
    }

    private static string Quoted(string t, ref int i, int no)
    {
        var quote = t[i++];
        var sb = new StringBuilder();
        while (i < t.Length)
        {
            var c = t[i++];
            if (quote == '\'' && c == '\'')
            {
                if (i < t.Length && t[i] == '\'') { sb.Append('\''); i++; continue; }
                return sb.ToString();
            }
            if (quote == '"' && c == '"') return sb.ToString();
            if (quote == '"' && c == '\\' && i < t.Length)
            {
                var e = t[i++];
                sb.Append(e switch { 'n' => '\n', 't' => '\t', '0' => '\0', _ => e });
                continue;
            }
            sb.Append(c);
        }
        throw Fail(no, "a quoted string that does not end on its line");
    }
}
