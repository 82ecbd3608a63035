using NetTui.Core.Model;
using NetTui.Host.Inventory;
using NetTui.Host.Inventory.IpRoute2;
using NetTui.Host.Inventory.Ovs;
using NetTui.Host.Inventory.Parsing;
using NetTui.Presentation;

namespace NetTui.Bench;

/// <summary>
/// In-process pieces on data captured from the scale namespace: parsing the route dump,
/// building the whole snapshot from canned tool output, the routes presenter over every
/// route, and the JSON that `show --json` writes.
/// </summary>
public static class MicroBench
{
    public static async Task<List<Result>> RunAsync(string dumps, int runs)
    {
        const string method = "in-process Stopwatch, 1 warm-up";
        var results = new List<Result>();
        var route4 = await File.ReadAllBytesAsync(Path.Combine(dumps, "route4.json"));
        var mb = route4.Length / 1e6;

        results.Add(new($"parse route dump ({mb:0.0} MB, span)", "ms",
            Measure.Times(1, runs, () => IpRouteParser.Parse(route4, AddressFamily.Inet, new StringPool())), method));
        results.Add(new($"parse route dump ({mb:0.0} MB, streamed from a file)", "ms",
            Measure.Times(1, runs, () =>
            {
                using var f = File.OpenRead(Path.Combine(dumps, "route4.json"));
                IpRouteParser.ParseAsync(f, AddressFamily.Inet, new StringPool()).GetAwaiter().GetResult();
            }), method));

        var ovs = new OvsReader(new CannedRunner(new Dictionary<string, string>()), "unix:/bench/db.sock");
        var runner = CannedRunner.FromDumps(dumps, ovs.Command);
        // A bus address where nothing listens: the NetworkManager probe fails at once, as on a host without it.
        var inventory = new HostInventory(runner, new InventoryOptions("unix:/bench/db.sock", "unix:///nonexistent/docker.sock", "unix:path=/nonexistent/bus"));
        HostSnapshot snapshot = null!;
        results.Add(new("build snapshot (all parts, canned tool output)", "ms",
            Measure.Times(1, runs, () => snapshot = inventory.ReadAsync(InventoryParts.All).GetAwaiter().GetResult()), method,
            $"{snapshot.Links.Length} links, {snapshot.Routes.Length} routes"));

        IRowSet set = null!;
        results.Add(new($"routes presenter ({snapshot.Routes.Length} rows) + first screen", "ms",
            Measure.Times(1, runs, () =>
            {
                set = RoutesPresenter.Rows(new SnapshotIndex(snapshot));
                var rows = new ViewRows(set, new ViewState());
                for (int r = 0; r < 50 && r < rows.Count; r++)
                    for (int c = 0; c < set.ColumnNames.Count; c++) _ = rows.Cell(r, c);
            }), method));
        results.Add(new("routes filter, first keystroke '1' (all rows scanned)", "ms",
            Measure.Times(1, runs, () => _ = new ViewRows(set, new ViewState { Filter = "1" })), method));
        results.Add(new("routes filter '10.1.2.25' typed at once", "ms",
            Measure.Times(1, runs, () => _ = new ViewRows(set, new ViewState { Filter = "10.1.2.25" })), method));
        results.Add(new("routes sort by destination", "ms",
            Measure.Times(1, Math.Min(runs, 3), () => _ = new ViewRows(set, new ViewState { SortColumn = 2 })), method));
        results.Add(new("interfaces presenter + first screen", "ms",
            Measure.Times(1, runs, () =>
            {
                var ix = new SnapshotIndex(snapshot);
                var rows = new ViewRows(InterfacesPresenter.Rows(ix), new ViewState());
                for (int r = 0; r < 50 && r < rows.Count; r++)
                    for (int c = 0; c < rows.Set.ColumnNames.Count; c++) _ = rows.Cell(r, c);
            }), method));
        results.Add(new("snapshot JSON (show --json all) to a stream", "ms",
            Measure.Times(1, runs, () => SnapshotJson.WriteSnapshotAsync(Stream.Null, snapshot).GetAwaiter().GetResult()), method));
        return results;
    }
}
