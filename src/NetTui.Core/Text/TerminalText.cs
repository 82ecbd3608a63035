using System.Buffers;
using System.Text;

namespace NetTui.Core.Text;

/// <summary>
/// The one sanitizer for text that reaches a terminal from the host (interface aliases,
/// NetworkManager ids, OVS names and external_ids, Docker names, plan descriptions): every
/// control character (C0, ESC, DEL, and C1 U+0080-U+009F, which some terminals also obey)
/// is shown as a visible escape, \e, \n, \t, \x9b, so nothing another user wrote can set the
/// window title (OSC 0), the clipboard (OSC 52), clear the screen or move the cursor.
/// </summary>
public static class TerminalText
{
    private static readonly SearchValues<char> Controls = SearchValues.Create(ControlChars(keepLayout: false));
    private static readonly SearchValues<char> ControlsButLayout = SearchValues.Create(ControlChars(keepLayout: true));

    /// <summary>A single field (a table cell, a name in a message): every control escaped, newlines and tabs too.</summary>
    public static string Escape(string? text) =>
        text is null ? "" : text.AsSpan().ContainsAny(Controls) ? EscapeSlow(text, keepLayout: false) : text;

    /// <summary>Whole output (lines NetTui composed): newline and tab are NetTui's own layout and stay.</summary>
    public static string EscapeKeepingLayout(ReadOnlySpan<char> text) =>
        text.ContainsAny(ControlsButLayout) ? EscapeSlow(text, keepLayout: true) : text.ToString();

    /// <summary>Whether the text needs no escaping in whole output.</summary>
    public static bool IsSafeOutput(ReadOnlySpan<char> text) => !text.ContainsAny(ControlsButLayout);

    private static string EscapeSlow(ReadOnlySpan<char> text, bool keepLayout)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (!IsControl(c) || (keepLayout && c is '\n' or '\t')) { sb.Append(c); continue; }
            sb.Append(c switch
            {
                '\x1b' => "\\e",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => $"\\x{(int)c:x2}",
            });
        }
        return sb.ToString();
    }

    private static bool IsControl(char c) => c < 0x20 || (c >= 0x7f && c <= 0x9f);

    private static string ControlChars(bool keepLayout)
    {
        var sb = new StringBuilder();
        for (var c = '\0'; c <= '\x9f'; c++)
            if (IsControl(c) && !(keepLayout && c is '\n' or '\t')) sb.Append(c);
        return sb.ToString();
    }
}
