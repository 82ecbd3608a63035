using System.CommandLine;
using NetTui.Cli.Verbs;
using NetTui.History.Journaling;
using NetTui.Recording;

namespace NetTui.Cli.History;

/// <summary>
/// `nettui watchdog --change-set ID --history DB [--netns NS] [--ovs-db ...]` (hidden): the
/// detached process started by a change made with --confirm-within. It waits for `nettui
/// confirm` or the deadline (ConfirmWatchdog), and rolls the change back through the executor,
/// journaled as a rollback change-set, when the deadline passes unconfirmed or the applying
/// process died mid-change. It reports through the journal and the log, never the terminal.
/// </summary>
public static class WatchdogCommand
{
    public static Command Create(ChangeHost host, CliContext cli)
    {
        var cmd = new Command("watchdog", "Internal: the commit-confirmed watchdog (started by --confirm-within)") { Hidden = true };
        var id = new Option<long>("--change-set") { Required = true };
        cmd.Add(id);
        cmd.SetAction(async (r, ct) =>
        {
            var log = cli.CreateLogger(r);
            using var changes = host.Changes(r);
            var journal = HistorySupport.OpenJournal(host, changes);
            if (journal is null) return HistorySupport.Refused;
            var changeSet = r.GetValue(id);
            using var access = changes.Access();
            var reverter = new Reverter(journal, access);
            try
            {
                var result = await new ConfirmWatchdog(journal).RunAsync(changeSet, async (cs, token) =>
                {
                    // Another change may be in flight: wait for it, however long, then look again.
                    await using var lease = await journal.AcquireApplyLockAsync($"watchdog: roll back #{changeSet}", TimeSpan.FromHours(1), token).ConfigureAwait(false);
                    var outcome = await reverter.RollBackUnconfirmedAsync(lease, changeSet, token).ConfigureAwait(false);
                    log.Information("watchdog #{ChangeSet}: {Message}", changeSet, outcome.Message);
                    // Nothing journaled and not done (the journal refused the rollback's change-set): roll back from memory.
                    if (!outcome.Succeeded && outcome.RevertId is null) throw new InvalidOperationException(outcome.Message);
                }, async (known, why, token) =>
                {
                    log.Warning("watchdog #{ChangeSet}: {Why}; rolling back from the plan kept in memory", changeSet, why);
                    var outcome = await reverter.RollBackFromMemoryAsync(known, token).ConfigureAwait(false);
                    log.Warning("watchdog #{ChangeSet}: {Message}", changeSet, outcome.Message);
                }, ct).ConfigureAwait(false);
                log.Information("watchdog #{ChangeSet} ends: {Outcome}: {Reason}", changeSet, result.Outcome, result.Reason);
                return 0;
            }
            catch (Exception e)
            {
                log.Error(e, "watchdog #{ChangeSet} failed", changeSet);
                return 1;
            }
            finally
            {
                (log as IDisposable)?.Dispose();
            }
        });
        return cmd;
    }
}
