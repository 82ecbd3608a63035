using NetTui.Cli.Json;
using System.CommandLine;
using NetTui.Cli.Verbs;
using NetTui.History.Journaling;
using NetTui.Recording;

namespace NetTui.Cli.History;

/// <summary>
/// `nettui confirm [ID]`: keep a change applied with --confirm-within (all awaiting ones, in the
/// --netns namespace if given, when no ID). Exit 1 when there was nothing to confirm or it came
/// too late (the watchdog is rolling it back, or has).
/// </summary>
public static class ConfirmCommand
{
    public static Command Create(ChangeHost host)
    {
        var cmd = new Command("confirm", "Keep a change made with --confirm-within before its rollback deadline");
        var id = new Argument<long?>("ID") { Arity = ArgumentArity.ZeroOrOne, Description = "The change-set to keep (default: every one awaiting confirmation)" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        cmd.Add(id);
        cmd.Add(json);
        cmd.SetAction(async (r, ct) =>
        {
            var asJson = r.GetValue(json);
            var journal = HistorySupport.OpenJournal(host, r);
            if (journal is null) return HistorySupport.Usage;

            List<long> ids;
            if (r.GetValue(id) is { } one) ids = [one];
            else
            {
                var netns = HistorySupport.Netns(host, r);
                ids = [.. (await journal.AwaitingConfirmationAsync(ct).ConfigureAwait(false))
                    .Where(cs => netns is null || cs.Namespace == netns).Select(cs => cs.Id)];
                if (ids.Count == 0)
                    return await HistorySupport.FailAsync(host, asJson, HistorySupport.Refused, "no change awaits confirmation").ConfigureAwait(false);
            }

            var results = new List<(long Id, ConfirmOutcome Outcome)>();
            var checkpoints = new NmCheckpoints(host.BusAddress);
            foreach (var i in ids)
            {
                // Also destroys the change's NetworkManager checkpoint, if it has one.
                var done = await Confirmation.ConfirmAsync(journal, i, checkpoints, ct).ConfigureAwait(false);
                if (done.Warning is not null) await host.Err.WriteLineAsync($"nettui: {done.Warning}").ConfigureAwait(false);
                results.Add((i, done.Outcome));
            }
            var ok = results.All(x => x.Outcome == ConfirmOutcome.Confirmed);
            if (asJson)
                await host.Out.WriteLineAsync(HistorySupport.Json(new ConfirmDocument(
                    ok ? "confirmed" : "refused",
                    ok ? 0 : HistorySupport.Refused,
                    [.. results.Select(x => new ConfirmedRow(x.Id, x.Outcome))]))).ConfigureAwait(false);
            else
                foreach (var (i, outcome) in results)
                    await (outcome == ConfirmOutcome.Confirmed ? host.Out : host.Err).WriteLineAsync(Message(i, outcome)).ConfigureAwait(false);
            return ok ? 0 : HistorySupport.Refused;
        });
        return cmd;
    }

    private static string Message(long id, ConfirmOutcome outcome) => outcome switch
    {
        ConfirmOutcome.Confirmed => $"#{id} confirmed: the change stays",
        ConfirmOutcome.TooLate => $"nettui: #{id}: too late, its deadline passed and it is being (or has been) rolled back",
        ConfirmOutcome.NotAwaitingConfirmation => $"nettui: #{id} is not awaiting confirmation",
        _ => $"nettui: there is no change-set #{id}",
    };
}
