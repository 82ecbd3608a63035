using System.CommandLine;
using NetTui.Cli.Render;
using NetTui.Core.Model;

namespace NetTui.Cli.Show;

/// <summary>
/// `nettui show [links|bridges|ovs|routes|containers|all] [--json]`: the read-only
/// inventory as tables or as the SnapshotJson document; `nettui show drift [--json]`: what
/// boot would build that differs from what runs now (<see cref="DriftReport"/>). Exit 0 when it ran (some sources
/// may be down, the Sources section says which), 1 when iproute2 itself could not be read.
/// </summary>
public static class ShowCommand
{
    public static Command Create(CliContext ctx)
    {
        var part = new Argument<string>("part")
        {
            Description = "What to show: " + string.Join(", ", ShowParts.Names),
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => "all",
        };
        part.AcceptOnlyFromAmong(ShowParts.Names);
        var json = new Option<bool>("--json") { Description = "Print the snapshot as JSON (docs/json-shape.md)" };

        var command = new Command("show", "Show the host's links, bridges, OVS, routes and containers") { part, json };
        command.SetAction(async (r, ct) =>
        {
            var log = ctx.CreateLogger(r);
            try
            {
                return await RunAsync(ctx, r, part, json, log, ct).ConfigureAwait(false);
            }
            finally
            {
                (log as IDisposable)?.Dispose(); // flush the file
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext ctx, ParseResult r, Argument<string> part, Option<bool> json, Serilog.ILogger log, CancellationToken ct)
    {
        Host.Diagnostics.PhaseTiming.Mark("show: parsed");
        if (ctx.Output is StreamWriter) SuspendCollections(); // the real CLI process, not a test host
        var target = ctx.Target(r);
        var which = ShowParts.Parse(r.GetValue(part));
        if (!target.IsCurrent && !File.Exists(target.NamespacePath))
        {
            await ctx.Error.WriteLineAsync($"nettui: no network namespace '{target.Namespace}' ({target.NamespacePath} does not exist)").ConfigureAwait(false);
            return 1;
        }
        log.Information("show {Part} in {Target}", which, target);
        var snapshot = await ctx.CreateInventory(r, log).ReadAsync(ShowParts.ToInventoryParts(which), ct).ConfigureAwait(false);

        if (which == ShowPart.Drift)
        {
            // Drift needs the whole picture annotated (a real full read is; a fake inventory in tests is not).
            if (snapshot.NetworkManager is null) snapshot = Core.Persisting.PersistenceAnnotator.Annotate(snapshot);
            var report = DriftReport.From(snapshot);
            if (r.GetValue(json)) await ctx.Output.WriteLineAsync(Json.CliJson.Document(report)).ConfigureAwait(false);
            else foreach (var line in DriftReport.Render(report)) await ctx.Output.WriteLineAsync(line).ConfigureAwait(false);
        }
        else if (r.GetValue(json))
            await WriteJsonAsync(ctx.Output, snapshot, ct).ConfigureAwait(false);
        else
            foreach (var line in SnapshotText.Render(snapshot, which))
                await ctx.Output.WriteLineAsync(line).ConfigureAwait(false);

        Host.Diagnostics.PhaseTiming.Mark("show: written");
        var ip = snapshot.Source(SourceKind.IpRoute2);
        if (ip is { Available: false })
        {
            await ctx.Error.WriteLineAsync($"nettui: cannot read the host: {ip.Reason}").ConfigureAwait(false);
            return 1;
        }
        return 0;
    }

    /// <summary>
    /// `show` reads, writes and exits: collecting garbage only costs it. At 200,000 routes it
    /// allocates ~110 MB, and the default gen0 budget made that 6-8 collections, each a full
    /// one over every live route (80-170 ms of pauses of a ~0.8 s run). Without collections up
    /// to this budget, peak RSS went from 145 to 163 MB there; past it (a bigger host) the
    /// runtime ends the region by itself and collects as usual.
    /// </summary>
    private static void SuspendCollections()
    {
        const long Budget = 192L << 20;
        try
        {
            GC.TryStartNoGCRegion(Budget);
        }
        catch (InvalidOperationException)
        {
            // Already in a region (a test host calling twice): nothing to do.
        }
        catch (ArgumentOutOfRangeException)
        {
            // A budget this runtime's GC configuration cannot grant: collect as usual.
        }
    }

    /// <summary>
    /// The JSON document, streamed into stdout when the writer is a stream (the real CLI):
    /// at 200,000 routes one big string would cost hundreds of MB. Tests' string writers
    /// get the same text the old way.
    /// </summary>
    private static async Task WriteJsonAsync(TextWriter output, HostSnapshot snapshot, CancellationToken ct)
    {
        if (output is StreamWriter { BaseStream: { CanWrite: true } stream } writer)
        {
            await writer.FlushAsync(ct).ConfigureAwait(false);
            await SnapshotJson.WriteSnapshotAsync(stream, snapshot, ct: ct).ConfigureAwait(false);
            await writer.WriteLineAsync().ConfigureAwait(false);
            return;
        }
        await output.WriteLineAsync(SnapshotJson.Serialize(snapshot)).ConfigureAwait(false);
    }
}
