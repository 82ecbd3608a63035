using NetTui.History.Journaling;

namespace NetTui.Recording;

/// <summary>
/// Confirming a commit-confirmed change: the journal first (the one race-free decision, see
/// docs/commit-confirmed.md), then, once it is confirmed, its NetworkManager checkpoint is
/// destroyed so that NetworkManager does not roll it back when its own timer runs out. For
/// `nettui confirm` and the TUI's confirm key alike.
/// </summary>
public static class Confirmation
{
    /// <param name="Warning">Set when the change is confirmed but its checkpoint could not be destroyed (NetworkManager will then roll it back at its timeout).</param>
    public sealed record Result(long Id, ConfirmOutcome Outcome, string? Warning);

    public static async Task<Result> ConfirmAsync(Journal journal, long id, INmCheckpoints? checkpoints, CancellationToken ct = default)
    {
        var outcome = await journal.ConfirmAsync(id, ct).ConfigureAwait(false);
        if (outcome != ConfirmOutcome.Confirmed || checkpoints is null) return new(id, outcome, null);
        var checkpoint = (await journal.GetAsync(id, ct).ConfigureAwait(false))?.ChangeSet.NmCheckpoint;
        if (checkpoint is null) return new(id, outcome, null);
        var error = await checkpoints.DestroyAsync(checkpoint, ct).ConfigureAwait(false);
        return new(id, outcome, error is null ? null
            : $"#{id} is confirmed, but its NetworkManager checkpoint {checkpoint} could not be removed ({error}): NetworkManager may still roll the change back when its timer runs out");
    }
}
