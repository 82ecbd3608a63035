using System.Collections.Immutable;
using NetTui.Core.Commands;
using NetTui.History.Facts;

namespace NetTui.History.Journaling;

/// <summary>What the caller knows when it starts a change-set (before any command runs).</summary>
public sealed record NewChangeSet(
    string Summary,
    string? Namespace,
    ChangeSetKind Kind = ChangeSetKind.Change,
    long? RevertsId = null,
    FactSet? BeforeFacts = null);

/// <summary>
/// One planned step, written with the change-set so that after a crash the journal knows
/// what was meant to happen and how to reverse each step. Kind and JSON are opaque here:
/// the operations layer defines and (de)serializes them.
/// </summary>
public sealed record PlannedStep(
    string Kind,
    string ParametersJson,
    string Description,
    string? InverseKind = null,
    string? InverseParametersJson = null,
    FactSet? BeforeFacts = null);

/// <summary>One external command as it ran.</summary>
public sealed record CommandRecord(
    string Display,
    ImmutableArray<string> Argv,
    int ExitCode,
    string StandardOutput,
    string StandardError,
    TimeSpan Elapsed,
    DateTimeOffset StartedAt)
{
    public static CommandRecord From(CommandResult r, DateTimeOffset startedAt) => new(
        r.Spec.Display, [r.Spec.Program, .. r.Spec.Arguments], r.ExitCode,
        r.StandardOutput, r.StandardError, r.Elapsed, startedAt);
}

public sealed record ChangeSet(
    long Id,
    Guid Uuid,
    ChangeSetKind Kind,
    ChangeSetStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    int UserId,
    string UserName,
    string? SudoUser,
    string? Namespace,
    string Summary,
    long? RevertsId,
    string WriterHost,
    int WriterPid,
    long WriterStartTicks,
    FactSet BeforeFacts,
    FactSet AfterFacts,
    string? Error,
    DateTimeOffset? ConfirmDeadline,
    DateTimeOffset? ConfirmedAt,
    int? WatchdogPid)
{
    /// <summary>The NetworkManager checkpoint backing a commit-confirmed change of NM-managed profiles (its D-Bus path), if one was made.</summary>
    public string? NmCheckpoint { get; init; }
}

public sealed record JournalStep(
    long Id,
    int Seq,
    string Kind,
    string ParametersJson,
    string Description,
    string? InverseKind,
    string? InverseParametersJson,
    StepStatus Status,
    FactSet BeforeFacts,
    FactSet AfterFacts,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    ImmutableArray<CommandRecord> Commands);

/// <summary>A change-set with its steps and their commands (the History view's detail pane).</summary>
public sealed record ChangeSetDetail(ChangeSet ChangeSet, ImmutableArray<JournalStep> Steps);

/// <summary>A change-set still pending, and whether the process writing it is still alive.</summary>
public sealed record PendingChangeSet(ChangeSet ChangeSet, bool WriterAlive, string Explanation)
{
    /// <summary>Left behind by a crashed run: offer to finish or roll back.</summary>
    public bool Abandoned => !WriterAlive;
}
