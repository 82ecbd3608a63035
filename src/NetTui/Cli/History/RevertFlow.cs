using NetTui.Cli.Json;
using System.CommandLine;
using NetTui.Cli.Verbs;
using NetTui.History.Journaling;
using NetTui.History.Locking;
using NetTui.History.Planning;
using NetTui.Recording;

namespace NetTui.Cli.History;

/// <summary>The options undo, redo and rollback share.</summary>
internal sealed record RevertOptions
{
    public Option<bool> Yes { get; } = new("--yes", "-y") { Description = "Do not ask before reverting (required when not on a terminal)" };
    public Option<bool> Json { get; } = new("--json") { Description = "Print the result as JSON" };
    public Option<bool> Force { get; } = new("--force")
    {
        Description = "Revert even where the host was changed since (the differences are still printed); without it such a revert is refused",
    };

    public Option<bool> RuntimeOnly { get; } = new("--runtime-only")
    {
        Description = "Revert only the runtime side of persisted changes (for when NetworkManager is down); their profiles stay and decide at boot",
    };

    public static RevertOptions AddTo(Command command)
    {
        var o = new RevertOptions();
        command.Add(o.RuntimeOnly);
        command.Add(o.Yes);
        command.Add(o.Json);
        command.Add(o.Force);
        return o;
    }
}

/// <summary>
/// Undo, redo and rollback --to: under the apply lock, plan from the journal, ask, then revert
/// the change-sets one by one, newest first. Before each, the host is compared with the facts
/// that change-set left ("after"); anything different is printed (key, expected, actual) and
/// the revert is refused unless the admin agrees on the terminal (or gave --force), because
/// reverting would overwrite a change someone made by hand. The sequence itself is
/// <see cref="RevertSequence"/>, shared with the TUI's History view; this adds the printing.
/// </summary>
internal static class RevertFlow
{
    public static async Task<int> RunAsync(
        ChangeHost host, ParseResult r, RevertOptions o, string verb, Func<Journal, NamespaceScope, CancellationToken, Task<UndoPlan>> plan, CancellationToken ct)
    {
        var json = r.GetValue(o.Json);
        if (host.MissingPrivilege() is { } unprivileged)
            return await HistorySupport.FailAsync(host, json, HistorySupport.Usage, unprivileged).ConfigureAwait(false);
        using var changes = host.Changes(r);
        var journal = HistorySupport.OpenJournal(host, changes);
        if (journal is null) return HistorySupport.Refused;
        await HistorySupport.ReportStartupAsync(host, journal, ct).ConfigureAwait(false);

        ApplyLock lease;
        try { lease = await journal.AcquireApplyLockAsync(verb, host.LockWait, ct).ConfigureAwait(false); }
        catch (JournalLockedException e) { return await HistorySupport.FailAsync(host, json, HistorySupport.Refused, e.Message).ConfigureAwait(false); }

        await using (lease.ConfigureAwait(false))
        {
            var p = await plan(journal, HistorySupport.Scope(host, r), ct).ConfigureAwait(false);
            if (!p.CanProceed)
                return await HistorySupport.FailAsync(host, json, HistorySupport.Refused, p.Refusal ?? $"nothing to {verb}").ConfigureAwait(false);

            using var access = changes.Access();
            // What will run, before asking: each change-set and the exact commands of its inverse.
            if (!json)
                foreach (var line in await RevertCommands.LinesAsync(journal, access, p, ct).ConfigureAwait(false))
                    await host.Out.WriteLineAsync(line).ConfigureAwait(false);
            if (!r.GetValue(o.Yes))
            {
                if (json || host.Ask is null)
                    return await HistorySupport.FailAsync(host, json, HistorySupport.Usage, $"not on a terminal: add --yes to {verb} without asking").ConfigureAwait(false);
                if (!host.Ask($"{verb} {p.Reverts.Length} change-set(s)?"))
                    return await HistorySupport.FailAsync(host, json, HistorySupport.Refused, "nothing was changed").ConfigureAwait(false);
            }

            var reverter = new Reverter(journal, access) { RuntimeOnly = r.GetValue(o.RuntimeOnly) };
            var run = await RevertSequence.RunAsync(reverter, lease, p.Reverts,
                async (revert, drift) =>
                {
                    if (!json)
                    {
                        await host.Err.WriteLineAsync($"nettui: the host changed since #{revert.Target.Id} ({revert.Target.Summary}):").ConfigureAwait(false);
                        foreach (var d in drift)
                            await host.Err.WriteLineAsync($"  {d.Key}: expected {d.Expected}, actual {d.Actual ?? "(absent)"}").ConfigureAwait(false);
                    }
                    return r.GetValue(o.Force) || (!json && host.Ask is not null && host.Ask($"{verb} #{revert.Target.Id} anyway, overwriting these changes?"));
                },
                async (outcome, skipped) =>
                {
                    // A Doctor fix that undo does not take back: rollback goes on past it and says so; undo and redo refuse (below).
                    if (json) return;
                    if (skipped) await host.Err.WriteLineAsync($"skipped: {outcome.Message}").ConfigureAwait(false);
                    else await (outcome.Succeeded ? host.Out : host.Err).WriteLineAsync(outcome.Succeeded ? outcome.Message : $"nettui: {outcome.Message}").ConfigureAwait(false);
                }, ct).ConfigureAwait(false);
            var done = run.Done;
            if (run.Drift is { } stop)
                return await HistorySupport.FailAsync(host, json, HistorySupport.Refused,
                    $"#{stop.Revert.Target.Id} was changed outside NetTui since; not reverted (nothing more was changed{(done.Length > 0 ? $" after {done.Length} revert(s)" : "")}; --force to overwrite)",
                    new DriftDetail(stop.Revert.Target.Id, stop.Differences, Rows(done))).ConfigureAwait(false);
            if (!run.Succeeded)
            {
                if (json) await host.Out.WriteLineAsync(HistorySupport.Json(new RevertDocument("failed", HistorySupport.Refused, Rows(done)))).ConfigureAwait(false);
                return HistorySupport.Refused;
            }
            if (json) await host.Out.WriteLineAsync(HistorySupport.Json(new RevertDocument("done", 0, Rows(done)))).ConfigureAwait(false);
            return 0;
        }
    }

    private static List<RevertedRow> Rows(IEnumerable<RevertOutcome> done) =>
        [.. done.Select(d => new RevertedRow(d.TargetId, d.RevertId, d.Succeeded, d.NotUndone, d.Message))];
}
