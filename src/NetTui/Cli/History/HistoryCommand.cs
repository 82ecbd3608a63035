using System.CommandLine;
using NetTui.Cli.Render;
using NetTui.Cli.Verbs;
using NetTui.Presentation.History;

namespace NetTui.Cli.History;

/// <summary>`nettui history [ID] [--json] [--limit N]`: the journal, newest first, or one change-set in detail.</summary>
public static class HistoryCommand
{
    public static Command Create(ChangeHost host)
    {
        var cmd = new Command("history", "Show the changes NetTui made (newest first), or one of them in detail");
        var id = new Argument<long?>("ID") { Arity = ArgumentArity.ZeroOrOne, Description = "Show this change-set with its commands and facts" };
        var json = new Option<bool>("--json") { Description = "Print as JSON" };
        var limit = new Option<int>("--limit") { Description = "How many change-sets to list", DefaultValueFactory = _ => 50, HelpName = "N" };
        cmd.Add(id);
        cmd.Add(json);
        cmd.Add(limit);
        cmd.SetAction(async (r, ct) =>
        {
            using var changes = host.Changes(r);
            var journal = HistorySupport.OpenJournal(host, changes);
            if (journal is null) return HistorySupport.Refused;
            // Crash leftovers are reported on every start, here too (stderr: the listing stays parseable).
            await HistorySupport.ReportStartupAsync(host, journal, ct).ConfigureAwait(false);
            if (await NetTui.History.Locking.ApplyLock.ReadHolderAsync(journal.Database, ct).ConfigureAwait(false) is { } holder)
                await host.Err.WriteLineAsync($"note: a change is being applied now by {holder}").ConfigureAwait(false);
            var now = journal.Time.GetUtcNow();

            if (r.GetValue(id) is { } one)
            {
                var detail = await journal.GetAsync(one, ct).ConfigureAwait(false);
                if (detail is null) return await HistorySupport.FailAsync(host, r.GetValue(json), HistorySupport.Refused, $"there is no change-set #{one}").ConfigureAwait(false);
                if (r.GetValue(json)) await host.Out.WriteLineAsync(HistorySupport.Json(detail)).ConfigureAwait(false);
                else foreach (var line in HistoryRows.Detail(detail, now)) await host.Out.WriteLineAsync(line).ConfigureAwait(false);
                return 0;
            }

            if (r.GetValue(limit) < 1) return await HistorySupport.FailAsync(host, r.GetValue(json), HistorySupport.Usage, "--limit must be at least 1").ConfigureAwait(false);
            var rows = await journal.ListAsync(r.GetValue(limit), ct: ct).ConfigureAwait(false);
            if (r.GetValue(json)) await host.Out.WriteLineAsync(HistorySupport.Json(rows)).ConfigureAwait(false);
            else if (rows.Count == 0) await host.Out.WriteLineAsync("no changes recorded yet").ConfigureAwait(false);
            else
                foreach (var line in TextTable.Format(HistoryRows.Headers, rows.Select(cs => HistoryRows.Cells(HistoryRows.Of(cs, now)))))
                    await host.Out.WriteLineAsync(line).ConfigureAwait(false);
            return 0;
        });
        return cmd;
    }
}
