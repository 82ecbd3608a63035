using System.Collections.Immutable;
using NetTui.History.Facts;
using NetTui.History.Journaling;
using NetTui.History.Locking;
using NetTui.History.Planning;

namespace NetTui.Recording;

/// <summary>The host no longer shows what <see cref="Revert"/>'s target left: the revert stopped there, nothing more ran.</summary>
public sealed record DriftStop(PlannedRevert Revert, ImmutableArray<FactDifference> Differences);

/// <summary>
/// What running an undo/redo/rollback plan did: the reverts that ran (in order), the targets a
/// rollback went past (<see cref="Skipped"/>: Doctor fixes undo does not take back), and where
/// drift stopped it, if it did.
/// </summary>
public sealed record RevertRun(ImmutableArray<RevertOutcome> Done, ImmutableArray<long> Skipped, DriftStop? Drift)
{
    public bool Succeeded => Drift is null && Done.All(d => d.Succeeded || Skipped.Contains(d.TargetId));
}

/// <summary>
/// The one way undo, redo and rollback run (the CLI verbs and the TUI's History view): the
/// planned change-sets one by one, in the plan's order. Before each, the host is compared with
/// the facts that change-set left ("after"); on a difference <c>overwrite</c> decides (the CLI
/// asks on the terminal or reads --force; the TUI asks in its overlay) and a no stops the
/// sequence there, because reverting would clobber a change someone made by hand. A failed
/// revert stops it too (the executor already took back its own half), except that a rollback
/// goes on past a change undo does not take back (<see cref="RevertOutcome.NotUndone"/>).
/// The caller holds the apply lock.
/// </summary>
public static class RevertSequence
{
    public static async Task<RevertRun> RunAsync(
        Reverter reverter, ApplyLock lease, IEnumerable<PlannedRevert> reverts,
        Func<PlannedRevert, ImmutableArray<FactDifference>, Task<bool>> overwrite,
        Func<RevertOutcome, bool, Task>? reported = null, CancellationToken ct = default)
    {
        var done = ImmutableArray.CreateBuilder<RevertOutcome>();
        var skipped = ImmutableArray.CreateBuilder<long>();
        foreach (var revert in reverts)
        {
            var drift = await reverter.DriftAsync(revert, ct).ConfigureAwait(false);
            if (!drift.IsEmpty && !await overwrite(revert, drift).ConfigureAwait(false))
                return new RevertRun(done.ToImmutable(), skipped.ToImmutable(), new DriftStop(revert, drift));

            var outcome = await reverter.RevertAsync(lease, revert, ct).ConfigureAwait(false);
            done.Add(outcome);
            var skip = outcome.NotUndone && revert.RevertKind == ChangeSetKind.Rollback;
            if (skip) skipped.Add(revert.Target.Id);
            if (reported is not null) await reported(outcome, skip).ConfigureAwait(false);
            if (!skip && !outcome.Succeeded) break;
        }
        return new RevertRun(done.ToImmutable(), skipped.ToImmutable(), null);
    }
}
