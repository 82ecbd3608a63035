using System.Runtime.CompilerServices;
using System.Text.Json;

namespace NetTui.Bench;

/// <summary>
/// bench/run.sh's in-process half:
///   tui    --netns NS [--ovs-db DB] --runs N --out FILE [--live-only]   the main window over the real inventory
///   micro  --dumps DIR --runs N --out FILE                parsing, snapshot, presenters, JSON
///   counters --netns NS --runs N --out FILE               one traffic refresh (netlink counters of every link)
///   report --dir RESULTS --json FILE                      the table of everything measured
/// </summary>
public static class Program
{
    [ModuleInitializer]
    internal static void Headless() =>
        // Terminal.Gui's ANSI driver would write to /dev/tty; the harness draws into memory only.
        Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");

    public static async Task<int> Main(string[] args)
    {
        string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        int runs = int.TryParse(Arg("--runs"), out var n) ? n : 5;
        switch (args.FirstOrDefault())
        {
            case "tui":
                Save(await TuiBench.RunAsync(Arg("--netns") ?? throw new ArgumentException("--netns"), Arg("--ovs-db"), runs, args.Contains("--live-only")), Arg("--out"));
                return 0;
            case "micro":
                Save(await MicroBench.RunAsync(Arg("--dumps") ?? throw new ArgumentException("--dumps"), runs), Arg("--out"));
                return 0;
            case "counters":
                Save(CountersBench.Run(Arg("--netns") ?? throw new ArgumentException("--netns"), runs), Arg("--out"));
                return 0;
            case "parity":
                return Parity.Check(Arg("--netns") ?? throw new ArgumentException("--netns"), Arg("--dumps") ?? throw new ArgumentException("--dumps"));
            case "report":
                return Report.Print(Arg("--dir") ?? throw new ArgumentException("--dir"), Arg("--json"));
            default:
                Console.Error.WriteLine("usage: NetTui.Bench tui|micro|report ... (see bench/run.sh)");
                return 2;
        }
    }

    private static void Save(List<Result> results, string? path)
    {
        foreach (var r in results)
            Console.WriteLine($"  {r.Name,-64} {r.Median,9:0.0} {r.Unit}{(r.Note is null ? "" : "  (" + r.Note + ")")}");
        if (path is not null)
            File.WriteAllText(path, JsonSerializer.Serialize(results, BenchJson.Default.ListResult));
    }
}
