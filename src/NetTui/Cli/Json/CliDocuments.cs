using System.Collections.Immutable;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Plans;
using NetTui.Core.Values;
using NetTui.History.Facts;
using NetTui.History.Journaling;
using NetTui.Host.Changes;

namespace NetTui.Cli.Json;

// The `--json` documents of the change and history verbs, as named records so their JSON
// metadata is generated at compile time (CliJsonContext). Property order is the document's
// key order; names are camelCased by the options. Docs: docs/json-shape.md.

/// <summary>{"outcome":"rejected","exitCode":2,"errors":[...]}: refused before anything ran.</summary>
public sealed record RejectedDocument<TError>(string Outcome, int ExitCode, IReadOnlyList<TError> Errors)
{
    public static RejectedDocument<TError> Of(IEnumerable<TError> errors) => new("rejected", 2, [.. errors]);
}

/// <summary>A history verb that refused or could not be asked; <see cref="Detail"/> only when the revert stopped at drift.</summary>
public sealed record RefusedDocument(string Outcome, int ExitCode, string Error, DriftDetail? Detail);

public sealed record DriftDetail(long ChangeSet, ImmutableArray<FactDifference> Drift, IReadOnlyList<RevertedRow> Reverted);

/// <summary>One change-set an undo, redo or rollback reverted (or skipped).</summary>
public sealed record RevertedRow(long Target, long? ChangeSet, bool Succeeded, bool Skipped, string Message);

/// <summary>"done" or "failed", with what was reverted.</summary>
public sealed record RevertDocument(string Outcome, int ExitCode, IReadOnlyList<RevertedRow> Reverted);

/// <summary>rollback --pending ("reverted") or finish ("finished") of what a crashed run left.</summary>
public sealed record PendingDocument(string Outcome, int ExitCode, IReadOnlyList<PendingRow>? Reverted, IReadOnlyList<PendingRow>? Finished);

public sealed record PendingRow(long Target, long? ChangeSet, bool Succeeded, string Message);

public sealed record ConfirmDocument(string Outcome, int ExitCode, IReadOnlyList<ConfirmedRow> ChangeSets);

public sealed record ConfirmedRow(long Id, ConfirmOutcome Outcome);

/// <summary>The tunnel wizard's two plans, when it only plans.</summary>
public sealed record WizardPlannedDocument(string Outcome, int? Mtu, IReadOnlyList<string> Messages, PlanFile? Local, PlanFile? Peer, string? LocalOut, string? PeerOut);

/// <summary>A change's report for scripts: everything but the two snapshots (those are `nettui show --json`'s job).</summary>
public sealed record ChangeDocument(
    ChangeOutcome Outcome,
    int ExitCode,
    string Summary,
    Guid ChangeSetId,
    long? HistoryId,
    DateTimeOffset? ConfirmDeadline,
    int? WatchdogPid,
    string? Target,
    ImmutableArray<ValueError> Errors,
    IReadOnlyList<OperationDocument> Operations,
    StepOutcome? FailedStep,
    ImmutableArray<StepOutcome> Undone,
    ImmutableArray<StepOutcome> UndoFailures,
    ImmutableArray<string> Differences,
    ImmutableArray<string> Notes);

public sealed record OperationDocument(
    Operation Operation,
    string Description,
    ImmutableArray<string> Consequences,
    string? Persistence,
    ImmutableArray<string> Plan,
    ImmutableArray<PlanStep> Steps,
    Operation? Inverse,
    string? InverseUnavailable,
    ImmutableArray<StepOutcome> Ran,
    ImmutableArray<string> Differences);
