using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetTui.Bench;

/// <summary>
/// Joins one run's measurements (the shell's *.samples files and the harness's JSON) into
/// the table bench/run.sh prints and the JSON it writes, with the targets of issue 13 (Targets).
/// </summary>
public static class Report
{
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
        results.Add(new("nmtui start -> first screen (small host, its own NetworkManager, same bus as nettui)", "ms", Col("nmtui_small_tmux.samples", 0), "tmux capture-pane polling (coarse)"));
        results.Add(new("TUI live update: link added -> on screen", "ms", tmuxLive, "tmux capture-pane polling (coarse)"));
        results.Add(new("TUI peak RSS (VmHWM)", "MB", tmuxRss, "/proc/PID/status"));

        foreach (var file in new[] { "tui_inproc.json", "micro.json", "counters.json" })
            if (File.Exists(Path.Combine(dir, file)))
                results.AddRange(JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(dir, file)), BenchJson.Default.ListResult) ?? []);

        var targets = Targets.Evaluate(results, new Targets.Commands(floorIssue, floorSame, showAll, showRss, showLinks, nmcli,
            Cmd("floor_small", out _), Cmd("nettui_show_all_small", out _), Cmd("nettui_version", out _)),
            new Targets.Tmux(tmuxFirst, smallFirst, Col("nmtui_small_tmux.samples", 0), tmuxLive, tmuxRss));

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
                ["meta"] = JsonSerializer.SerializeToNode(meta, BenchJson.Default.DictionaryStringString),
                ["results"] = JsonSerializer.SerializeToNode(results, BenchJson.Default.ListResult),
                ["targets"] = JsonSerializer.SerializeToNode(targets, BenchJson.Default.ListTargetResult),
            };
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(jsonPath))!);
            File.WriteAllText(jsonPath, doc.ToJsonString(BenchJson.Default.Options));
            File.Copy(jsonPath, Path.Combine(dir, "results.json"), overwrite: true);
            Console.WriteLine($"\nwritten: {jsonPath}");
        }
        return 0;
    }
}
