namespace NetTui.Bench;

/// <summary>
/// The targets of issue 13 ("one native binary that opens as fast as nmtui"), each judged
/// from this run's medians: a peer measured in the same run (nmtui, iproute2) where the
/// target is a ratio, an absolute bound otherwise. NaN (not measured) is never "met".
/// </summary>
public static class Targets
{
    /// <summary>Medians (ms, MB) of the external commands bench/run.sh timed.</summary>
    public sealed record Commands(double FloorIssue, double FloorSame, double ShowAll, double ShowRssMb, double ShowLinks, double Nmcli,
        double FloorSmall, double ShowAllSmall, double Version);

    /// <summary>The tmux samples: first screens (scale, small host, nmtui on the small host), live updates, TUI peak RSS.</summary>
    public sealed record Tmux(double[] First, double[] SmallFirst, double[] NmtuiFirst, double[] Live, double[] RssMb);

    public static List<TargetResult> Evaluate(IReadOnlyList<Result> results, Commands c, Tmux t)
    {
        double small = Measure.Median(t.SmallFirst), nmtui = Measure.Median(t.NmtuiFirst), scale = Measure.Median(t.First);
        double live = Measure.Median(t.Live), tuiRss = Measure.Median(t.RssMb);
        double liveInProc = results.FirstOrDefault(r => r.Name.StartsWith("live update", StringComparison.Ordinal))?.Median ?? double.NaN;
        return
        [
            Ratio("TUI first screen, small host <= 2x nmtui's first screen (tmux, same bus)", small, nmtui, 2),
            Bound("TUI first screen at scale <= 500 ms (tmux)", scale, 500, "ms"),
            Bound("nettui --version <= 15 ms", c.Version, 15, "ms"),
            Ratio("show --json all, small host <= 3x ip -j link/addr/route there", c.ShowAllSmall, c.FloorSmall, 3),
            Ratio("show --json all at scale <= 1.2x the iproute2 floor (issue's 3 commands)", c.ShowAll, c.FloorIssue, 1.2),
            Ratio("  (information) the same against everything nettui reads", c.ShowAll, c.FloorSame, 1.2),
            Ratio("device list faster than nmcli -t device", c.ShowLinks, c.Nmcli, 1),
            Bound("keypress -> redraw <= 30 ms at 120x40, slowest key (scroll, page, end, filter keystroke, Esc)", WorstKey(results, "120x40"), 30, "ms"),
            Bound("keypress -> redraw <= 30 ms at 200x50, slowest key", WorstKey(results, "200x50"), 30, "ms"),
            Bound("filter scan over every route (Enter) <= 50 ms", Scan(results), 50, "ms"),
            Bound("live update <= 150 ms (in-process)", liveInProc, 150, "ms"),
            Bound("live update <= 150 ms (tmux)", live, 150, "ms"),
            Bound("peak RSS at scale <= 150 MB (TUI)", tuiRss, 150, "MB"),
            Bound("peak RSS at scale <= 150 MB (show --json all)", c.ShowRssMb, 150, "MB"),
            Bound("counters of every link: one refresh <= 20 ms CPU (issue 23)",
                results.FirstOrDefault(r => r.Name.StartsWith(CountersBench.Name, StringComparison.Ordinal))?.Median ?? double.NaN, 20, "ms"),
        ];
    }

    private static TargetResult Ratio(string target, double value, double peer, double limit) =>
        new(target, $"{value / peer:0.00}x ({value:0} vs {peer:0} ms)", value <= limit * peer);

    private static TargetResult Bound(string target, double value, double limit, string unit) =>
        new(target, $"{value:0.0} {unit}", value <= limit);

    private const string KeyMethod = "in-process headless (InjectKey";

    /// <summary>The slowest key's median at one screen size; the deferred filter scan is judged by <see cref="Scan"/>.</summary>
    private static double WorstKey(IReadOnlyList<Result> results, string size) =>
        results.Where(r => r.Method.StartsWith(KeyMethod, StringComparison.Ordinal) && r.Name.StartsWith(size + " ", StringComparison.Ordinal)
                           && !r.Name.Contains("(the scan)", StringComparison.Ordinal))
            .Select(r => r.Median).DefaultIfEmpty(double.NaN).Max();

    /// <summary>The filter's scan over the largest view (the routes), at any size.</summary>
    private static double Scan(IReadOnlyList<Result> results) =>
        results.Where(r => r.Method.StartsWith(KeyMethod, StringComparison.Ordinal) && r.Name.Contains("Routes", StringComparison.Ordinal)
                           && r.Name.Contains("(the scan)", StringComparison.Ordinal))
            .Select(r => r.Median).DefaultIfEmpty(double.NaN).Max();
}
