using System.Globalization;

namespace NetTui.History.Storage;

/// <summary>
/// Timestamps are stored as fixed-width UTC text ("2026-11-28T14:02:11.123Z"): readable in the
/// sqlite3 shell during an incident, and string order equals time order so SQL can compare them.
/// </summary>
internal static class JournalTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string ToText(DateTimeOffset t) =>
        t.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset FromText(string s) =>
        new(DateTime.ParseExact(s, Format, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);

    public static DateTimeOffset? FromNullable(object? value) =>
        value is string s ? FromText(s) : null;
}
