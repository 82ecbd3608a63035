using System.Text;

namespace NetTui.Core.Persisting.Netplan;

/// <summary>
/// Writes a <see cref="YamlNode"/> tree as block YAML indented by two spaces, the way netplan's
/// own examples look: lists of scalars in flow style ([a, b]), "{}" for an empty mapping, and
/// strings quoted only where YAML would read them as something else.
/// </summary>
public static class YamlWriter
{
    public static string Write(YamlMapping root, string header)
    {
        var sb = new StringBuilder();
        foreach (var line in header.Split('\n', StringSplitOptions.RemoveEmptyEntries)) sb.Append(line).Append('\n');
        WriteMapping(sb, root, 0);
        return sb.ToString();
    }

    private static void WriteMapping(StringBuilder sb, YamlMapping map, int indent)
    {
        foreach (var e in map.Entries)
        {
            sb.Append(' ', indent).Append(Scalar(e.Key, plain: false)).Append(':');
            WriteValue(sb, e.Value, indent);
        }
    }

    /// <summary>Writes what follows "key:" (or "-") on the same line and below it.</summary>
    private static void WriteValue(StringBuilder sb, YamlNode value, int indent)
    {
        switch (value)
        {
            case YamlScalar s:
                sb.Append(' ').Append(Scalar(s.Value, s.Plain)).Append('\n');
                break;
            case YamlMapping { Entries.Count: 0 }:
                sb.Append(" {}\n");
                break;
            case YamlSequence q when q.Items.All(i => i is YamlScalar):
                sb.Append(" [").Append(string.Join(", ", q.Items.Cast<YamlScalar>().Select(i => Scalar(i.Value, i.Plain)))).Append("]\n");
                break;
            case YamlMapping m:
                sb.Append('\n');
                WriteMapping(sb, m, indent + 2);
                break;
            case YamlSequence q:
                sb.Append('\n');
                foreach (var item in q.Items)
                {
                    if (item is YamlMapping { Entries.Count: > 0 } m)
                    {
                        // "- first: x" then the other keys under it.
                        var inner = new StringBuilder();
                        WriteMapping(inner, m, indent + 4);
                        sb.Append(' ', indent + 2).Append("- ").Append(inner.ToString()[(indent + 4)..]);
                    }
                    else
                    {
                        sb.Append(' ', indent + 2).Append('-');
                        WriteValue(sb, item, indent + 2);
                    }
                }
                break;
        }
    }

    private static readonly string[] Words = ["", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n"];

    /// <summary>The scalar as written: as is when plain (a number, a boolean), else quoted if YAML would misread it.</summary>
    public static string Scalar(string value, bool plain)
    {
        if (plain && value.Length > 0 && !NeedsQuotes(value)) return value;
        var misread = NeedsQuotes(value) || Words.Contains(value.ToLowerInvariant()) || double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _);
        return misread ? "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static bool NeedsQuotes(string v) =>
        v.Length == 0 || v != v.Trim() || v[0] is '-' or '?' or ':' or '[' or ']' or '{' or '}' or ',' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`'
        || v.Contains(": ", StringComparison.Ordinal) || v.Contains(" #", StringComparison.Ordinal) || v.EndsWith(':') || v.Contains("::", StringComparison.Ordinal)
        || v.Any(c => c is ',' or '[' or ']' or '{' or '}' || char.IsControl(c));
}
