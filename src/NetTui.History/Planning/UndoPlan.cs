using System.Collections.Immutable;
using NetTui.History.Facts;
using NetTui.History.Journaling;

namespace NetTui.History.Planning;

/// <summary>
/// Revert <see cref="Target"/> by running its steps' inverses as a new change-set of kind
/// <see cref="RevertKind"/> (with RevertsId = Target.Id). Before running, the host must still
/// show <see cref="ExpectedFacts"/> (the target's "after" facts), otherwise it drifted.
/// </summary>
public sealed record PlannedRevert(ChangeSet Target, ChangeSetKind RevertKind)
{
    public FactSet ExpectedFacts => Target.AfterFacts;

    public string Summary => RevertKind switch
    {
        ChangeSetKind.Redo => $"redo #{Target.RevertsId}: {Target.Summary}",
        ChangeSetKind.Rollback => $"rollback #{Target.Id}: {Target.Summary}",
        _ => $"undo #{Target.Id}: {Target.Summary}",
    };
}

/// <summary>The change-sets to revert, in the order to revert them; or why nothing should be.</summary>
public sealed record UndoPlan(ImmutableArray<PlannedRevert> Reverts, string? Refusal)
{
    public bool CanProceed => Refusal is null && !Reverts.IsEmpty;

    public static UndoPlan Refuse(string why) => new([], why);
    public static UndoPlan Of(IEnumerable<PlannedRevert> reverts) => new([.. reverts], null);
}
