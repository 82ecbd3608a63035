namespace NetTui.Core.Logs;

/// <summary>
/// Which lines the Logs view shows for a selected object: those that name it as a word
/// ("gre0" matches "device gre0 (No such" and "'gre0'", not "gre01" or "gre0.100"). An empty
/// name shows everything.
/// </summary>
public static class LogFilter
{
    public static bool Matches(LogLine line, string? name)
    {
        if (string.IsNullOrEmpty(name)) return true;
        var text = line.Message;
        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
            if (!NamePart(text, at - 1) && !NamePart(text, at + name.Length, after: true)) return true;
        return false;
    }

    // Interface, bridge and container names are letters, digits, '_', '-', and '.' followed by a digit (a VLAN).
    private static bool NamePart(string text, int i, bool after = false)
    {
        if (i < 0 || i >= text.Length) return false;
        var c = text[i];
        if (char.IsAsciiLetterOrDigit(c) || c is '_' or '-') return true;
        return c == '.' && after && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]);
    }
}
