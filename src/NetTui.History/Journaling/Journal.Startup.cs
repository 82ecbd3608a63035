using NetTui.History.Storage;

namespace NetTui.History.Journaling;

/// <summary>What a starting NetTui must tell the admin about before anything else.</summary>
public sealed record StartupReport(
    IReadOnlyList<PendingChangeSet> Abandoned,
    IReadOnlyList<ChangeSet> ExpiredWithoutWatchdog,
    IReadOnlyList<ChangeSet> AwaitingConfirmation)
{
    /// <summary>Change-sets whose own undo failed (a daemon was gone): the host is half-changed until they are repaired.</summary>
    public IReadOnlyList<ChangeSet> NeedsRepair { get; init; } = [];

    /// <summary>Something was left half-done by a crash, a dead watchdog or a failed undo: offer to finish, roll back or repair.</summary>
    public bool NeedsAttention => Abandoned.Count > 0 || ExpiredWithoutWatchdog.Count > 0 || NeedsRepair.Count > 0;
}

public sealed partial class Journal
{
    /// <summary>
    /// One call for start-up: change-sets abandoned by a crashed writer, unconfirmed ones past
    /// their deadline whose watchdog is gone (a live watchdog is left to do its job), and those
    /// still counting down (for the TUI's countdown).
    /// </summary>
    public async Task<StartupReport> InspectAtStartupAsync(CancellationToken ct = default)
    {
        var abandoned = (await FindPendingAsync(ct).ConfigureAwait(false)).Where(p => p.Abandoned).ToList();
        // The watchdog's start time is not recorded, so this is a pid check; a recycled pid at
        // worst delays the rollback until the next start, it never runs it twice (the claim is atomic).
        var expired = (await ExpiredUnconfirmedAsync(ct).ConfigureAwait(false))
            .Where(cs => cs.WatchdogPid is not { } pid || !ProcessLiveness.IsAlive(pid, 0))
            .ToList();
        var waiting = await AwaitingConfirmationAsync(ct).ConfigureAwait(false);
        return new StartupReport(abandoned, expired, waiting) { NeedsRepair = await NeedingRepairAsync(ct).ConfigureAwait(false) };
    }

    /// <summary>Change-sets whose undo failed half-way, newest first (see <see cref="ChangeSetStatus.NeedsRepair"/>).</summary>
    public Task<IReadOnlyList<ChangeSet>> NeedingRepairAsync(CancellationToken ct = default) =>
        QueryAsync(SelectChangeSets + " WHERE status = 'needs_repair' ORDER BY id DESC", ct);
}
