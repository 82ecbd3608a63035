using System.Diagnostics;

namespace NetTui.Bench;

/// <summary>One measured quantity: its samples and their median (what the report shows).</summary>
public sealed record Result(string Name, string Unit, double[] Samples, string Method, string? Note = null)
{
    public double Median => Measure.Median(Samples);
}

/// <summary>A plain Stopwatch harness: warm-up runs first (JIT, caches), then the timed runs.</summary>
public static class Measure
{
    public static double[] Times(int warmup, int runs, Action action)
    {
        for (int i = 0; i < warmup; i++) action();
        var samples = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            // A collection between samples, so one sample does not pay for the last one's garbage.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var sw = Stopwatch.StartNew();
            action();
            samples[i] = sw.Elapsed.TotalMilliseconds;
        }
        return samples;
    }

    public static double Median(IReadOnlyList<double> samples)
    {
        if (samples.Count == 0) return double.NaN;
        var s = samples.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }
}
