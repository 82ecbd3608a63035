namespace NetTui.History.Journaling;

/// <summary>Where a change-set is in its life. Stored as the snake_case text in <see cref="StatusText"/>.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(NetTui.Core.Model.CamelCaseEnumConverter<ChangeSetStatus>))]
public enum ChangeSetStatus
{
    /// <summary>Written before the first command; still pending after start-up means the writer crashed.</summary>
    Pending,
    Applied,
    /// <summary>Failed; the executor reversed what it had done (all or nothing), so the host is as before.</summary>
    Failed,
    /// <summary>Reverted by an undo change-set.</summary>
    Undone,
    /// <summary>Reverted by a rollback (rollback --to, crash recovery, or an unconfirmed commit-confirmed change).</summary>
    RolledBack,
    /// <summary>Applied with --confirm-within; rolled back at the deadline unless confirmed.</summary>
    ConfirmPending,
    /// <summary>The deadline passed and the watchdog claimed it; a confirm now is too late.</summary>
    ConfirmExpired,
    /// <summary>
    /// Failed, and undoing what it had done failed too (a daemon was gone): the host is half-changed.
    /// Blocks new changes until `nettui rollback --pending` retries the failed undo steps.
    /// </summary>
    NeedsRepair,
}

/// <summary>What a change-set does: an admin's change, or the reversal of another change-set.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(NetTui.Core.Model.CamelCaseEnumConverter<ChangeSetKind>))]
public enum ChangeSetKind
{
    Change,
    /// <summary>Reverts a change (or a redo); the target becomes <see cref="ChangeSetStatus.Undone"/>.</summary>
    Undo,
    /// <summary>Reverts an undo, bringing the change back; the undo becomes <see cref="ChangeSetStatus.Undone"/>.</summary>
    Redo,
    /// <summary>Reverts as part of a rollback; the target becomes <see cref="ChangeSetStatus.RolledBack"/>.</summary>
    Rollback,
}

[System.Text.Json.Serialization.JsonConverter(typeof(NetTui.Core.Model.CamelCaseEnumConverter<StepStatus>))]
public enum StepStatus
{
    Pending,
    Applied,
    Failed,
    /// <summary>Applied, then reversed because a later step failed.</summary>
    Reverted,
    /// <summary>Never ran because an earlier step failed.</summary>
    Skipped,
    /// <summary>Applied, then its undo failed: it may still be in effect (the change-set needs repair).</summary>
    UndoFailed,
}

public static class StatusText
{
    public static string ToText(this ChangeSetStatus s) => s switch
    {
        ChangeSetStatus.Pending => "pending",
        ChangeSetStatus.Applied => "applied",
        ChangeSetStatus.Failed => "failed",
        ChangeSetStatus.Undone => "undone",
        ChangeSetStatus.RolledBack => "rolled_back",
        ChangeSetStatus.ConfirmPending => "confirm_pending",
        ChangeSetStatus.ConfirmExpired => "confirm_expired",
        ChangeSetStatus.NeedsRepair => "needs_repair",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, null),
    };

    public static ChangeSetStatus ParseChangeSetStatus(string s) => s switch
    {
        "pending" => ChangeSetStatus.Pending,
        "applied" => ChangeSetStatus.Applied,
        "failed" => ChangeSetStatus.Failed,
        "undone" => ChangeSetStatus.Undone,
        "rolled_back" => ChangeSetStatus.RolledBack,
        "confirm_pending" => ChangeSetStatus.ConfirmPending,
        "confirm_expired" => ChangeSetStatus.ConfirmExpired,
        "needs_repair" => ChangeSetStatus.NeedsRepair,
        _ => throw new FormatException($"unknown change-set status '{s}' in the history database"),
    };

    public static string ToText(this ChangeSetKind k) => k switch
    {
        ChangeSetKind.Change => "change",
        ChangeSetKind.Undo => "undo",
        ChangeSetKind.Redo => "redo",
        ChangeSetKind.Rollback => "rollback",
        _ => throw new ArgumentOutOfRangeException(nameof(k), k, null),
    };

    public static ChangeSetKind ParseKind(string s) => s switch
    {
        "change" => ChangeSetKind.Change,
        "undo" => ChangeSetKind.Undo,
        "redo" => ChangeSetKind.Redo,
        "rollback" => ChangeSetKind.Rollback,
        _ => throw new FormatException($"unknown change-set kind '{s}' in the history database"),
    };

    public static string ToText(this StepStatus s) => s switch
    {
        StepStatus.Pending => "pending",
        StepStatus.Applied => "applied",
        StepStatus.Failed => "failed",
        StepStatus.Reverted => "reverted",
        StepStatus.Skipped => "skipped",
        StepStatus.UndoFailed => "undo_failed",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, null),
    };

    public static StepStatus ParseStepStatus(string s) => s switch
    {
        "pending" => StepStatus.Pending,
        "applied" => StepStatus.Applied,
        "failed" => StepStatus.Failed,
        "reverted" => StepStatus.Reverted,
        "skipped" => StepStatus.Skipped,
        "undo_failed" => StepStatus.UndoFailed,
        _ => throw new FormatException($"unknown step status '{s}' in the history database"),
    };
}
