using NetTui.History.Facts;
using NetTui.History.Journaling;
using NetTui.History.Planning;
using NetTui.Recording;

namespace NetTui.UnitTests.History;

public class RevertSummaryTests
{
    private static ChangeSet Cs(long id, ChangeSetKind kind, string summary, long? reverts = null) => new(
        id, Guid.NewGuid(), kind, ChangeSetStatus.Applied, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, 0, "root", null, null, summary,
        reverts, "vm", 1, 1, FactSet.Empty, FactSet.Empty, null, null, null, null);

    [Theory]
    [InlineData(ChangeSetKind.Undo, 4L, "create bridge br0", null, "undo #4: create bridge br0")]
    [InlineData(ChangeSetKind.Redo, 5L, "undo #4: create bridge br0", 4L, "redo #4: create bridge br0")]
    [InlineData(ChangeSetKind.Rollback, 6L, "redo #4: create bridge br0", 5L, "rollback #6: create bridge br0")]
    [InlineData(ChangeSetKind.Undo, 7L, "rollback #1 (left pending by a crash): create bridge brc", 1L, "undo #7: create bridge brc")]
    public void A_revert_names_the_change_not_the_chain(ChangeSetKind kind, long id, string summary, long? reverts, string expected) =>
        Assert.Equal(expected, Reverter.SummaryOf(new PlannedRevert(Cs(id, ChangeSetKind.Change, summary, reverts), kind)));
}
