using System.Text;
using NetTui.Core.Text;

namespace NetTui.Cli.Render;

/// <summary>Left-aligned columns separated by two spaces; the last column is not padded (no trailing blanks).</summary>
public static class TextTable
{
    public static IReadOnlyList<string> Format(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        // Cells hold host text: escaped before measuring, so hostile names cannot break the columns.
        var all = new List<IReadOnlyList<string>> { headers };
        all.AddRange(rows.Select(r => (IReadOnlyList<string>)[.. r.Select(TerminalText.Escape)]));
        var widths = new int[headers.Count];
        foreach (var row in all)
            for (var i = 0; i < widths.Length && i < row.Count; i++)
                widths[i] = Math.Max(widths[i], row[i].Length);

        var lines = new List<string>(all.Count);
        var sb = new StringBuilder();
        foreach (var row in all)
        {
            sb.Clear();
            for (var i = 0; i < widths.Length; i++)
            {
                var cell = i < row.Count ? row[i] : "";
                if (i > 0) sb.Append("  ");
                sb.Append(cell);
                if (i < widths.Length - 1) sb.Append(' ', widths[i] - cell.Length);
            }
            lines.Add(sb.ToString().TrimEnd());
        }
        return lines;
    }
}
