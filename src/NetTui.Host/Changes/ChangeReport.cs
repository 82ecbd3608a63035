using System.Collections.Immutable;
using NetTui.Core.Commands;
using NetTui.Core.Model;
using NetTui.Core.Operations;
using NetTui.Core.Values;

namespace NetTui.Host.Changes;

[System.Text.Json.Serialization.JsonConverter(typeof(NetTui.Core.Model.CamelCaseEnumConverter<ChangeOutcome>))]
public enum ChangeOutcome
{
    /// <summary>Every step ran and the host was verified.</summary>
    Applied,
    /// <summary>Dry run: validated and planned, nothing ran.</summary>
    Planned,
    /// <summary>Refused before anything ran (bad field, host check, journal veto).</summary>
    Rejected,
    /// <summary>A step failed or verification found a difference; everything that ran was undone.</summary>
    RolledBack,
    /// <summary>A step failed and at least one undo failed too: the host is NOT as it was. Read <see cref="ChangeReport.UndoFailures"/>.</summary>
    RollbackFailed,
    /// <summary>Applied, not rolled back (the caller asked so), but the host differs from what was asked.</summary>
    Unverified,
}

/// <summary>One step as it ran (or was undone): the commands with exit codes and stderr.</summary>
public sealed record StepOutcome(int Operation, int Step, string Description, bool Succeeded, ImmutableArray<CommandResult> Commands, string? Error);

public sealed record OperationReport(
    int Index,
    Operation Operation,
    ImmutableArray<PlanStep> Plan,
    Operation? Inverse,
    string? InverseUnavailable,
    ImmutableArray<StepOutcome> Steps,
    ImmutableArray<string> Differences);

/// <summary>Exactly what happened to a change-set, for the admin, `--json` and the journal.</summary>
public sealed record ChangeReport(
    Guid ChangeSetId,
    NetworkTarget Target,
    ChangeOutcome Outcome,
    string Summary,
    ImmutableArray<OperationReport> Operations,
    ImmutableArray<ValueError> Errors,
    StepOutcome? FailedStep,
    ImmutableArray<string> Differences,
    ImmutableArray<StepOutcome> Undone,
    ImmutableArray<StepOutcome> UndoFailures,
    ImmutableArray<string> Notes,
    HostSnapshot? Before,
    HostSnapshot? After)
{
    /// <summary>CLI exit code: 0 applied or planned, 1 the change failed (and was undone), 2 refused.</summary>
    public int ExitCode => Outcome switch
    {
        ChangeOutcome.Applied or ChangeOutcome.Planned => 0,
        ChangeOutcome.Rejected => 2,
        _ => 1,
    };

    public bool Succeeded => Outcome is ChangeOutcome.Applied or ChangeOutcome.Planned;
}
