using NetTui.History.Journaling;
using NetTui.Presentation.History;
using NetTui.Recording;

namespace NetTui.Tui;

/// <summary>
/// What the TUI's commit-confirmed countdown needs from the history journal: the changes of
/// its namespace awaiting confirmation, the status of one that stopped awaiting, and the
/// confirm itself. The real one is <see cref="JournalConfirmBackend"/>; UI tests give a fake.
/// </summary>
public interface IConfirmBackend
{
    Task<IReadOnlyList<AwaitingChange>> AwaitingAsync(CancellationToken ct = default);
    Task<ChangeSetStatus?> StatusAsync(long id, CancellationToken ct = default);
    Task<ConfirmOutcome> ConfirmAsync(long id, CancellationToken ct = default);
}

/// <summary>
/// The countdown over the real journal, off the UI thread. Confirming is the same call
/// `nettui confirm` makes (<see cref="Confirmation.ConfirmAsync"/>), with the checkpoints of the
/// change path the TUI was started with (its bus). No journal: nothing awaits.
/// </summary>
public sealed class JournalConfirmBackend(Func<Journal?> journal, string? netns, INmCheckpoints checkpoints) : IConfirmBackend
{
    public Task<IReadOnlyList<AwaitingChange>> AwaitingAsync(CancellationToken ct = default) => Task.Run(async () =>
    {
        if (journal() is not { } j) return (IReadOnlyList<AwaitingChange>)[];
        var rows = await j.AwaitingConfirmationAsync(ct).ConfigureAwait(false);
        return [.. rows.Where(cs => cs.Namespace == netns).Select(AwaitingChange.Of).OfType<AwaitingChange>()];
    }, ct);

    public Task<ChangeSetStatus?> StatusAsync(long id, CancellationToken ct = default) => Task.Run(async () =>
        journal() is { } j && await j.GetAsync(id, ct).ConfigureAwait(false) is { } d ? d.ChangeSet.Status : (ChangeSetStatus?)null, ct);

    // Confirmation also destroys the change's NetworkManager checkpoint, if it has one (as `nettui confirm` does).
    public Task<ConfirmOutcome> ConfirmAsync(long id, CancellationToken ct = default) => Task.Run(async () =>
        journal() is { } j ? (await Confirmation.ConfirmAsync(j, id, checkpoints, ct).ConfigureAwait(false)).Outcome : ConfirmOutcome.NotFound, ct);
}
