using System.Globalization;

namespace NetTui.Cli.History;

/// <summary>
/// The argument of `rollback --to`: a change-set id ("12", "#12"; "0" or "start" = before the
/// first) or a time ("14:02" = today, "2026-11-28 14:02", ISO 8601; local time unless an
/// offset or Z is given).
/// </summary>
public sealed record RollbackPoint(long? Id, DateTimeOffset? Time)
{
    public static RollbackPoint? Parse(string text)
    {
        var t = text.Trim();
        if (t is "start" or "beginning") return new(0, null);
        var id = t.StartsWith('#') ? t[1..] : t;
        if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return new(n, null);
        return DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal | DateTimeStyles.AllowWhiteSpaces, out var time)
            ? new(null, time)
            : null;
    }
}
