using System.Globalization;

namespace NetTui.Presentation.Forms;

/// <summary>
/// Pure: a form's "confirm within" field. Empty applies normally; a number of seconds applies
/// commit-confirmed (rolled back unless confirmed in time), within the same bounds as the CLI's
/// --confirm-within.
/// </summary>
public static class ConfirmTimer
{
    public const string Label = "Confirm within";
    public const string Hint = "seconds; empty: keep at once. Set: rolled back unless you press c in time";
    public const int Max = 86400;

    public static (TimeSpan? Within, string? Error) Parse(string? text)
    {
        var t = (text ?? "").Trim();
        if (t.EndsWith('s')) t = t[..^1].TrimEnd();
        if (t.Length == 0) return (null, null);
        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= Max)
            return (TimeSpan.FromSeconds(s), null);
        return (null, $"'{text!.Trim()}' is not a number of seconds from 1 to {Max}");
    }
}
