using System.CommandLine;
using NetTui.Cli.Render;
using NetTui.Core.Traffic;

namespace NetTui.Cli.Stats;

/// <summary>
/// `nettui stats [--interval S] [--count N] [--json]`: every link's and OVS interface's
/// counters and rates, one report per interval (the first after one interval: a rate needs
/// two reads). Text is a table per report; --json is one JSON object per line. Without
/// --count it runs until interrupted. Exit 0, 1 when link counters cannot be read, 2 for usage.
/// </summary>
public static class StatsCommand
{
    public const double MinInterval = 0.1, MaxInterval = 3600;
    public const int MaxCount = 1_000_000;

    public static Command Create(CliContext ctx)
    {
        var interval = new Option<double>("--interval")
        {
            Description = $"Seconds between reports ({MinInterval}-{MaxInterval}, default 1)",
            HelpName = "S",
            DefaultValueFactory = _ => 1,
        };
        interval.Validators.Add(r =>
        {
            // Validators also run when the text is not a number (the parser reports that itself).
            if (r.Tokens.Count > 0 && double.TryParse(r.Tokens[^1].Value, System.Globalization.CultureInfo.InvariantCulture, out var v)
                && !(v >= MinInterval && v <= MaxInterval)) r.AddError($"--interval: {v} is not between {MinInterval} and {MaxInterval} seconds");
        });
        var count = new Option<int?>("--count") { Description = $"Stop after N reports (1-{MaxCount}; default: until interrupted)", HelpName = "N" };
        count.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && int.TryParse(r.Tokens[^1].Value, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is < 1 or > MaxCount) r.AddError($"--count: {n} is not between 1 and {MaxCount}");
        });
        var json = new Option<bool>("--json") { Description = "One JSON object per report and line (docs/json-shape.md)" };

        var command = new Command("stats", "Traffic counters and rates of every link and OVS interface") { interval, count, json };
        command.SetAction(async (r, ct) =>
        {
            var log = ctx.CreateLogger(r);
            try
            {
                return await RunAsync(ctx, r, TimeSpan.FromSeconds(r.GetValue(interval)), r.GetValue(count), r.GetValue(json), log, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return 0; // Ctrl-C ends an endless run: that is its normal end
            }
            finally
            {
                (log as IDisposable)?.Dispose();
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext ctx, ParseResult r, TimeSpan interval, int? count, bool json, Serilog.ILogger log, CancellationToken ct)
    {
        var target = ctx.Target(r);
        if (!target.IsCurrent && !File.Exists(target.NamespacePath))
        {
            await ctx.Error.WriteLineAsync($"nettui: no network namespace '{target.Namespace}' ({target.NamespacePath} does not exist)").ConfigureAwait(false);
            return 1;
        }
        var reader = ctx.CreateTrafficReader(r, log);
        var rates = new TrafficRates(TimeProvider.System);
        var first = await reader.ReadAsync(includeOvs: true, ct).ConfigureAwait(false);
        if (first.LinksFailure is { } why)
        {
            await ctx.Error.WriteLineAsync($"nettui: cannot read link counters: {why}").ConfigureAwait(false);
            return 1;
        }
        // OVS is optional: once down, it is said once and not asked again (no process per report for nothing).
        var includeOvs = first.OvsFailure is null;
        if (!includeOvs && !json) await ctx.Error.WriteLineAsync($"nettui: OVS statistics not read: {first.OvsFailure}").ConfigureAwait(false);
        rates.Observe(first.Sources);
        for (var n = 0; count is null || n < count; n++)
        {
            await Task.Delay(interval, ct).ConfigureAwait(false);
            var read = await reader.ReadAsync(includeOvs, ct).ConfigureAwait(false);
            if (!includeOvs) read = read with { OvsFailure = first.OvsFailure };
            rates.Observe(read.Sources);
            var doc = StatsReport.Document(DateTimeOffset.UtcNow, read, rates);
            if (json)
                await ctx.Output.WriteLineAsync(Json.CliJson.Line(doc)).ConfigureAwait(false);
            else
            {
                if (n > 0) await ctx.Output.WriteLineAsync().ConfigureAwait(false);
                foreach (var line in TextTable.Format(StatsReport.Headers, StatsReport.Rows(doc)))
                    await ctx.Output.WriteLineAsync(line).ConfigureAwait(false);
            }
            await ctx.Output.FlushAsync(ct).ConfigureAwait(false); // a script reading the pipe gets each report as it is made
        }
        return 0;
    }
}
