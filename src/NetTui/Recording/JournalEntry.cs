using NetTui.History.Journaling;

namespace NetTui.Recording;

/// <summary>
/// What the journal is told about a change-set besides its operations: its summary (null: the
/// operations' descriptions), namespace, kind, the change-set it reverts, and for a
/// commit-confirmed change how long the admin has to confirm it.
/// </summary>
public sealed record JournalEntry(
    string? Summary,
    string? Namespace,
    ChangeSetKind Kind = ChangeSetKind.Change,
    long? RevertsId = null,
    TimeSpan? ConfirmWithin = null);
