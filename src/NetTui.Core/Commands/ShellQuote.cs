using System.Text;

namespace NetTui.Core.Commands;

/// <summary>Quotes argv for display only; NetTui never hands these strings to a shell.</summary>
public static class ShellQuote
{
    public static string Quote(string arg)
    {
        if (arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=@,+%".Contains(c)))
            return arg;
        return "'" + arg.Replace("'", "'\\''") + "'";
    }

    public static string Join(IEnumerable<string> argv)
    {
        var sb = new StringBuilder();
        foreach (var a in argv)
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(Quote(a));
        }
        return sb.ToString();
    }
}
