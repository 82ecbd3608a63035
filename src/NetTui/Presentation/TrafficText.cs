using System.Globalization;

namespace NetTui.Presentation;

/// <summary>Rates and counts as short text for narrow columns (TUI and `nettui stats`).</summary>
public static class TrafficText
{
    private static readonly string[] Units = ["B", "K", "M", "G", "T"];

    /// <summary>Bytes per second in 1024 steps, at most 6 characters: "0", "512B", "1.5K", "980M"; null (no rate yet) is "-".</summary>
    public static string Rate(double? bytesPerSecond)
    {
        if (bytesPerSecond is not { } v) return "-";
        if (v < 0.5) return "0";
        return Size(v);
    }

    /// <summary>A count in the same steps (packets, drops): "0", "17", "1.2K".</summary>
    public static string Count(ulong n) => n < 1000 ? n.ToString(CultureInfo.InvariantCulture) : Size(n).TrimEnd('B');

    /// <summary>A byte total: "980B", "1.5K", "12G".</summary>
    public static string Bytes(ulong n) => Size(n);

    private static string Size(double v)
    {
        var unit = 0;
        while (v >= 1000 && unit < Units.Length - 1)
        {
            v /= 1024;
            unit++;
        }
        var number = v < 10 && unit > 0 ? v.ToString("0.0", CultureInfo.InvariantCulture) : v.ToString("0", CultureInfo.InvariantCulture);
        return number + Units[unit];
    }

    /// <summary>One character per value from ▁ to █, scaled to the largest (all blank-level when idle).</summary>
    public static string Sparkline(IReadOnlyList<double> values)
    {
        const string Levels = "▁▂▃▄▅▆▇█";
        if (values.Count == 0) return "";
        var max = values.Max();
        var chars = new char[values.Count];
        for (var i = 0; i < values.Count; i++)
            chars[i] = max <= 0 ? Levels[0] : Levels[(int)Math.Round(values[i] / max * (Levels.Length - 1))];
        return new string(chars);
    }
}
