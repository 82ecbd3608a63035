using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetTui.Bench;

/// <summary>
/// Joins one run's measurements (the shell's *.samples files and the harness's JSON) into
/// the table bench/run.sh prints and the JSON it writes, with the targets of issue 9.
/// </summary>
public static class Report
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // A measurement that did not happen is NaN, written as "NaN" rather than failing the report.
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static int Print(string dir, string? jsonPath)
    {
        var meta = File.ReadAllLines(Path.Combine(dir, "meta.txt"))
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        var results = new List<Result>();

        // External commands: "<microseconds> <peak RSS kB>" per line.
        double Cmd(string name, out double rssMb)
        {
            rssMb = double.NaN;
            var path = Path.Combine(dir, name + ".samples");
            if (!File.Exists(path)) return double.NaN;
            var rows = File.ReadAllLines(path).Select(l => l.Split(' ')).Where(p => p.Length >= 2).ToArray();
            var ms = rows.Select(p => double.Parse(p[0]) / 1000).ToArray();
            var rss = rows.Select(p => double.TryParse(p[1], out var k) ? k / 1024 : double.NaN).ToArray();
            results.Add(new(name, "ms", ms, "wall time of the command, bash + /usr/bin/time"));
            rssMb = Measure.Median(rss);
            results.Add(new(name + " peak RSS", "MB", rss, "/usr/bin/time %M"));
            return Measure.Median(ms);
        }
        var floorIssue = Cmd("floor_issue", out _);
        var floorSame = Cmd("floor_same_reads", out _);
        var showAll = Cmd("nettui_show_all", out var showRss);
        Cmd("nettui_show_all_ipjson", out _);
        var showLinks = Cmd("nettui_show_links", out _);
        var nmcli = Cmd("nmcli_device", out _);

        // TUI in tmux: "<first ms> <live ms> <VmHWM kB>" per run; small host: "<first ms>".
        double[] Col(string file, int col) => File.Exists(Path.Combine(dir, file))
            ? File.ReadAllLines(Path.Combine(dir, file)).Select(l => l.Split(' ')).Where(p => p.Length > col)
                .Select(p => double.TryParse(p[col], out var v) ? v : double.NaN).ToArray()
            : [];
        var tmuxFirst = Col("tui_tmux.samples", 0);
        var tmuxLive = Col("tui_tmux.samples", 1);
        var tmuxRss = Col("tui_tmux.samples", 2).Select(k => k / 1024).ToArray();
        var smallFirst = Col("tui_small_tmux.samples", 0);
        results.Add(new("TUI start -> first complete screen (scale)", "ms", tmuxFirst, "tmux capture-pane polling (coarse)"));
        results.Add(new("TUI start -> first complete screen (small host)", "ms", smallFirst, "tmux capture-pane polling (coarse)"));
        results.Add(new("TUI live update: link added -> on screen", "ms", tmuxLive, "tmux capture-pane polling (coarse)"));
        results.Add(new("TUI peak RSS (VmHWM)", "MB", tmuxRss, "/proc/PID/status"));

        foreach (var file in new[] { "tui_inproc.json", "micro.json" })
            if (File.Exists(Path.Combine(dir, file)))
                results.AddRange(JsonSerializer.Deserialize<List<Result>>(File.ReadAllText(Path.Combine(dir, file)), Json) ?? []);

        // The slowest key (median of its samples, wall time) at one screen size.
        double WorstKey(string size) =>
            results.Where(r => r.Method.StartsWith("in-process headless (InjectKey", StringComparison.Ordinal)
                               && r.Name.StartsWith(size + " ", StringComparison.Ordinal))
                .Select(r => r.Median).DefaultIfEmpty(double.NaN).Max();
        var worstKey = WorstKey("120x40");
        var worstKeyLarge = WorstKey("200x50");
        var liveInProc = results.FirstOrDefault(r => r.Name.StartsWith("live update", StringComparison.Ordinal))?.Median ?? double.NaN;

        var targets = new List<(string Target, string Measured, bool Met)>
        {
            ("inventory <= 1.2x the iproute2 floor (issue's 3 commands)", $"{showAll / floorIssue:0.00}x ({showAll:0} vs {floorIssue:0} ms)", showAll <= 1.2 * floorIssue),
            ("inventory <= 1.2x the same reads by iproute2/ovs-vsctl", $"{showAll / floorSame:0.00}x ({showAll:0} vs {floorSame:0} ms)", showAll <= 1.2 * floorSame),
            ("device list faster than nmcli -t device", $"{showLinks / nmcli:0.00}x ({showLinks:0} vs {nmcli:0} ms)", showLinks < nmcli),
            ("first screen <= 1 s at scale (tmux)", $"{Measure.Median(tmuxFirst):0} ms", Measure.Median(tmuxFirst) <= 1000),
            ("first screen <= 300 ms small host (tmux)", $"{Measure.Median(smallFirst):0} ms", Measure.Median(smallFirst) <= 300),
            ("keypress -> redraw <= 30 ms, 120x40 (slowest key's median, in-process)", $"{worstKey:0.0} ms", worstKey <= 30),
            ("keypress -> redraw <= 30 ms, 200x50 (slowest key's median, in-process)", $"{worstKeyLarge:0.0} ms", worstKeyLarge <= 30),
            ("live update <= 200 ms (in-process)", $"{liveInProc:0} ms", liveInProc <= 200),
            ("live update <= 200 ms (tmux)", $"{Measure.Median(tmuxLive):0} ms", Measure.Median(tmuxLive) <= 200),
            ("peak RSS <= 250 MB (TUI)", $"{Measure.Median(tmuxRss):0} MB", Measure.Median(tmuxRss) <= 250),
            ("peak RSS <= 250 MB (show --json all)", $"{showRss:0} MB", showRss <= 250),
        };

        Console.WriteLine();
        Console.WriteLine($"NetTui benchmark: {meta.GetValueOrDefault("links")} links, {meta.GetValueOrDefault("routes4")} IPv4 + {meta.GetValueOrDefault("routes6")} IPv6 routes; " +
                          $"{meta.GetValueOrDefault("cpus")} cores, kernel {meta.GetValueOrDefault("kernel")}; load {meta.GetValueOrDefault("load_before")} before, {meta.GetValueOrDefault("load_after")} after; median of {meta.GetValueOrDefault("runs")}");
        Console.WriteLine();
        Console.WriteLine($"| {"measurement",-78} | {"median",10} | method");
        Console.WriteLine($"|{new string('-', 80)}|{new string('-', 12)}|-------");
        foreach (var r in results)
            Console.WriteLine($"| {r.Name,-78} | {r.Median,7:0.0} {r.Unit,-2} | {r.Method}{(r.Note is null ? "" : "; " + r.Note)}");
        Console.WriteLine();
        Console.WriteLine("| target | measured | met");
        Console.WriteLine("|---|---|---");
        foreach (var t in targets) Console.WriteLine($"| {t.Target} | {t.Measured} | {(t.Met ? "yes" : "NO")}");

        if (jsonPath is not null)
        {
            var doc = new JsonObject
            {
                ["meta"] = JsonSerializer.SerializeToNode(meta, Json),
                ["results"] = JsonSerializer.SerializeToNode(results.Select(r => new { r.Name, r.Unit, r.Median, r.Samples, r.Method, r.Note }), Json),
                ["targets"] = JsonSerializer.SerializeToNode(targets.Select(t => new { t.Target, t.Measured, t.Met }), Json),
            };
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(jsonPath))!);
            File.WriteAllText(jsonPath, doc.ToJsonString(Json));
            File.Copy(jsonPath, Path.Combine(dir, "results.json"), overwrite: true);
            Console.WriteLine($"\nwritten: {jsonPath}");
        }
        return 0;
    }
}
