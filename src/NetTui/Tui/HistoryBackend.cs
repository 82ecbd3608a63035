using NetTui.History.Journaling;
using NetTui.Recording;

namespace NetTui.Tui;

/// <summary>The History view's three reverts: undo the newest change, roll back to an entry (undo everything after it), redo the last undone.</summary>
public enum HistoryAction { Undo, RollbackTo, Redo }

public sealed record HistoryRequest(HistoryAction Action, long ToId = 0)
{
    /// <summary>The CLI verb that does the same (and names the apply lock).</summary>
    public string Verb => Action switch { HistoryAction.Undo => "undo", HistoryAction.Redo => "redo", _ => "rollback" };

    public string Title => Action switch
    {
        HistoryAction.Undo => "Undo the newest change",
        HistoryAction.Redo => "Redo the last undone change",
        _ => $"Roll back to #{ToId} (undo everything after it)",
    };
}

/// <summary>The journal as the view shows it: change-sets newest first (with steps and commands), and what crashed runs left half-done.</summary>
public sealed record HistoryLoad(IReadOnlyList<ChangeSetDetail> Entries, IReadOnlyList<string> Crashed, DateTimeOffset Now);

/// <summary>What a revert would do, shown before it runs: the change-sets it reverts (<see cref="Targets"/>) and the commands; or why it cannot.</summary>
public sealed record RevertPreview(HistoryRequest Request, IReadOnlyList<long> Targets, IReadOnlyList<string> Lines, string? Refusal)
{
    public bool CanRun => Refusal is null && Targets.Count > 0;
}

/// <summary>How a revert went, in lines for the overlay; <see cref="Drift"/>: stopped because the host was changed since.</summary>
public sealed record HistoryOutcome(bool Succeeded, IReadOnlyList<string> Lines, DriftStop? Drift = null);

/// <summary>
/// What the History view needs from the journal and the host. Every call may be slow (the
/// journal, a host read, commands): the window runs them off the UI thread. The real one is
/// <see cref="JournalHistoryBackend"/>, which runs the same code as the CLI verbs.
/// </summary>
public interface IHistoryBackend
{
    Task<HistoryLoad> LoadAsync(CancellationToken ct = default);
    Task<RevertPreview> PreviewAsync(HistoryRequest request, CancellationToken ct = default);

    /// <summary>Runs what <paramref name="preview"/> showed (refused if the journal moved since). <paramref name="force"/> reverts over drift, like `--force`.</summary>
    Task<HistoryOutcome> RevertAsync(RevertPreview preview, bool force, CancellationToken ct = default);

    /// <summary>`nettui rollback --pending`: roll back what crashed runs left half-done.</summary>
    Task<HistoryOutcome> RollBackPendingAsync(CancellationToken ct = default);

    /// <summary>Finishes what crashed runs left half-done (the remaining steps); null when this build cannot, and the overlay does not offer it.</summary>
    Func<CancellationToken, Task<HistoryOutcome>>? FinishPending => null;
}
